"""Issue #23: shift rosters. A site's supervisor plans and publishes the roster of a
post over JSON-RPC; the attendance verdicts read it where it exists (late, early leave,
absence, hand-over: A01, A03, A10, A13) and the working-time calendar elsewhere; public
holidays and make-up working days (调休) still count. The refused case first."""

from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .test_attendance_verdict import MONDAY, AttendanceCase

TUESDAY = MONDAY + timedelta(days=1)


class RosterCase(AttendanceCase):
    """Day (08:00-20:00), night (20:00-08:00) and split shifts on Shanghai time; the
    test site's customer-service supervisor plans its rosters."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")
        cls.site.supervisor_ids = [Command.link(cls.user_supervisor.id)]
        ShiftType = cls.env["property.shift.type"]
        cls.day_shift = ShiftType.create(
            {"name": "Test day", "code": "T-D", "hour_start": 8, "hour_end": 20}
        )
        cls.night_shift = ShiftType.create(
            {"name": "Test night", "code": "T-N", "hour_start": 20, "hour_end": 8}
        )
        cls.split_shift = ShiftType.create(
            {
                "name": "Test split",
                "code": "T-S",
                "hour_start": 7,
                "hour_end": 11,
                "split": True,
                "split_hour_start": 17,
                "split_hour_end": 21,
            }
        )
        cls.Roster = cls.env["property.roster"]
        cls.RosterLine = cls.env["property.roster.line"]

    def publish(self, monday, shifts, post="gate"):
        """The supervisor creates and publishes the roster of ``monday``'s week:
        ``shifts`` are (employee, date, shift type)."""
        self.rpc_as(self.user_supervisor)
        roster_id = self.rpc(
            "property.roster",
            "create",
            {
                "site_id": self.site.id,
                "post": post,
                "week_start": str(monday),
                "line_ids": [
                    Command.create(
                        {
                            "employee_id": employee.id,
                            "date": str(day),
                            "shift_type_id": shift.id,
                        }
                    )
                    for employee, day, shift in shifts
                ],
            },
        )
        self.rpc("property.roster", "action_publish", [roster_id])
        return self.Roster.browse(roster_id)

    def attend_utc(self, employee, *spans):
        """Attendances from (check-in, check-out) naive UTC datetimes."""
        return self.Attendance.create(
            [
                {"employee_id": employee.id, "check_in": start, "check_out": stop}
                for start, stop in spans
            ]
        )

    def own_verdicts(self, user, day_from, day_to):
        """The verdicts ``user`` reads over JSON-RPC: {date: values}."""
        self.rpc_as(user)
        rows = self.rpc(
            "property.attendance.verdict",
            "search_read",
            [
                ("employee_user_id", "=", user.id),
                ("date", ">=", str(day_from)),
                ("date", "<=", str(day_to)),
            ],
            [
                "date",
                "status",
                "late_minutes",
                "early_minutes",
                "planned_minutes",
                "disciplinary",
                "handover_missed",
            ],
        )
        return {row["date"]: row for row in rows}


@tagged("post_install", "-at_install")
@freeze_time("2025-06-02 02:00:00")
class TestRosterVerdictRpc(RpcMixin, HttpCase, RosterCase):
    def test_a01_roster_planned_by_the_sites_supervisor_only(self):
        values = {
            "site_id": self.site.id,
            "post": "gate",
            "week_start": str(MONDAY),
            "line_ids": [
                Command.create(
                    {
                        "employee_id": self.emp_agent.id,
                        "date": str(MONDAY),
                        "shift_type_id": self.night_shift.id,
                    }
                )
            ],
        }
        # refused: an employee plans no roster, not even their own shifts
        self.rpc_as(self.user_agent)
        self.assertRpcRefused("property.roster", "create", values)
        self.assertFalse(self.Roster.search([("site_id", "=", self.site.id)]))
        roster = self.publish(MONDAY, [(self.emp_agent, MONDAY, self.night_shift)])
        self.assertEqual(roster.state, "published")
        line = roster.line_ids
        self.assertEqual(
            (line.start_datetime, line.stop_datetime),
            (datetime(2025, 3, 3, 12, 0), datetime(2025, 3, 4, 0, 0)),
            "20:00-08:00 Shanghai across midnight, in UTC",
        )
        # refused: a published roster changes only through its buttons or a swap
        self.assertRpcRefused(
            "property.roster.line", "write", line.ids, {"shift_type_id": 0}
        )
        self.assertEqual(line.shift_type_id, self.night_shift)
        # employees read their own shifts, not their colleagues'
        self.rpc_as(self.user_agent2)
        self.assertFalse(
            self.rpc("property.roster.line", "search", [("id", "=", line.id)])
        )
        self.rpc_as(self.user_agent)
        self.assertEqual(
            self.rpc("property.roster.line", "search", [("id", "=", line.id)]),
            line.ids,
        )
        self.assertRpcRefused("property.roster", "action_draft", roster.ids)
        self.assertEqual(roster.state, "published")

    def test_a01_night_shift_late_after_midnight(self):
        self.publish(
            MONDAY,
            [
                (self.emp_agent, MONDAY, self.night_shift),
                (self.emp_agent2, MONDAY, self.night_shift),
            ],
        )
        # agent: in at 20:25, out at 08:00; agent2 in after midnight (00:10)
        self.attend_utc(
            self.emp_agent, (datetime(2025, 3, 3, 12, 25), datetime(2025, 3, 4, 0, 0))
        )
        self.attend_utc(
            self.emp_agent2, (datetime(2025, 3, 3, 16, 10), datetime(2025, 3, 4, 0, 0))
        )
        self.Verdict._run_period(self.emp_agent | self.emp_agent2, MONDAY, TUESDAY)
        agent = self.own_verdicts(self.user_agent, MONDAY, TUESDAY)
        self.assertEqual(list(agent), [str(MONDAY)], "judged on the night's first day")
        self.assertEqual(agent[str(MONDAY)]["late_minutes"], 25)
        self.assertTrue(agent[str(MONDAY)]["disciplinary"], "A10: 20 minutes or more")
        self.assertEqual(agent[str(MONDAY)]["planned_minutes"], 720)
        late = self.own_verdicts(self.user_agent2, MONDAY, TUESDAY)[str(MONDAY)]
        self.assertEqual((late["status"], late["late_minutes"]), ("present", 250))

    def test_a01_night_shift_early_leave_next_morning(self):
        self.publish(MONDAY, [(self.emp_agent, MONDAY, self.night_shift)])
        # in at 19:55, out at 07:30 on Tuesday morning
        self.attend_utc(
            self.emp_agent, (datetime(2025, 3, 3, 11, 55), datetime(2025, 3, 3, 23, 30))
        )
        self.Verdict._run_period(self.emp_agent, MONDAY, TUESDAY)
        verdict = self.own_verdicts(self.user_agent, MONDAY, TUESDAY)[str(MONDAY)]
        self.assertEqual((verdict["late_minutes"], verdict["early_minutes"]), (0, 30))

    def test_a03_rostered_night_absent_and_day_off_not_absent(self):
        self.publish(MONDAY, [(self.emp_agent, MONDAY, self.night_shift)])
        self.Verdict._run_period(self.emp_agent | self.emp_leader, MONDAY, TUESDAY)
        agent = self.own_verdicts(self.user_agent, MONDAY, TUESDAY)
        # Tuesday is a working day of the calendar, but a rest day of the roster
        self.assertEqual(list(agent), [str(MONDAY)])
        self.assertEqual(agent[str(MONDAY)]["status"], "absent")
        # without a roster the calendar still plans the day
        leader = self.own_verdicts(self.user_leader, MONDAY, TUESDAY)
        self.assertEqual(leader[str(TUESDAY)]["status"], "absent")

    def test_a03_night_shift_across_a_public_holiday(self):
        self.calendar._property_import_cn_holidays(2025)
        may_day_week = date(2025, 4, 28)
        april_30, may_1 = date(2025, 4, 30), date(2025, 5, 1)
        self.publish(
            may_day_week,
            [
                (self.emp_agent, april_30, self.night_shift),
                (self.emp_agent, may_1, self.night_shift),
            ],
        )
        # the eve of May Day: from 20:00 to midnight, then the holiday
        self.attend_utc(
            self.emp_agent, (datetime(2025, 4, 30, 12, 0), datetime(2025, 4, 30, 16, 0))
        )
        self.Verdict._run_period(self.emp_agent, april_30, may_1)
        verdicts = self.own_verdicts(self.user_agent, april_30, may_1)
        eve = verdicts[str(april_30)]
        self.assertEqual(
            (eve["status"], eve["planned_minutes"], eve["early_minutes"]),
            ("present", 240, 0),
            "the hours on the holiday are not owed",
        )
        self.assertEqual(verdicts[str(may_1)]["status"], "holiday")

    def test_a03_make_up_working_day_on_the_calendar_rest_on_the_roster(self):
        self.calendar._property_import_cn_holidays(2025)
        monday, sunday = date(2025, 4, 21), date(2025, 4, 27)  # 4-27: 调休
        self.publish(monday, [(self.emp_agent, monday, self.day_shift)])
        self.Verdict._run_period(self.emp_agent | self.emp_leader, sunday, sunday)
        self.assertFalse(self.own_verdicts(self.user_agent, sunday, sunday))
        leader = self.own_verdicts(self.user_leader, sunday, sunday)
        self.assertEqual(leader[str(sunday)]["status"], "absent")

    def test_a03_night_shift_judged_once_it_has_ended(self):
        self.publish(MONDAY, [(self.emp_agent, MONDAY, self.night_shift)])
        # on duty since 20:00, not checked out yet
        night = self.Attendance.create(
            {"employee_id": self.emp_agent.id, "check_in": datetime(2025, 3, 3, 12, 0)}
        )
        with freeze_time("2025-03-03 17:00:00"):  # Tuesday 01:00 in Shanghai
            self.Verdict._cron_daily()
        self.assertFalse(
            self.own_verdicts(self.user_agent, MONDAY, TUESDAY),
            "a night still on duty is not judged absent",
        )
        night.check_out = datetime(2025, 3, 4, 0, 0)
        with freeze_time("2025-03-04 17:00:00"):  # Wednesday 01:00 in Shanghai
            self.Verdict._cron_daily()
        verdicts = self.own_verdicts(self.user_agent, MONDAY, TUESDAY)
        self.assertEqual(list(verdicts), [str(MONDAY)])
        self.assertEqual(verdicts[str(MONDAY)]["status"], "present")
        self.assertEqual(verdicts[str(MONDAY)]["early_minutes"], 0)

    def test_a13_night_shift_hands_over_to_the_morning_shift(self):
        self.publish(
            MONDAY,
            [
                (self.emp_agent, MONDAY, self.night_shift),
                (self.emp_agent2, TUESDAY, self.day_shift),
            ],
        )
        # the night leaves at 07:50, the morning arrives at 08:00
        night = self.attend_utc(
            self.emp_agent, (datetime(2025, 3, 3, 12, 0), datetime(2025, 3, 3, 23, 50))
        )
        self.attend_utc(
            self.emp_agent2, (datetime(2025, 3, 4, 0, 0), datetime(2025, 3, 4, 12, 0))
        )
        # the pass over Monday alone still sees Tuesday morning's check-in
        self.Verdict._run_period(self.emp_agent | self.emp_agent2, MONDAY, MONDAY)
        verdict = self.own_verdicts(self.user_agent, MONDAY, MONDAY)[str(MONDAY)]
        self.assertTrue(verdict["handover_missed"])
        # waiting for the morning shift (08:05) is a hand-over
        night.check_out = datetime(2025, 3, 4, 0, 5)
        self.Verdict._run_period(self.emp_agent | self.emp_agent2, MONDAY, MONDAY)
        verdict = self.own_verdicts(self.user_agent, MONDAY, MONDAY)[str(MONDAY)]
        self.assertFalse(verdict["handover_missed"])
        self.assertEqual(verdict["early_minutes"], 0)

    def test_a01_split_shift_judged_on_both_intervals(self):
        self.publish(MONDAY, [(self.emp_agent, MONDAY, self.split_shift)])
        # 07:00-11:00 on time, 17:10-21:00: ten minutes away at the second start
        self.attend_utc(
            self.emp_agent,
            (datetime(2025, 3, 2, 23, 0), datetime(2025, 3, 3, 3, 0)),
            (datetime(2025, 3, 3, 9, 10), datetime(2025, 3, 3, 13, 0)),
        )
        self.Verdict._run_period(self.emp_agent, MONDAY, MONDAY)
        verdict = self.Verdict.search(
            [("employee_id", "=", self.emp_agent.id), ("date", "=", MONDAY)]
        )
        self.assertEqual(verdict.planned_minutes, 480)
        self.assertEqual(
            (verdict.late_minutes, verdict.early_minutes, verdict.away_minutes),
            (0, 0, 10),
        )

    def test_a01_shift_falls_on_the_rosters_day(self):
        # an employee on UTC at a Shanghai site: 07:00 Monday is 23:00 Sunday UTC
        self.emp_agent.tz = "UTC"
        self.publish(MONDAY, [(self.emp_agent, MONDAY, self.split_shift)])
        self.attend_utc(
            self.emp_agent,
            (datetime(2025, 3, 2, 23, 15), datetime(2025, 3, 3, 3, 0)),
            (datetime(2025, 3, 3, 9, 0), datetime(2025, 3, 3, 13, 0)),
        )
        self.Verdict._run_period(self.emp_agent, MONDAY - timedelta(days=1), MONDAY)
        verdicts = self.own_verdicts(
            self.user_agent, MONDAY - timedelta(days=1), MONDAY
        )
        self.assertEqual(list(verdicts), [str(MONDAY)])
        self.assertEqual(verdicts[str(MONDAY)]["late_minutes"], 15)

    def test_a03_rotation_over_a_month(self):
        team = self.emp_agent | self.emp_agent2 | self.emp_leader | self.emp_trainer
        values = {
            "site_id": self.site.id,
            "post": "front_desk",
            "date_start": str(MONDAY),
            "weeks": 4,
            "offset": 1,
            "employee_ids": [Command.set(team.ids)],
            "step_ids": [
                Command.create({"sequence": 1, "shift_type_id": self.day_shift.id}),
                Command.create({"sequence": 2, "shift_type_id": self.night_shift.id}),
                Command.create({"sequence": 3, "shift_type_id": False}),
                Command.create({"sequence": 4, "shift_type_id": False}),
            ],
        }
        # refused: an employee fills no roster
        self.rpc_as(self.user_agent)
        wizard = self.rpc("property.roster.rotation", "create", values)
        self.assertRpcRefused("property.roster.rotation", "action_generate", [wizard])
        self.assertFalse(self.Roster.search([("site_id", "=", self.site.id)]))
        self.rpc_as(self.user_supervisor)
        wizard = self.rpc("property.roster.rotation", "create", values)
        self.rpc("property.roster.rotation", "action_generate", [wizard])
        rosters = self.Roster.search([("site_id", "=", self.site.id)])
        self.assertEqual(len(rosters), 4)
        lines = rosters.line_ids
        self.assertEqual(len(lines), 28 * 2, "one day and one night shift a day")
        for offset in range(28):
            day_lines = lines.filtered(
                lambda line, d=MONDAY + timedelta(days=offset): line.date == d
            )
            self.assertEqual(
                sorted(day_lines.shift_type_id.mapped("code")), ["T-D", "T-N"]
            )
        for employee in team:
            self.assertEqual(
                len(lines.filtered(lambda x, e=employee: x.employee_id == e)), 14
            )
        self.rpc("property.roster", "action_publish", rosters.ids)
        # nobody came: the agent is absent on each of its 14 shifts, never on a rest day
        month_end = MONDAY + timedelta(days=27)
        self.Verdict._run_period(self.emp_agent, MONDAY, month_end)
        verdicts = self.own_verdicts(self.user_agent, MONDAY, month_end)
        shift_days = lines.filtered(lambda x: x.employee_id == self.emp_agent).mapped(
            "date"
        )
        self.assertEqual(sorted(verdicts), sorted(str(day) for day in shift_days))
        self.assertEqual({v["status"] for v in verdicts.values()}, {"absent"})


@tagged("post_install", "-at_install")
@freeze_time("2025-03-01 02:00:00")
class TestRosterSwapRpc(RpcMixin, HttpCase, RosterCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.roster = cls.Roster.create(
            {
                "site_id": cls.site.id,
                "post": "gate",
                "week_start": MONDAY,
                "line_ids": [
                    Command.create(
                        {
                            "employee_id": cls.emp_agent.id,
                            "date": MONDAY,
                            "shift_type_id": cls.night_shift.id,
                        }
                    ),
                    Command.create(
                        {
                            "employee_id": cls.emp_agent2.id,
                            "date": TUESDAY,
                            "shift_type_id": cls.day_shift.id,
                        }
                    ),
                ],
            }
        )
        cls.roster.with_user(cls.user_supervisor).action_publish()
        cls.night_line = cls.roster.line_ids.filtered(lambda x: x.date == MONDAY)
        cls.day_line = cls.roster.line_ids - cls.night_line

    def request(self, user):
        self.rpc_as(user)
        return self.env["property.roster.swap"].browse(
            self.rpc(
                "property.roster.swap",
                "create",
                {
                    "line_id": self.night_line.id,
                    "other_line_id": self.day_line.id,
                    "reason": "Family matter",
                },
            )
        )

    def assertUnchanged(self):
        self.assertEqual(
            (self.night_line.employee_id, self.night_line.date),
            (self.emp_agent, MONDAY),
        )
        self.assertEqual(
            (self.day_line.employee_id, self.day_line.date), (self.emp_agent2, TUESDAY)
        )

    def test_a01_swap_approved_by_the_sites_supervisor(self):
        # refused: a colleague asks for the swap of somebody else's shift
        self.rpc_as(self.user_leader)
        self.assertRpcRefused(
            "property.roster.swap",
            "create",
            {"line_id": self.night_line.id, "other_line_id": self.day_line.id},
        )
        self.assertFalse(
            self.env["property.roster.swap"]
            .search([])
            .filtered(lambda s: s.line_id == self.night_line)
        )
        swap = self.request(self.user_agent)
        self.assertEqual((swap.approval_state, swap.done), ("pending", False))
        # refused: the shifts of a swap asked for are not changed afterwards
        self.assertRpcRefused(
            "property.roster.swap",
            "write",
            swap.ids,
            {"other_line_id": self.night_line.id},
        )
        self.assertEqual(swap.other_line_id, self.day_line)
        # refused: the colleague of the swap approves it, nor does the requester
        self.rpc_as(self.user_agent2)
        self.assertRpcRefused(
            "property.roster.swap", "action_approval_approve", swap.ids
        )
        self.rpc_as(self.user_agent)
        self.assertRpcRefused(
            "property.roster.swap", "action_approval_approve", swap.ids
        )
        self.assertEqual(swap.approval_state, "pending")
        self.assertUnchanged()
        self.rpc_as(self.user_supervisor)
        self.rpc("property.roster.swap", "action_approval_approve", swap.ids)
        self.assertEqual((swap.approval_state, swap.done), ("approved", True))
        # the agent now works on Tuesday's day shift, the colleague Monday's night
        self.assertEqual(
            (
                self.night_line.employee_id,
                self.night_line.date,
                self.night_line.shift_type_id,
            ),
            (self.emp_agent, TUESDAY, self.day_shift),
        )
        self.assertEqual(
            (
                self.day_line.employee_id,
                self.day_line.date,
                self.day_line.shift_type_id,
            ),
            (self.emp_agent2, MONDAY, self.night_shift),
        )

    def test_a01_swap_refused_after_the_shift_began(self):
        swap = self.request(self.user_agent)
        # Monday 21:00 in Shanghai: the night shift has begun
        with freeze_time("2025-03-03 13:00:00"):
            self.rpc_as(self.user_supervisor)
            self.assertRpcRefused(
                "property.roster.swap", "action_approval_approve", swap.ids
            )
            self.assertEqual(swap.approval_state, "pending")
            self.assertUnchanged()
            self.rpc_as(self.user_agent)
            self.assertRpcRefused(
                "property.roster.swap",
                "create",
                {"line_id": self.night_line.id, "other_line_id": self.day_line.id},
            )
        self.assertEqual(
            self.env["property.roster.swap"].search_count(
                [("line_id", "=", self.night_line.id)]
            ),
            1,
            "nothing written",
        )
