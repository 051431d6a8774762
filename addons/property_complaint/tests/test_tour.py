from odoo.tests import HttpCase, tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestComplaintTour(HttpCase, ComplaintCase):
    def test_c01_c11_tour_agent_registers_and_dispatches(self):
        self.agent.password = "t_agent"
        self.dep_engineering.name = "Tour Engineering"
        self.handler.name = "Tour Handler"
        self.start_tour(
            "/odoo/action-property_complaint.property_complaint_action",
            "property_complaint_register_tour",
            login="t_agent",
        )
        complaint = self.env["property.complaint"].search(
            [("summary", "=", "Tour lift stuck")]
        )
        self.assertEqual(complaint.channel_id, self.channel_phone)
        self.assertEqual(complaint.partner_phone, "+8613800138000")
        self.assertEqual(complaint.handler_id, self.handler)
        self.assertEqual(complaint.transfer_ids.user_id, self.agent)
        self.assertEqual(complaint.stage_id.role, "progress")

    def test_c15_c17_tour_agent_records_a_phone_callback(self):
        self.agent.password = "t_agent"
        complaint = self._new_complaint(summary="Tour callback leak")
        self._dispatch(complaint, self.dep_engineering, self.handler)
        complaint.with_user(self.agent).write(
            {
                "validity_reason": "Repair late.",
                "responsible_department_id": self.dep_engineering.id,
                "resolution": "<p>Pipe replaced.</p>",
                "result_summary": "The leak is fixed.",
                "result_solution": "Pipe replaced.",
                "result_prevention": "Quarterly checks.",
                "result_method": "phone",
            }
        )
        complaint.with_user(self.agent).action_confirm_valid()
        complaint.with_user(self.agent).action_communicate_result()
        callback = complaint.callback_ids
        self.assertEqual(callback.user_id, self.agent)
        self.start_tour(
            "/odoo/action-property_complaint.property_complaint_callback_action",
            "property_complaint_phone_callback_tour",
            login="t_agent",
        )
        self.assertEqual(callback.state, "done")
        self.assertEqual(callback.method, "phone")
        self.assertEqual(callback.answered_by, "Mr Tour himself")
        self.assertTrue(callback.date_done)
        self.assertFalse(callback.signature)
        second = callback.second_complaint_id
        self.assertTrue(second.is_second_complaint)
        self.assertIn(second.name, " ".join(complaint.message_ids.mapped("body")))


@tagged("post_install", "-at_install")
class TestOverviewTour(HttpCase, ComplaintCase):
    """Issue #19: the supervisor's and the handler's daily tasks from their home."""

    def test_overview_tour_supervisor_dispatches_from_the_overview(self):
        self.supervisor.password = "t_supervisor"
        self.site.name = "Tour Site"
        self.dep_engineering.name = "Tour Engineering"
        self.handler.name = "Tour Handler"
        # received 2025-03-03 and never answered: late whatever today is
        late = self._new_complaint(summary="Tour late leak")
        self.start_tour(
            "/odoo", "property_complaint_overview_dispatch_tour", login="t_supervisor"
        )
        self.assertEqual(late.handler_id, self.handler)
        self.assertEqual(late.department_id, self.dep_engineering)
        self.assertEqual(late.transfer_ids.user_id, self.supervisor)
        self.assertEqual(late.stage_id.role, "progress")

    def test_c12_tour_handler_records_the_handling(self):
        self.handler.password = "t_handler"
        complaint = self._new_complaint(summary="Tour handling leak")
        self._dispatch(complaint, self.dep_engineering, self.handler)
        other = self._new_complaint(summary="Tour other leak")
        self._dispatch(other, self.dep_security, self.handler2)
        self.start_tour(
            "/odoo", "property_complaint_handler_handling_tour", login="t_handler"
        )
        self.assertIn("riser pipe is cracked", complaint.investigation)
        self.assertEqual(complaint.cause_analysis, "Old cast-iron pipe")
        self.assertTrue(complaint.date_investigated)
        self.assertFalse(other.date_investigated)
