"""Automatic text in the company's words (issue #19): the reasons of the automatic
lines, the to-dos of the assessments and their names reach a Chinese user in Chinese,
dates written 2025年03月03日, whichever language the server job ran in."""

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .test_attendance_verdict import MONDAY, AttendanceCase


@tagged("post_install", "-at_install")
class TestAutomaticTextRpc(RpcMixin, HttpCase, AttendanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")
        # the employees' and assessors' language; the jobs run in the server's (en_US)
        (cls.user_agent | cls.user_trainer).write({"lang": "zh_CN"})

    def _absent_line(self):
        self.Verdict.with_context(lang="en_US")._run_period(
            self.emp_agent, MONDAY, MONDAY
        )
        verdict = self.Verdict.search(
            [("employee_id", "=", self.emp_agent.id), ("date", "=", MONDAY)]
        )
        return self.Line.search([("source_ref", "=", f"{verdict._name},{verdict.id}")])

    def test_k13_automatic_reason_in_the_employee_language(self):
        line = self._absent_line()
        self.assertTrue(line)
        # refused: the employee does not rewrite the reason of an automatic line
        self.rpc_as(self.user_agent)
        before = line.reason
        self.assertRpcRefused("property.kpi.line", "write", line.ids, {"reason": "x"})
        line.invalidate_recordset()
        self.assertEqual(line.reason, before, "nothing written")
        [read] = self.rpc("property.kpi.line", "read", line.ids, ["reason"])
        self.assertEqual(read["reason"], "2025年03月03日 无批准请假而旷工（A03）")
        self.assertNotRegex(read["reason"], r"[A-Za-z]{3,}", "no English word")

    def test_k13_company_language_when_the_employee_has_no_user(self):
        self.emp_agent.user_id = False
        self.emp_agent.company_id.partner_id.lang = "zh_CN"
        line = self._absent_line()
        self.assertEqual(line.reason, "2025年03月03日 无批准请假而旷工（A03）")

    def test_k13_assessment_todo_and_name_in_chinese(self):
        assessment = self.Assessment.with_context(lang="en_US").create(
            {"employee_id": self.emp_agent.id, "date_month": self.month}
        )
        self.rpc_as(self.user_trainer)
        activities = self.rpc(
            "mail.activity",
            "search_read",
            [("res_model", "=", assessment._name), ("res_id", "=", assessment.id)],
            ["summary", "user_id"],
        )
        self.assertEqual([a["summary"] for a in activities], ["进行本月考核"])
        [read] = self.rpc(
            "property.kpi.assessment", "read", assessment.ids, ["display_name"]
        )
        self.assertEqual(read["display_name"], "Agent Zhao 2025年03月")
