"""V09: visitors' phones through Odoo's phone_validation, over JSON-RPC: stored in
E.164, read masked by the front desk and in clear, national format, by the supervisor;
the national digits stored before converted by the 18.0.1.1.0 migration."""

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.migration import load_migration
from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import VisitorCase


@tagged("post_install", "-at_install")
class TestPhoneRpc(RpcMixin, HttpCase, VisitorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor")

    def test_v09_invalid_phone_refused_in_chinese(self):
        Visit = self.env["property.visit"].with_context(active_test=False)
        before = Visit.search_count([])
        self.rpc_as(self.frontdesk)
        for phone in ("12345", "138001380060"):
            with self.subTest(phone=phone):
                error = self.assertRpcRefused(
                    "property.visit", "create", [self._visit_vals(phone_masked=phone)]
                )
                self.assertIn("电话号码", error.message)
        self.assertEqual(Visit.search_count([]), before)

    def test_v09_phone_stored_in_e164_shown_masked_or_national(self):
        self.rpc_as(self.frontdesk)
        visit_id = self.rpc(
            "property.visit", "create", [self._visit_vals(phone_masked="138 1234 5678")]
        )[0]
        visit = self.env["property.visit"].browse(visit_id)
        self.assertEqual(visit.sudo().phone, "+8613812345678")
        answer = self.rpc("property.visit", "read", [visit_id], ["phone_masked"])[0]
        self.assertEqual(answer["phone_masked"], "138****5678")
        # the clear number is not the front desk's to read
        self.assertRpcRefused("property.visit", "read", [visit_id], ["phone_display"])
        self.rpc_as(self.supervisor)
        answer = self.rpc(
            "property.visit", "read", [visit_id], ["phone", "phone_display"]
        )[0]
        self.assertEqual(answer["phone"], "+8613812345678")
        self.assertEqual(answer["phone_display"], "138 1234 5678")

    def test_v09_stored_phones_converted_to_e164_by_the_migration(self):
        visit = self.env["property.visit"].create(self._visit_vals())
        self.env.cr.execute(
            "UPDATE property_visit SET phone = %s WHERE id = %s",
            ["13812345678", visit.id],
        )
        load_migration("property_visitor", "18.0.1.1.0").migrate(
            self.env.cr, "18.0.1.0.0"
        )
        self.env.invalidate_all()
        self.assertEqual(visit.sudo().phone, "+8613812345678")
        self.assertEqual(visit.phone_masked, "138****5678")
