from odoo.exceptions import UserError

from .test_attendance_verdict import MONDAY, AttendanceCase


class TestAbsenteeismConsequences(AttendanceCase):
    def test_a12_absenteeism_calls_for_self_criticism_and_forfeits_pay(self):
        verdict = self.verdict(self.emp_agent)
        self.assertEqual(verdict.status, "absent")
        self.assertEqual(verdict.self_criticism_state, "due")
        self.assertTrue(verdict.day_pay_forfeited)
        self.assertTrue(verdict.month_bonus_forfeited)

    def test_a12_absenteeism_forfeits_the_months_bonus_on_the_assessment(self):
        assessment = self.Assessment.create(
            {"employee_id": self.emp_agent.id, "date_month": self.month}
        )
        other = self.Assessment.create(
            {"employee_id": self.emp_agent2.id, "date_month": self.month}
        )
        self.attend(self.emp_agent2, MONDAY, (0.5, 4.0), (5.5, 9.5))
        self.Verdict._compute_period(self.emp_agent | self.emp_agent2, MONDAY, MONDAY)
        self.assertTrue(assessment.bonus_forfeited)
        self.assertFalse(other.bonus_forfeited)

    def test_a12_a_worked_day_forfeits_nothing(self):
        self.attend(self.emp_agent, MONDAY, (0.5 + 30 / 60, 4.0), (5.5, 9.5))
        verdict = self.verdict(self.emp_agent)
        self.assertEqual(verdict.status, "present")
        self.assertFalse(verdict.self_criticism_state)
        self.assertFalse(verdict.day_pay_forfeited or verdict.month_bonus_forfeited)

    def test_a12_self_criticism_recorded_by_the_manager_only(self):
        verdict = self.verdict(self.emp_agent)
        with self.assertRaises(UserError):
            verdict.with_user(self.user_agent).action_self_criticism_received()
        verdict.with_user(self.user_leader).action_self_criticism_received()
        self.assertEqual(verdict.self_criticism_state, "received")
        # a second pass keeps what was handed in
        self.assertEqual(self.verdict(self.emp_agent).self_criticism_state, "received")
        with self.assertRaises(UserError):
            verdict.with_user(self.user_leader).action_self_criticism_received()


class TestHandover(AttendanceCase):
    """The agent works 08:30-17:30 at the front desk; agent 2 takes over there for the
    evening, 17:30-21:30 Shanghai (09:30-13:30 UTC)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.evening = cls.env["resource.calendar"].create(
            {
                "name": "Evening shift",
                "tz": "Asia/Shanghai",
                "attendance_ids": [
                    (
                        0,
                        0,
                        {
                            "name": f"Evening {day}",
                            "dayofweek": str(day),
                            "hour_from": 17.5,
                            "hour_to": 21.5,
                            "day_period": "afternoon",
                        },
                    )
                    for day in range(5)
                ],
            }
        )
        cls.post = cls.env["hr.work.location"].create(
            {
                "name": "Front desk",
                "location_type": "office",
                "address_id": cls.env.company.partner_id.id,
                "property_handover_required": True,
            }
        )
        cls.emp_agent.work_location_id = cls.post
        cls.emp_agent2.write(
            {"work_location_id": cls.post.id, "resource_calendar_id": cls.evening.id}
        )

    def verdicts(self):
        employees = self.emp_agent | self.emp_agent2
        return self.Verdict._compute_period(employees, MONDAY, MONDAY)

    def test_a13_leaving_before_the_next_shift_checks_in_is_flagged(self):
        self.attend(self.emp_agent, MONDAY, (0.5, 4.0), (5.5, 9.5))
        self.attend(self.emp_agent2, MONDAY, (9.5 + 10 / 60, 13.5))
        verdicts = self.verdicts()
        outgoing = verdicts.filtered(lambda v: v.employee_id == self.emp_agent)
        incoming = verdicts.filtered(lambda v: v.employee_id == self.emp_agent2)
        self.assertTrue(outgoing.handover_missed)
        self.assertEqual(outgoing.early_minutes, 0)
        self.assertFalse(incoming.handover_missed)

    def test_a13_staying_until_the_take_over_is_not_flagged(self):
        self.attend(self.emp_agent, MONDAY, (0.5, 4.0), (5.5, 9.5 + 10 / 60))
        self.attend(self.emp_agent2, MONDAY, (9.5 + 10 / 60, 13.5))
        outgoing = self.verdicts().filtered(lambda v: v.employee_id == self.emp_agent)
        self.assertFalse(outgoing.handover_missed)

    def test_a13_post_without_hand_over_is_not_flagged(self):
        self.post.property_handover_required = False
        self.attend(self.emp_agent, MONDAY, (0.5, 4.0), (5.5, 9.5))
        self.attend(self.emp_agent2, MONDAY, (9.5 + 10 / 60, 13.5))
        outgoing = self.verdicts().filtered(lambda v: v.employee_id == self.emp_agent)
        self.assertFalse(outgoing.handover_missed)
