from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.reports import pdf_text

from .common import KpiCase


@tagged("post_install", "-at_install")
class TestReports(HttpCase, KpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["property_staff_kpi"], ["zh_CN"], overwrite=True
        )

    def _pdf_text(self, report, records):
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_context(lang="zh_CN", force_report_rendering=True)
            ._render_qweb_pdf(report, records.ids)
        )
        return pdf_text(pdf)

    def test_k01_printed_assessment_form_in_chinese(self):
        assessment = self.assess(self.emp_agent)
        self.add(assessment, "k03_late", points=3)
        text = self._pdf_text(
            "property_staff_kpi.action_report_kpi_assessment", assessment
        )
        self.assertIn("考核表", text)
        self.assertIn("Agent Zhao", text)
        self.assertIn("迟到早退", text)
        self.assertIn("77", text)
        self.assertIn("签字", text)

    def test_k08_team_summary_ranks_the_team(self):
        best = self.assess(self.emp_agent)
        worst = self.assess(self.emp_agent2)
        self.add(best, "k02_cover")
        self.add(worst, "k05_absenteeism")
        self.add(worst, "k03_noise")
        text = self._pdf_text("property_staff_kpi.action_report_kpi_team", best | worst)
        self.assertIn("汇总", text)
        self.assertLess(text.index("Agent Zhao"), text.index("Agent Qian"))
        self.assertIn("85", text)
        self.assertIn("58", text)
