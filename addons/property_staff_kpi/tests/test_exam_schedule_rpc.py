"""K15: the month's skills exam scheduled for a site's or a team's staff (a survey
flagged as the monthly exam): who has not sat it gets a to-do until the exam date;
who sat it, and who did not, is listed for the assessors only; after the exam date the
reminders are withdrawn and no line is added (K15 and K04 name none), while the results
still feed K02/K04. Over JSON-RPC as an employee, the assessor and a scoring manager;
the refused case first, and that nothing was written or revealed."""

from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import KpiCase
from .test_todo_dispatch_rpc import TodoMixin

SCHEDULE = "property.kpi.exam.schedule"


@tagged("post_install", "-at_install")
class TestExamScheduleRpc(TodoMixin, RpcMixin, HttpCase, KpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "March skills exam",
                "scoring_type": "scoring_with_answers",
                "kpi_exam": True,
            }
        )
        cls.questions = cls.env["survey.question"].create(
            [
                {
                    "survey_id": cls.survey.id,
                    "title": f"Question {n}",
                    "question_type": "simple_choice",
                    "suggested_answer_ids": [
                        Command.create(
                            {"value": "Right", "is_correct": True, "answer_score": 10}
                        ),
                        Command.create({"value": "Wrong", "answer_score": 0}),
                    ],
                }
                for n in range(5)
            ]
        )
        cls.staff = (
            cls.emp_supervisor
            | cls.emp_trainer
            | cls.emp_leader
            | cls.emp_agent
            | cls.emp_agent2
        )

    def _vals(self):
        return {
            "survey_id": self.survey.id,
            "date_month": "2025-03-01",
            "date_exam": "2025-03-20",
            "site_id": self.site.id,
            "department_id": self.team.id,
        }

    def _take(self, user):
        """``user`` sits the exam on 18 March with full marks."""
        answer = self.env["survey.user_input"].create(
            {"survey_id": self.survey.id, "partner_id": user.partner_id.id}
        )
        for question in self.questions:
            self.env["survey.user_input.line"].create(
                {
                    "user_input_id": answer.id,
                    "question_id": question.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": question.suggested_answer_ids.filtered(
                        "is_correct"
                    ).id,
                }
            )
        with freeze_time("2025-03-18 02:00:00"):
            answer._mark_done()
        return answer

    def _schedules(self):
        return self.env[SCHEDULE].search([("survey_id", "=", self.survey.id)])

    def test_k15_exam_schedule_reminds_who_has_not_sat_it(self):
        march_agent2 = self.assess(self.emp_agent2)
        # refused: an employee schedules nothing
        self.rpc_as(self.user_agent)
        self.assertRpcRefused(SCHEDULE, "create", self._vals())
        self.assertFalse(self._schedules(), "nothing written")
        # a scoring manager schedules the month's exam for the team of the site
        self.rpc_as(self.user_manager)
        with freeze_time("2025-03-10 02:00:00"):
            schedule_id = self.rpc(SCHEDULE, "create", self._vals())
        schedule = self.env[SCHEDULE].browse(schedule_id)
        users = {user for user, _summary in self.todos(schedule)}
        self.assertEqual(users, set(self.staff.user_id), "one reminder each")
        self.assertEqual(len(self.todos(schedule)), len(self.staff))
        # refused: an employee does not learn who sat the exam and who did not
        self.rpc_as(self.user_agent)
        for field in ("missing_employee_ids", "sat_employee_ids", "employee_ids"):
            self.assertRpcRefused(SCHEDULE, "read", [schedule_id], [field])
        # the reminder's record leads the employee to the exam
        read = self.rpc(SCHEDULE, "read", [schedule_id], ["exam_url", "date_exam"])[0]
        self.assertEqual(read["exam_url"], self.survey.get_start_url())
        self.assertEqual(read["date_exam"], "2025-03-20")
        # the agent sits the exam: the agent's reminder closes, the bonus counts (K02)
        self._take(self.user_agent)
        users = {user for user, _summary in self.todos(schedule)}
        self.assertEqual(users, set((self.staff - self.emp_agent).user_id))
        march_agent = self.Assessment.search(
            [("employee_id", "=", self.emp_agent.id), ("date_month", "=", self.month)]
        )
        self.assertEqual(
            march_agent.line_ids.item_id, self.item("k02_exam_full"), "K02 as before"
        )
        # the assessor sees who sat it and who did not
        self.rpc_as(self.user_trainer)
        read = self.rpc(
            SCHEDULE,
            "read",
            [schedule_id],
            ["sat_employee_ids", "missing_employee_ids", "missing_count"],
        )[0]
        self.assertEqual(read["sat_employee_ids"], self.emp_agent.ids)
        self.assertEqual(
            sorted(read["missing_employee_ids"]),
            sorted((self.staff - self.emp_agent).ids),
        )
        self.assertEqual(read["missing_count"], len(self.staff) - 1)
        # after the exam date: the reminders are withdrawn, the list stays, no line
        with freeze_time("2025-03-21 02:00:00"):
            self.env[SCHEDULE]._cron_exam_reminders()
        self.assertEqual(self.todos(schedule), [])
        self.assertIn(self.emp_agent2, schedule.missing_employee_ids)
        self.assertFalse(march_agent2.line_ids, "not sitting the exam adds no line")
