from urllib.parse import urlencode

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestBadInputRpc(RpcMixin, HttpCase, ComplaintCase):
    """What a client may send wrongly to the register is refused with a message in
    Chinese, never a server error; a phone sent as a number is read as its digits."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")

    def _vals(self, **vals):
        return self._complaint_vals(**vals)

    def _count(self):
        return (
            self.env["property.complaint"]
            .sudo()
            .with_context(active_test=False)
            .search_count([])
        )

    def test_c02_phone_as_a_number_or_a_list(self):
        self.rpc_as(self.agent)
        before = self._count()
        for phone in ([13800138000], {"n": 1}, 12345, True, 1.5):
            with self.subTest(phone=phone):
                self.assertRpcRefused(
                    "property.complaint", "create", self._vals(partner_phone=phone)
                )
        self.assertRpcRefused("property.complaint", "create", self._vals(site_id="abc"))
        self.assertRpcRefused(
            "property.complaint", "search_read", [], ["name"], limit=-1
        )
        self.assertEqual(self._count(), before, "nothing registered")
        # the digits of a valid number sent as a number are taken
        new_id = self.rpc(
            "property.complaint", "create", self._vals(partner_phone=13800138000)
        )
        complaint = self.env["property.complaint"].browse(new_id)
        self.assertEqual(complaint.partner_phone, "+8613800138000")
        # and in the form's onchange too
        result = self.rpc(
            "property.complaint",
            "onchange",
            [],
            {"partner_phone": 13800138000},
            ["partner_phone"],
            {"partner_phone": {}},
        )
        self.assertEqual(result["value"]["partner_phone"], "+8613800138000")

    def test_c26_report_with_a_bad_month_option_refused(self):
        self.rpc_as(self.supervisor)
        for report, options in (
            ("report_complaint_monthly", '{"month": "2025-13-01"}'),
            ("report_complaint_monthly", '{"month": 202503}'),
            ("report_complaint_monthly", '{"month": "abc"}'),
            ("report_complaint_publication", '{"month": "2025-02-30"}'),
            (
                "report_complaint_summary",
                '{"period_type": "week", "date_from": "2025-01-01"}',
            ),
            (
                "report_complaint_summary",
                '{"period_type": "month", "date_from": "2025-1"}',
            ),
        ):
            with self.subTest(report=report, options=options):
                response = self.url_open(
                    f"/report/html/property_complaint.{report}/{self.site.id}?"
                    + urlencode({"options": options})
                )
                self.assertEqual(response.status_code, 400, response.text[:300])
                self.assertRegex(response.text, r"[\u4e00-\u9fff]")
        response = self.url_open(
            f"/report/html/property_complaint.report_complaint_monthly/{self.site.id}?"
            + urlencode({"options": '{"month": "2025-03-01"}'})
        )
        self.assertEqual(response.status_code, 200)

    def test_c26_summary_wizard_refuses_a_bad_option(self):
        self.rpc_as(self.supervisor)
        for vals in (
            {"period_type": "week"},
            {"period_type": "month", "month": "13"},
            {"period_type": "month", "month": 3},
            {"year": "abc"},
            {"site_ids": "abc"},
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    "property.complaint.summary.print",
                    "create",
                    dict({"site_ids": [[6, 0, self.site.ids]]}, **vals),
                )
        wizard_id = self.rpc(
            "property.complaint.summary.print",
            "create",
            {
                "site_ids": [[6, 0, self.site.ids]],
                "period_type": "month",
                "month": "3",
                "year": 1,
            },
        )
        self.assertRpcRefused(
            "property.complaint.summary.print", "action_print", [wizard_id]
        )
