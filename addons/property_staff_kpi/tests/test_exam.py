from freezegun import freeze_time

from odoo import Command

from .common import KpiCase


class TestSkillsExam(KpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "March skills exam",
                "scoring_type": "scoring_with_answers",
                "certification": True,
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

    def _take(self, user, right_answers):
        answer = self.env["survey.user_input"].create(
            {"survey_id": self.survey.id, "partner_id": user.partner_id.id}
        )
        for index, question in enumerate(self.questions):
            value = "Right" if index < right_answers else "Wrong"
            choice = question.suggested_answer_ids.filtered(
                lambda a, v=value: a.value == v
            )
            self.env["survey.user_input.line"].create(
                {
                    "user_input_id": answer.id,
                    "question_id": question.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": choice.id,
                }
            )
        with freeze_time("2025-03-18 02:00:00"):
            answer._mark_done()
        return answer

    def _exam_lines(self, employee):
        return self.Line.search(
            [
                ("employee_id", "=", employee.id),
                ("item_id.auto_rule", "in", ["exam_full", "exam_fail"]),
            ]
        )

    def test_k15_full_marks_gives_the_k02_bonus_once(self):
        answer = self._take(self.user_agent, 5)
        self.assertEqual(answer.scoring_percentage, 100)
        line = self._exam_lines(self.emp_agent)
        self.assertEqual(line.item_id, self.item("k02_exam_full"))
        self.assertEqual(line.source_ref, answer)
        self.assertEqual(line.origin, "automatic")
        self.assertEqual(line.assessment_id.date_month.isoformat(), "2025-03-01")
        self.assertEqual(line.assessment_id.total_capped, 85)
        answer._kpi_apply_exam_result()
        self.assertEqual(len(self._exam_lines(self.emp_agent)), 1, "created once")

    def test_k15_score_under_60_gives_the_k04_deduction(self):
        answer = self._take(self.user_agent2, 2)
        self.assertEqual(answer.scoring_percentage, 40)
        line = self._exam_lines(self.emp_agent2)
        self.assertEqual(line.item_id, self.item("k04_exam_fail"))
        self.assertEqual(line.signed_points, -10)

    def test_k15_middle_score_and_other_surveys_add_nothing(self):
        self._take(self.user_agent, 3)
        self.assertFalse(self._exam_lines(self.emp_agent))
        self.survey.kpi_exam = False
        self._take(self.user_agent2, 5)
        self.assertFalse(self._exam_lines(self.emp_agent2))
