from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestClose(ComplaintCase):
    def _valid_complaint(self):
        complaint = self._new_complaint()
        self._dispatch(complaint, self.dep_engineering, self.handler)
        complaint.with_user(self.agent).validity_reason = "Repair not done in time."
        complaint.with_user(self.agent).action_confirm_valid()
        return complaint

    def test_c14_c24_result_needs_result_solution_and_prevention(self):
        complaint = self._valid_complaint().with_user(self.agent)
        complaint.write(
            {
                "resolution": "<p>Pipe replaced.</p>",
                "result_summary": "Fixed.",
                "result_solution": "Pipe replaced.",
                "result_method": "phone",
            }
        )
        # refused: how a recurrence is avoided is missing
        with self.assertRaisesRegex(UserError, "Recurrence Prevention"):
            complaint.action_communicate_result()
        self.assertFalse(complaint.date_result_communicated)
        complaint.result_prevention = "Quarterly checks."
        complaint.action_communicate_result()
        self.assertTrue(complaint.date_result_communicated)
        self.assertEqual(complaint.result_user_id, self.agent)
        self.assertEqual(complaint.stage_id.role, "callback")

    def test_c14_result_needs_a_resolution(self):
        complaint = self._valid_complaint().with_user(self.agent)
        complaint.write(
            {
                "result_summary": "Fixed.",
                "result_solution": "Pipe replaced.",
                "result_prevention": "Checks.",
                "result_method": "visit",
            }
        )
        with self.assertRaisesRegex(UserError, "resolution"):
            complaint.action_communicate_result()

    def test_c18_close_names_each_missing_condition(self):
        complaint = self._new_complaint().with_user(self.agent)
        with self.assertRaises(UserError) as error:
            complaint.action_close()
        message = str(error.exception)
        self.assertIn("the resolution is not recorded", message)
        self.assertIn("the result has not been communicated", message)
        self.assertIn("validity of the complaint is not verified", message)
        self.assertFalse(complaint.is_closed)

    def test_c18_close_and_read_only(self):
        complaint = self._valid_complaint()
        complaint.responsible_department_id = self.dep_engineering
        self._resolve_and_communicate(complaint)
        complaint.with_user(self.agent).action_close()
        self.assertTrue(complaint.is_closed)
        self.assertTrue(complaint.date_closed)
        self.assertEqual(
            complaint.stage_id, self.env.ref("property_complaint.stage_closed")
        )
        # refused: a closed complaint is read-only, even for the service-centre manager
        with self.assertRaisesRegex(UserError, "read-only"):
            complaint.with_user(self.cs_manager).summary = "Changed"
        with self.assertRaises(UserError):
            complaint.with_user(self.agent).action_close()
        # the chatter stays open
        complaint.with_user(self.agent).message_post(body="Customer thanked us.")

    def test_c18_never_deleted(self):
        complaint = self._new_complaint()
        for user in (self.agent, self.cs_manager, self.quality):
            with self.assertRaises(UserError):  # AccessError or the keeping rule
                complaint.with_user(user).unlink()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            complaint.sudo().unlink()
        # refused: an open complaint is not archived (it would leave the register)
        for user in (self.agent, self.cs_manager):
            with self.assertRaises(UserError):
                complaint.with_user(user).action_archive()
        self.assertTrue(complaint.active)

    def test_c18_reopen_only_by_a_manager(self):
        complaint = self._valid_complaint()
        complaint.responsible_department_id = self.dep_engineering
        self._resolve_and_communicate(complaint)
        complaint.with_user(self.agent).action_close()
        # refused: an agent or a supervisor cannot reopen
        for user in (self.agent, self.supervisor):
            with self.assertRaises(AccessError):
                complaint.with_user(user).action_reopen()
        action = complaint.with_user(self.cs_manager).action_reopen()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.cs_manager)
            .with_context(**action["context"])
            .create({"reason": "The leak came back."})
        )
        wizard.action_confirm()
        self.assertFalse(complaint.is_closed)
        self.assertFalse(complaint.date_closed)
        self.assertEqual(complaint.stage_id.role, "progress")
        self.assertIn("The leak came back.", complaint.message_ids[0].body)

    def test_c18_household_history(self):
        first = self._new_complaint()
        # the owner's only unit is proposed
        second = self._new_complaint(partner_id=self.owner.id, unit_id=False)
        self.assertEqual(second.unit_id, self.unit)
        tenant = self.env["res.partner"].create(
            {"name": "Tenant Co", "is_company": True}
        )
        third = self._new_complaint(unit_id=False, tenant_company_id=tenant.id)
        self._new_complaint(unit_id=False)
        # only a closed complaint is archived, by a manager
        first.sudo()._property_internal().write({"active": False})
        unit = self.unit.with_user(self.agent)
        self.assertEqual(unit.complaint_count, 2)
        action = unit.action_view_complaints()
        found = (
            self.env["property.complaint"]
            .with_user(self.agent)
            .search(action["domain"])
        )
        self.assertEqual(found, first | second)
        owner = self.owner.with_user(self.agent)
        self.assertEqual(owner.property_complaint_count, 2)
        action = owner.action_view_property_complaints()
        found = (
            self.env["property.complaint"]
            .with_user(self.agent)
            .search(action["domain"])
        )
        self.assertEqual(found, first | second)
        tenant = tenant.with_user(self.agent)
        self.assertEqual(tenant.property_complaint_count, 1)
        found = (
            self.env["property.complaint"]
            .with_user(self.agent)
            .search(tenant.action_view_property_complaints()["domain"])
        )
        self.assertEqual(found, third)

    def test_c19_responsibility_before_closing(self):
        complaint = self._valid_complaint()
        self._resolve_and_communicate(complaint)
        complaint.staff_at_fault = True
        with self.assertRaises(UserError) as error:
            complaint.with_user(self.agent).action_close()
        self.assertIn("the responsible department is not named", str(error.exception))
        self.assertIn("the responsible employees are not named", str(error.exception))
        complaint.write(
            {
                "responsible_department_id": self.dep_security.id,
                "responsible_employee_ids": [Command.set(self.emp_guard.ids)],
            }
        )
        complaint.with_user(self.agent).action_close()
        self.assertTrue(complaint.is_closed)
        self.assertEqual(complaint.responsible_employee_ids, self.emp_guard)

    def test_c19_demand_needs_no_responsibility(self):
        demand = self._new_complaint(kind="demand", demand_type="inquiry")
        self._resolve_and_communicate(demand)
        demand.with_user(self.agent).action_close()
        self.assertTrue(demand.is_closed)
