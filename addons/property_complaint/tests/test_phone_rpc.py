"""C02: the complainant's phone through Odoo's phone_validation, acting as the agent
over JSON-RPC: an invalid number refused in Chinese with nothing registered, any number
stored in E.164 and a mainland number shown in its national format; the numbers stored
before in the international format converted by the 18.0.1.2.0 migration."""

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.migration import load_migration
from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestPhoneRpc(RpcMixin, HttpCase, ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")

    def _count(self):
        return (
            self.env["property.complaint"]
            .sudo()
            .with_context(active_test=False)
            .search_count([])
        )

    def test_c02_invalid_phone_refused_in_chinese(self):
        self.rpc_as(self.agent)
        before = self._count()
        for field in ("partner_phone", "partner_phone_display"):
            for phone in ("12345", "138001380060", "电话"):
                with self.subTest(field=field, phone=phone):
                    error = self.assertRpcRefused(
                        "property.complaint",
                        "create",
                        self._complaint_vals(**{field: phone}),
                    )
                    self.assertIn("电话号码", error.message)
        self.assertEqual(self._count(), before, "nothing registered")

    def test_c02_phone_stored_in_e164_and_shown_in_national_format(self):
        self.rpc_as(self.agent)
        complaint_id = self.rpc(
            "property.complaint",
            "create",
            self._complaint_vals(partner_phone="138-0013-8000"),
        )
        complaint = self.env["property.complaint"].browse(complaint_id)
        self.assertEqual(complaint.partner_phone, "+8613800138000")
        fields = ["partner_phone", "partner_phone_display"]
        answer = self.rpc("property.complaint", "read", [complaint_id], fields)[0]
        self.assertEqual(answer["partner_phone_display"], "138 0013 8000")
        # typed in the form, in any form
        self.rpc(
            "property.complaint",
            "write",
            [complaint_id],
            {"partner_phone_display": "021-62345678"},
        )
        answer = self.rpc("property.complaint", "read", [complaint_id], fields)[0]
        self.assertEqual(answer["partner_phone"], "+862162345678")
        self.assertEqual(answer["partner_phone_display"], "021 6234 5678")
        self.rpc(
            "property.complaint",
            "write",
            [complaint_id],
            {"partner_phone_display": "+852 9123 4567"},
        )
        answer = self.rpc("property.complaint", "read", [complaint_id], fields)[0]
        self.assertEqual(answer["partner_phone"], "+85291234567")
        self.assertEqual(answer["partner_phone_display"], "+852 9123 4567")
        # found by the number as people read it, or a part of it
        for value in ("+852 9123 4567", "9123 4567"):
            with self.subTest(search=value):
                found = self.rpc(
                    "property.complaint",
                    "search",
                    [("partner_phone_display", "ilike", value)],
                )
                self.assertIn(complaint_id, found)

    def test_c02_stored_phones_converted_to_e164_by_the_migration(self):
        old = self._new_complaint()
        kept = self._new_complaint()
        self.env.cr.execute(
            "UPDATE property_complaint SET partner_phone = %s WHERE id = %s",
            ["+86 138 0013 8000", old.id],
        )
        self.env.cr.execute(
            "UPDATE property_complaint SET partner_phone = %s WHERE id = %s",
            ["not a number", kept.id],
        )
        load_migration("property_complaint", "18.0.1.4.0").migrate(
            self.env.cr, "18.0.1.1.0"
        )
        self.env.invalidate_all()
        self.assertEqual(old.partner_phone, "+8613800138000")
        self.assertEqual(kept.partner_phone, "not a number", "an invalid value is kept")
