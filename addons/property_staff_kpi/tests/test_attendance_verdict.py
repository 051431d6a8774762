from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError

from .common import KpiCase

MONDAY = date(2025, 3, 3)


class AttendanceCase(KpiCase):
    """Agents on the Shanghai calendar of the test site: 08:30-12:00 and 13:30-17:30,
    i.e. 00:30-04:00 and 05:30-09:30 UTC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.emp_agent | cls.emp_agent2 | cls.emp_leader).write(
            {"resource_calendar_id": cls.calendar.id, "tz": "Asia/Shanghai"}
        )
        cls.emp_agent.parent_id = cls.emp_leader
        cls.Verdict = cls.env["property.attendance.verdict"]
        cls.Attendance = cls.env["hr.attendance"]
        cls.emp_agent.company_id.write(
            {
                "property_staff_kpi_attendance_grace_minutes": 5,
                "property_staff_kpi_attendance_disciplinary_minutes": 20,
            }
        )
        cls.leave_type = cls.env["hr.leave.type"].create(
            {
                "name": "Test leave",
                "requires_allocation": "no",
                "leave_validation_type": "no_validation",
                "request_unit": "half_day",
            }
        )

    def attend(self, employee, day, *spans):
        """Attendances in UTC hours (floats) of ``day``."""

        def moment(hour):
            return datetime(
                day.year, day.month, day.day, int(hour), round(hour % 1 * 60)
            )

        return self.Attendance.create(
            [
                {
                    "employee_id": employee.id,
                    "check_in": moment(start),
                    "check_out": moment(stop),
                }
                for start, stop in spans
            ]
        )

    def verdict(self, employee, day=MONDAY):
        verdicts = self.Verdict._compute_period(employee, day, day)
        return verdicts.filtered(lambda v: v.employee_id == employee and v.date == day)

    def leave(self, employee, day, period=None):
        values = {
            "employee_id": employee.id,
            "holiday_status_id": self.leave_type.id,
            "request_date_from": day,
            "request_date_to": day,
        }
        if period:
            values.update(request_unit_half=True, request_date_from_period=period)
        leave = self.env["hr.leave"].create(values)
        if leave.state != "validate":
            leave.action_validate()
        return leave


class TestAttendanceVerdict(AttendanceCase):
    def test_a01_on_time(self):
        self.attend(self.emp_agent, MONDAY, (0.5, 4.0), (5.5, 9.5))
        verdict = self.verdict(self.emp_agent)
        self.assertEqual(verdict.status, "present")
        self.assertEqual(
            (verdict.late_minutes, verdict.early_minutes, verdict.away_minutes),
            (0, 0, 0),
        )
        self.assertEqual(verdict.planned_minutes, 450)
        self.assertEqual(verdict.planned_start, datetime(2025, 3, 3, 0, 30))

    def test_a01_late_exactly_at_grace_limit_is_on_time(self):
        self.attend(self.emp_agent, MONDAY, (0.5 + 5 / 60, 4.0), (5.5, 9.5))
        self.assertEqual(self.verdict(self.emp_agent).late_minutes, 0)

    def test_a01_late_one_minute_past_grace(self):
        self.attend(self.emp_agent, MONDAY, (0.5 + 6 / 60, 4.0), (5.5, 9.5))
        verdict = self.verdict(self.emp_agent)
        self.assertEqual(verdict.late_minutes, 6)
        self.assertFalse(verdict.disciplinary)

    def test_a01_left_early(self):
        self.attend(self.emp_agent, MONDAY, (0.5, 4.0), (5.5, 9.0))
        verdict = self.verdict(self.emp_agent)
        self.assertEqual((verdict.late_minutes, verdict.early_minutes), (0, 30))

    def test_a02_away_from_post_inside_the_shift(self):
        # away 10:00-10:30 local; the lunch break is not a gap
        self.attend(self.emp_agent, MONDAY, (0.5, 2.0), (2.5, 4.0), (5.5, 9.5))
        verdict = self.verdict(self.emp_agent)
        self.assertEqual(verdict.away_minutes, 30)
        self.assertEqual((verdict.late_minutes, verdict.early_minutes), (0, 0))

    def test_a10_late_twenty_minutes_is_disciplinary(self):
        self.attend(self.emp_agent, MONDAY, (0.5 + 20 / 60, 4.0), (5.5, 9.5))
        self.assertTrue(self.verdict(self.emp_agent).disciplinary)
        self.attend(self.emp_agent2, MONDAY, (0.5 + 19 / 60, 4.0), (5.5, 9.5))
        self.assertFalse(self.verdict(self.emp_agent2).disciplinary)

    def test_a10_threshold_is_a_setting(self):
        self.emp_agent.company_id.property_staff_kpi_attendance_disciplinary_minutes = (
            30
        )
        self.attend(self.emp_agent, MONDAY, (0.5 + 20 / 60, 4.0), (5.5, 9.5))
        self.assertFalse(self.verdict(self.emp_agent).disciplinary)

    def test_a03_absent_without_attendance_nor_leave(self):
        verdict = self.verdict(self.emp_agent)
        self.assertEqual(verdict.status, "absent")
        self.assertTrue(verdict.disciplinary)

    def test_a03_weekend_is_not_judged(self):
        saturday = date(2025, 3, 8)
        self.assertFalse(self.verdict(self.emp_agent, saturday))

    def test_a03_public_holiday_is_not_absenteeism(self):
        self.calendar._property_import_cn_holidays(2025)
        qingming = date(2025, 4, 4)
        self.assertEqual(self.verdict(self.emp_agent, qingming).status, "holiday")

    def test_a03_approved_leave_is_not_absenteeism(self):
        self.leave(self.emp_agent, MONDAY)
        self.assertEqual(self.verdict(self.emp_agent).status, "leave")

    def test_a01_half_day_leave_moves_the_shift_start(self):
        self.leave(self.emp_agent, MONDAY, "am")
        self.attend(self.emp_agent, MONDAY, (5.5, 9.5))
        verdict = self.verdict(self.emp_agent)
        self.assertEqual(verdict.status, "present")
        self.assertEqual(verdict.planned_start, datetime(2025, 3, 3, 5, 30))
        self.assertEqual(verdict.late_minutes, 0)

    def test_k14_over_eight_hours_at_a_stretch_flagged(self):
        self.attend(self.emp_agent, MONDAY, (0.5, 9.5))
        self.assertTrue(self.verdict(self.emp_agent).long_stretch)
        self.attend(self.emp_agent2, MONDAY, (0.5, 8.5))
        self.assertFalse(self.verdict(self.emp_agent2).long_stretch)

    def test_batch_recompute_updates_the_same_verdict(self):
        first = self.verdict(self.emp_agent)
        self.attend(self.emp_agent, MONDAY, (0.5, 4.0), (5.5, 9.5))
        self.assertEqual(self.verdict(self.emp_agent), first)
        self.assertEqual(first.status, "present")

    def test_k14_visible_to_employee_and_manager_only(self):
        self.verdict(self.emp_agent)
        own = self.Verdict.with_user(self.user_agent).search([])
        self.assertEqual(own.employee_id, self.emp_agent)
        managed = self.Verdict.with_user(self.user_leader).search([])
        self.assertIn(self.emp_agent, managed.employee_id)
        self.assertFalse(self.Verdict.with_user(self.user_agent2).search([]))
        with self.assertRaises(AccessError):
            self.Verdict.with_user(self.user_agent2).browse(own.ids).read(["status"])


class TestAttendanceLedger(AttendanceCase):
    def lines(self, employee, day=MONDAY):
        verdict = self.Verdict.search(
            [("employee_id", "=", employee.id), ("date", "=", day)]
        )
        return self.Line.search([("source_ref", "=", f"{verdict._name},{verdict.id}")])

    def run_day(self, day=MONDAY):
        return self.Verdict._run_period(self.emp_agent | self.emp_agent2, day, day)

    def test_k13_late_points_by_minutes(self):
        self.attend(self.emp_agent, MONDAY, (0.5 + 12 / 60, 4.0), (5.5, 9.5))
        self.attend(self.emp_agent2, MONDAY, (0.5 + 25 / 60, 4.0), (5.5, 9.5))
        self.run_day()
        line = self.lines(self.emp_agent)
        self.assertEqual(line.item_id, self.item("k03_late"))
        self.assertEqual(
            (line.points, line.origin, line.state), (4, "automatic", "approved")
        )
        line2 = self.lines(self.emp_agent2)
        self.assertEqual(line2.points, 5)
        self.assertIn("A10", line2.reason)

    def test_k13_on_time_adds_nothing(self):
        self.attend(self.emp_agent, MONDAY, (0.5 + 5 / 60, 4.0), (5.5, 9.5))
        self.run_day()
        self.assertFalse(self.lines(self.emp_agent))

    def test_k13_away_over_five_minutes(self):
        self.attend(self.emp_agent, MONDAY, (0.5, 2.0), (2.1, 4.0), (5.5, 9.5))
        self.attend(
            self.emp_agent2, MONDAY, (0.5, 2.0), (2.0 + 5 / 60, 4.0), (5.5, 9.5)
        )
        self.run_day()
        self.assertEqual(self.lines(self.emp_agent).item_id, self.item("k03_left_post"))
        self.assertFalse(self.lines(self.emp_agent2), "exactly 5 minutes is not over 5")

    def test_k13_absenteeism_twenty_points(self):
        self.run_day()
        line = self.lines(self.emp_agent)
        self.assertEqual(line.item_id, self.item("k05_absenteeism"))
        self.assertEqual(line.points, 20)

    def test_k13_second_run_changes_nothing(self):
        self.attend(self.emp_agent, MONDAY, (0.5 + 12 / 60, 4.0), (5.5, 9.5))
        self.run_day()
        before = self.Line.search([])
        self.run_day()
        self.Verdict._run_period(self.emp_agent, date(2025, 3, 1), date(2025, 3, 31))
        after = self.Line.search([("date", "=", MONDAY)])
        self.assertEqual(after, before.filtered(lambda line: line.date == MONDAY))
        self.assertEqual(len(self.lines(self.emp_agent)), 1)

    def test_k13_correction_before_confirmation_updates_the_line(self):
        attendance = self.attend(
            self.emp_agent, MONDAY, (0.5 + 12 / 60, 4.0), (5.5, 9.5)
        )
        self.run_day()
        line = self.lines(self.emp_agent)
        self.assertEqual(line.points, 4)
        attendance[0].check_in = datetime(2025, 3, 3, 0, 33)
        self.assertFalse(line.exists(), "within the grace minutes now: the line goes")
        attendance[0].check_in = datetime(2025, 3, 3, 0, 38)
        self.assertEqual(self.lines(self.emp_agent).points, 3)

    def test_k13_absent_then_attendance_entered_removes_absenteeism(self):
        self.run_day()
        self.assertEqual(
            self.lines(self.emp_agent).item_id, self.item("k05_absenteeism")
        )
        self.attend(self.emp_agent, MONDAY, (0.5, 4.0), (5.5, 9.5))
        self.assertFalse(self.lines(self.emp_agent))

    @freeze_time("2025-03-04 17:00:00")  # 2025-03-05 01:00 in Shanghai
    def test_k13_daily_cron_judges_yesterday_in_the_calendar_time_zone(self):
        tuesday = date(2025, 3, 4)
        self.attend(self.emp_agent, tuesday, (0.5 + 12 / 60, 4.0), (5.5, 9.5))
        # the scheduler's user on UTC, where it is still the 4th
        self.env.user.tz = "UTC"
        self.Verdict._cron_daily()
        verdicts = self.Verdict.sudo().search([("employee_id", "=", self.emp_agent.id)])
        self.assertEqual(
            verdicts.mapped("date"), [tuesday], "the Shanghai yesterday is judged"
        )
        self.assertEqual(self.lines(self.emp_agent, tuesday).points, 4)
        self.assertEqual(self.lines(self.emp_agent, tuesday).date, tuesday)
        absent = self.lines(self.emp_agent2, tuesday)
        self.assertEqual(absent.item_id, self.item("k05_absenteeism"))

    @freeze_time("2025-03-04 15:59:00")  # 2025-03-04 23:59 in Shanghai
    def test_k13_daily_cron_before_midnight_judges_the_day_before(self):
        self.env.user.tz = "UTC"
        self.Verdict._cron_daily()
        verdicts = self.Verdict.sudo().search([("employee_id", "=", self.emp_agent.id)])
        self.assertEqual(verdicts.mapped("date"), [MONDAY])

    @freeze_time("2025-03-04 02:00:00")
    def test_k13_daily_cron_judges_yesterday(self):
        self.attend(self.emp_agent, MONDAY, (0.5 + 12 / 60, 4.0), (5.5, 9.5))
        self.Verdict._cron_daily()
        self.assertEqual(self.lines(self.emp_agent).points, 4)
        self.assertEqual(
            self.lines(self.emp_agent2).item_id, self.item("k05_absenteeism")
        )
