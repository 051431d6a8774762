from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.reports import pdf_text

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestMonthly(HttpCase, ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site.manager_id = cls.cs_manager

    def _report_messages(self):
        return self.site.message_ids.filtered(lambda m: m.attachment_ids)

    def test_c26_cron_mails_the_monthly_report_on_the_1st(self):
        self._new_complaint(
            summary="Leak in the lobby", publication_topic="public_area"
        )
        self._new_complaint(summary="Noise at night", partner_phone="13912345678")
        with freeze_time("2025-04-01 01:00:00"):
            self.env["property.site"].with_context(
                force_report_rendering=True
            )._cron_send_complaint_monthly_report()
        message = self._report_messages()
        self.assertEqual(len(message), 1)
        self.assertIn(self.cs_manager.partner_id, message.partner_ids)
        self.assertEqual(len(message.attachment_ids), 2)
        monthly = message.attachment_ids.filtered(lambda a: "月报表" in a.name)
        text = pdf_text(monthly.raw)
        for expected in (
            "客户投诉/需求信息月报表",
            "顾客投诉分类统计表",
            "2025年03月",
            "本月数",
            "上月数",
            "满意率",
            "制表人",
            "审核",
        ):
            self.assertIn(expected, text)
        self.assertLess(len(monthly.raw), 500 * 1024)
        publication = message.attachment_ids - monthly
        text = pdf_text(publication.raw)
        self.assertIn("投诉处理情况公示", text)
        self.assertIn("Leak in the lobby", text)
        # C25: no personal data, and only the complaints to publish
        self.assertNotIn("Mr Zhang", text)
        self.assertNotIn("138", text)
        self.assertNotIn("Noise at night", text)

    def test_c25_no_publication_when_none(self):
        self._new_complaint(summary="Noise at night")
        with freeze_time("2025-04-01 01:00:00"):
            self.env["property.site"].with_context(
                force_report_rendering=True
            )._cron_send_complaint_monthly_report()
        message = self._report_messages()
        self.assertEqual(len(message.attachment_ids), 1)
        self.assertIn("月报表", message.attachment_ids.name)
