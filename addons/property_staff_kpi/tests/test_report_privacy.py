"""K10 on paper: the printed assessment form and team summary, rendered as each role
that may print them. An employee prints their own assessment, never a colleague's;
neither form carries the employee's private phone or ID number."""

from odoo.tests import tagged

from odoo.addons.property_base.tests.access_matrix import PrintAccessMixin

from .common import KpiCase

PRIVATE = ("13912345678", "310101199001011234")


@tagged("post_install", "-at_install")
class TestReportPrivacy(PrintAccessMixin, KpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.emp_agent | cls.emp_agent2).write(
            {"private_phone": PRIVATE[0], "identification_id": PRIVATE[1]}
        )
        cls.mine = cls.Assessment.create(
            {"employee_id": cls.emp_agent.id, "date_month": cls.month}
        )
        cls.colleague = cls.Assessment.create(
            {"employee_id": cls.emp_agent2.id, "date_month": cls.month}
        )

    def test_k10_employee_prints_own_assessment_only(self):
        for xmlid in (
            "property_staff_kpi.report_kpi_assessment",
            "property_staff_kpi.report_kpi_team",
        ):
            with self.subTest(report=xmlid):
                html = self._print_html(self.user_agent, xmlid, self.mine)
                self.assertIn("Agent Zhao", html)
                for secret in PRIVATE:
                    self.assertNotIn(secret, html)
                self._assert_print_refused(self.user_agent, xmlid, self.colleague)
                self._assert_print_refused(
                    self.user_agent, xmlid, self.mine | self.colleague
                )

    def test_k10_assessor_prints_the_team_without_private_data(self):
        for user in (self.user_trainer, self.user_manager):
            with self.subTest(user=user.login):
                html = self._print_html(
                    user,
                    "property_staff_kpi.report_kpi_team",
                    self.mine | self.colleague,
                )
                self.assertIn("Agent Zhao", html)
                self.assertIn("Agent Qian", html)
                for secret in PRIVATE:
                    self.assertNotIn(secret, html)
