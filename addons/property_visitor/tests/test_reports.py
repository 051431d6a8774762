from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.reports import ReportMixin

from .common import VisitorCase


@tagged("post_install", "-at_install")
class TestReports(ReportMixin, HttpCase, VisitorCase):
    def test_v01_visit_register_for_a_day(self):
        with freeze_time("2025-03-03 02:00:00"):
            visit = (
                self.env["property.visit"]
                .with_user(self.frontdesk)
                .create(self._visit_vals(vehicle_plate="沪A12345"))
            )
            visit.write(self._contact_vals())
            visit.action_check_in()
        wizard = (
            self.env["property.visit.register.print"]
            .with_user(self.frontdesk)
            .create({"site_id": self.site.id, "date": "2025-03-03"})
        )
        self.assertEqual(wizard._visits(), visit)
        action = wizard.action_print()
        self.assertEqual(
            action["report_name"], "property_visitor.report_visit_register"
        )
        text = self._pdf("property_visitor.action_report_visit_register", visit)
        for expected in (
            "访客登记单",
            "Wang Wei",
            "沪A12345",
            "110***********002X",
            "10:00",
            "制表",
            "日期：2025年03月03日",  # one date style on paper (issue #19)
        ):
            self.assertIn(expected, text)
        self.assertNotIn("11010519491231002X", text, "ID numbers are printed masked")

    def test_v04_pass_card_with_qr_code(self):
        card = (
            self.env["property.pass"]
            .with_user(self.frontdesk)
            .create(
                {
                    "site_id": self.site.id,
                    "holder_name": "Li Gong",
                    "date_from": "2025-03-03",
                }
            )
        )
        card.action_activate()
        text = self._pdf("property_visitor.action_report_pass_card", card)
        for expected in ("临时出入证", "Li Gong", card.name, "有效期：2025年03月03日"):
            self.assertIn(expected, text)
        self.assertNotIn("2025-03-03", text)

    def test_v05_two_part_goods_pass(self):
        goods = (
            self.env["property.goods.pass"]
            .with_user(self.frontdesk)
            .create(
                {
                    "site_id": self.site.id,
                    "direction": "in",
                    "tenant_partner_id": self.tenant.id,
                    "carrier_name": "Zhao Liu",
                    "planned_date": "2025-03-03 02:00:00",
                    "line_ids": [
                        (0, 0, {"name": "Printer", "quantity": 1, "uom_name": "台"})
                    ],
                }
            )
        )
        goods.action_confirm()
        text = self._pdf("property_visitor.action_report_goods_pass", goods)
        self.assertEqual(text.count("携物出入门证"), 2, "two parts")
        for expected in (
            "第一联",
            "第二联",
            "Tenant Co.",
            "Zhao Liu",
            "Printer",
            "客户服务部盖章",
        ):
            self.assertIn(expected, text)
        # 2025-03-03 02:00 UTC in the site's time zone, without seconds (issue #19)
        self.assertIn("2025年03月03日 10:00", text)
        self.assertNotIn("2025-03-03", text)
