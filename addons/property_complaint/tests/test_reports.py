from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.reports import ReportMixin, pdf_text

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestReports(ReportMixin, HttpCase, ComplaintCase):
    def _pdf(self, xmlid, records, data=None):
        pdf = self._render_pdf(xmlid, records, data=data)
        self.assertLess(
            len(pdf), 500 * 1024, "a printed form stays small enough to mail"
        )
        return pdf_text(pdf)

    def _closed_complaint(self):
        complaint = self._new_complaint(
            source_reference="TEL-0301", customer_request="Fix it"
        )
        self._dispatch(complaint, self.dep_engineering, self.handler)
        complaint.with_user(self.agent).write(
            {
                "validity_reason": "Late repair.",
                "responsible_department_id": self.dep_engineering.id,
            }
        )
        complaint.with_user(self.agent).action_confirm_valid()
        self._resolve_and_communicate(complaint)
        return complaint

    def test_c21_processing_and_review_forms(self):
        complaint = self._closed_complaint()
        text = self._pdf("property_complaint.action_report_complaint_form", complaint)
        for expected in (
            complaint.name,
            "客户投诉处理单",
            "专业类别",
            "责任单位人员",
            "联号",
            "Water leak",
        ):
            self.assertIn(expected, text)
        demand = self._new_complaint(kind="demand", demand_type="inquiry")
        text = self._pdf("property_complaint.action_report_complaint_form", demand)
        self.assertIn("客户需求处理单", text)
        self.assertIn(demand.name, text)
        text = self._pdf("property_complaint.action_report_complaint_review", complaint)
        for expected in (
            complaint.name,
            "客户投诉解决方案内部评审表",
            "拟定解决方案",
            "评审人",
        ):
            self.assertIn(expected, text)

    def test_c21_callback_record_with_signature_line(self):
        complaint = self._closed_complaint()
        callback = complaint.callback_ids
        text = self._pdf(
            "property_complaint.action_report_complaint_callback", callback
        )
        for expected in (
            complaint.name,
            "回访记录表",
            "客户签字认可",
            "电话回访，无法签字",
            "满意度",
        ):
            self.assertIn(expected, text)

    def test_c21_register_for_a_period(self):
        complaint = self._closed_complaint()
        self._new_complaint(
            date_received="2025-04-03 02:00:00", summary="Noise in April"
        )
        wizard = (
            self.env["property.complaint.register.print"]
            .with_user(self.agent)
            .create(
                {
                    "site_id": self.site.id,
                    "date_from": "2025-03-01",
                    "date_to": "2025-03-31",
                }
            )
        )
        self.assertEqual(wizard._complaints(), complaint)
        action = wizard.action_print()
        self.assertEqual(
            action["report_name"], "property_complaint.report_complaint_register"
        )
        text = self._pdf(
            "property_complaint.action_report_complaint_register",
            complaint,
            data=action["data"],
        )
        for expected in (
            complaint.name,
            "客户投诉登记表",
            "投诉文件编号",
            "TEL-0301",
            "处理结果",
            "制表",
            "审核",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("Noise in April", text)
        # refused: an empty period prints nothing
        wizard.date_from = wizard.date_to = "2025-05-01"
        with self.assertRaisesRegex(UserError, "No complaint"):
            wizard.action_print()
