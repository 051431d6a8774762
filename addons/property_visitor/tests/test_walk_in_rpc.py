"""Issue #19: the front desk's walk-in in one action over JSON-RPC — the host's
"agreed" stamped now (V02), the visitor checked in and registered (V01, V03), the
pass ready to print; the ID number stays confidential (V09)."""

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import USER_ERRORS, RpcError, RpcMixin

from .common import ID_OK, VisitorCase

# 10:00 in Shanghai, inside the front desk's day (no night duty)
NOW = "2025-03-03 02:00:00"


@tagged("post_install", "-at_install")
class TestWalkInRpc(RpcMixin, HttpCase, VisitorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor")

    def _walk_in(self, **kwargs):
        vals = self._visit_vals(**kwargs)
        vals.pop("host_partner_id")
        vals.pop("host_person")
        return self.rpc("property.visit", "create", [vals])[0]

    @freeze_time(NOW)
    def test_v02_walk_in_refused_to_the_guard_and_without_a_host(self):
        self.rpc_as(self.frontdesk)
        visit_id = self._walk_in()
        visit = self.env["property.visit"].browse(visit_id)
        # the guard does not let visitors in
        self.rpc_as(self.guard)
        self.assertRpcRefused("property.visit", "action_walk_in_check_in", [visit_id])
        # V01: no ID document registered, no walk-in
        self.rpc_as(self.frontdesk)
        no_id = self._walk_in(id_number_masked=False)
        with self.assertRaises(RpcError) as caught:
            self.rpc("property.visit", "action_walk_in_check_in", [no_id])
        self.assertIn(caught.exception.name, USER_ERRORS)
        no_id = self.env["property.visit"].browse(no_id)
        self.assertEqual(no_id.state, "planned")
        self.assertFalse(no_id.contact_answer or no_id.arrival_time)
        # a unit with nobody to answer for it: the host must be named first
        self.unit.sudo().write({"occupant_ids": [(5, 0, 0)], "owner_id": False})
        self.rpc_as(self.frontdesk)
        with self.assertRaises(RpcError) as caught:
            self.rpc("property.visit", "action_walk_in_check_in", [visit_id])
        self.assertIn(caught.exception.name, USER_ERRORS)
        # nothing written: no answer recorded, not on site, not registered
        visit.invalidate_recordset()
        self.assertEqual(visit.state, "planned")
        self.assertFalse(
            visit.contact_answer or visit.contact_time or visit.contact_person
        )
        self.assertFalse(visit.arrival_time or visit.registrar_id)

    @freeze_time(NOW)
    def test_v02_walk_in_host_agreed_stamped_now_and_checked_in(self):
        self.rpc_as(self.frontdesk)
        visit_id = self._walk_in()
        self.rpc("property.visit", "action_walk_in_check_in", [visit_id])
        visit = self.env["property.visit"].browse(visit_id)
        self.assertEqual(visit.state, "checked_in")
        # V02: the unit's household answered, stamped now by the action
        self.assertEqual(visit.host_partner_id, self.tenant)
        self.assertEqual(visit.contact_person, "Tenant Co.")
        self.assertEqual(visit.contact_method, "phone")
        self.assertEqual(str(visit.contact_time), NOW)
        self.assertEqual(visit.contact_answer, "agreed")
        # V01/V03: registered by the front desk on arrival; the repeat visitor exists
        self.assertEqual(str(visit.arrival_time), NOW)
        self.assertEqual(visit.registrar_id, self.frontdesk)
        self.assertEqual(visit.registrar_role, "front_desk")
        self.assertEqual(visit.visitor_id.sudo().id_number, ID_OK)
        # the answer is the action's: the stamp cannot be rewritten by the client
        self.assertRpcRefused(
            "property.visit",
            "write",
            [visit_id],
            {"contact_time": "2025-03-03 01:00:00"},
        )
        # V09: the front desk reads the ID masked only
        self.assertRpcRefused("property.visit", "read", [visit_id], ["id_number"])
        shown = self.rpc("property.visit", "read", [visit_id], ["id_number_masked"])[0]
        self.assertNotEqual(shown["id_number_masked"], ID_OK)
        # the pass is printed at once, from the action the form's button returns
        action = self.rpc("property.visit", "action_print_visit_pass", [visit_id])
        self.assertEqual(action["report_name"], "property_visitor.report_visit_pass")

    @freeze_time(NOW)
    def test_v01_repeat_visitor_found_by_phone_fills_the_rest(self):
        self.rpc_as(self.frontdesk)
        first = self._walk_in()
        self.rpc("property.visit", "action_walk_in_check_in", [first])
        self.rpc("property.visit", "action_check_out", [first])
        # the form's onchange on the phone alone: the visitor's name, ID and company
        spec = {
            "visitor_id": {},
            "visitor_name": {},
            "company_name": {},
            "id_number_masked": {},
            "phone_masked": {},
            "state": {},
        }
        answer = self.rpc(
            "property.visit",
            "onchange",
            [],
            {"phone_masked": "13812345678", "state": "planned"},
            ["phone_masked"],
            spec,
        )
        value = answer["value"]
        visitor = self.env["property.visit"].browse(first).visitor_id
        self.assertEqual(value["visitor_id"], visitor.id)
        self.assertEqual(value["visitor_name"], "Wang Wei")
        self.assertEqual(value["company_name"], "Courier Ltd")
        self.assertNotEqual(value["id_number_masked"], ID_OK)
        self.assertTrue(value["id_number_masked"])

    @freeze_time(NOW)
    def test_v01_repeat_visitor_passport_copied_with_its_type(self):
        self.rpc_as(self.frontdesk)
        first = self._walk_in(id_type="passport", id_number_masked="E12345678")
        self.rpc("property.visit", "action_walk_in_check_in", [first])
        visitor = self.env["property.visit"].browse(first).visitor_id
        # the repeat visitor chosen, nothing of the document typed again
        again = self.rpc(
            "property.visit",
            "create",
            [
                {
                    "site_id": self.site.id,
                    "visitor_id": visitor.id,
                    "visitor_name": "Wang Wei",
                    "purpose": "Delivery",
                    "host_unit_id": self.unit.id,
                }
            ],
        )[0]
        self.rpc("property.visit", "action_walk_in_check_in", [again])
        again = self.env["property.visit"].browse(again)
        self.assertEqual(again.state, "checked_in")
        self.assertEqual(again.id_type, "passport")
        self.assertEqual(again.sudo().id_number, "E12345678")
