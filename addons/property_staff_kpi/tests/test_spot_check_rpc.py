"""A02, issue #23: a supervisor's spot check of a rostered post, over JSON-RPC. The
checker is the user and the time is now (a client sets neither); only a supervisor of
the shift's site records it, during the shift; an "away" check adds the A02 deduction
(left the post without telling the superior) to the month's assessment, once per
employee and day. The refused cases first, and that nothing was written."""

from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .test_roster_rpc import MONDAY, RosterCase

# Monday 3 March 2025, 10:30 in Shanghai: the day shift (08:00-20:00) is on
DURING = "2025-03-03 02:30:00"


@tagged("post_install", "-at_install")
@freeze_time(DURING)
class TestSpotCheckRpc(RpcMixin, HttpCase, RosterCase):
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
                            "employee_id": employee.id,
                            "date": MONDAY,
                            "shift_type_id": cls.day_shift.id,
                        }
                    )
                    for employee in (cls.emp_agent, cls.emp_agent2)
                ],
            }
        )
        cls.roster.action_publish()
        cls.line = cls.roster.line_ids.filtered(
            lambda x: x.employee_id == cls.emp_agent
        )
        cls.line2 = cls.roster.line_ids - cls.line
        # the supervisor of another site, an assessor too
        cls.site_b = cls.env["property.site"].create(
            {
                "name": "Test Site B",
                "code": "TB-S",
                "calendar_id": cls.calendar.id,
                "supervisor_ids": [Command.link(cls.user_trainer.id)],
            }
        )
        cls.SpotCheck = cls.env["property.kpi.spot.check"]
        cls.away_item = cls.env.ref("property_staff_kpi.item_k03_left_post")

    def away_lines(self, employee):
        return self.Line.search(
            [
                ("employee_id", "=", employee.id),
                ("item_id", "=", self.away_item.id),
                ("origin", "=", "automatic"),
            ]
        )

    def test_a02_spot_check_recorded_by_the_sites_supervisor_only(self):
        values = {"roster_line_id": self.line.id, "result": "away", "note": "Empty"}
        # refused: the employee, a colleague, and the supervisor of another site
        for user in (self.user_agent, self.user_agent2, self.user_trainer):
            with self.subTest(user=user.login):
                self.rpc_as(user)
                self.assertRpcRefused("property.kpi.spot.check", "create", values)
        # refused: the checker and the time are the record's, not the client's
        self.rpc_as(self.user_supervisor)
        for owned in (
            {"checked_by_id": self.user_agent.id},
            {"check_time": "2025-03-03 01:00:00"},
        ):
            with self.subTest(owned=owned):
                self.assertRpcRefused(
                    "property.kpi.spot.check", "create", dict(values, **owned)
                )
        # refused: a shift not on duty now
        with freeze_time("2025-03-03 13:00:00"):
            self.assertRpcRefused("property.kpi.spot.check", "create", values)
        self.assertFalse(self.SpotCheck.search([("roster_line_id", "=", self.line.id)]))
        self.assertFalse(self.away_lines(self.emp_agent))
        # the site's supervisor records it: checker and time are theirs
        check = self.SpotCheck.browse(
            self.rpc("property.kpi.spot.check", "create", values)
        )
        self.assertEqual(check.checked_by_id, self.user_supervisor)
        self.assertEqual(check.check_time, datetime(2025, 3, 3, 2, 30))
        self.assertEqual(
            (check.employee_id, check.post, check.date),
            (self.emp_agent, "gate", MONDAY),
        )
        # refused: a recorded check is never changed nor deleted
        for method, args in (
            ("write", [{"result": "present"}]),
            ("write", [{"checked_by_id": self.user_manager.id}]),
            ("unlink", []),
        ):
            with self.subTest(method=method, args=args):
                self.assertRpcRefused(
                    "property.kpi.spot.check", method, check.ids, *args
                )
        self.assertEqual(check.result, "away")
        # the employee reads their check, not a colleague's
        present = self.SpotCheck.browse(
            self.rpc(
                "property.kpi.spot.check",
                "create",
                {"roster_line_id": self.line2.id, "result": "present"},
            )
        )
        self.rpc_as(self.user_agent)
        self.assertEqual(
            self.rpc(
                "property.kpi.spot.check",
                "search",
                [("id", "in", (check | present).ids)],
            ),
            check.ids,
        )

    def test_a02_away_check_deducts_once_a_day_in_the_month(self):
        self.rpc_as(self.user_supervisor)
        self.rpc(
            "property.kpi.spot.check",
            "create",
            [
                {"roster_line_id": self.line.id, "result": "away"},
                {"roster_line_id": self.line2.id, "result": "present"},
            ],
        )
        line = self.away_lines(self.emp_agent)
        self.assertEqual(len(line), 1)
        self.assertEqual(
            (line.points, line.date, line.assessment_id.date_month),
            (self.away_item.points_min, MONDAY, MONDAY.replace(day=1)),
        )
        self.assertIn("A02", line.reason)
        self.assertFalse(self.away_lines(self.emp_agent2), "present: no deduction")
        # a second away check the same day is the same violation: no second line
        with freeze_time(datetime(2025, 3, 3, 2, 30) + timedelta(hours=2)):
            self.rpc(
                "property.kpi.spot.check",
                "create",
                {"roster_line_id": self.line.id, "result": "away"},
            )
        self.assertEqual(self.away_lines(self.emp_agent), line)
        # the day's verdict sees the hour away, but adds no line of its own beside
        # the check's
        with freeze_time("2025-03-04 02:00:00"):
            self.attend_utc(
                self.emp_agent,
                (datetime(2025, 3, 3, 0, 0), datetime(2025, 3, 3, 3, 0)),
                (datetime(2025, 3, 3, 4, 0), datetime(2025, 3, 3, 12, 0)),
            )
            self.Verdict._run_period(self.emp_agent, MONDAY, MONDAY)
        verdict = self.Verdict.search(
            [("employee_id", "=", self.emp_agent.id), ("date", "=", MONDAY)]
        )
        self.assertEqual(verdict.away_minutes, 60)
        self.assertEqual(self.away_lines(self.emp_agent), line)
        # the employee reads the deduction on their assessment
        self.rpc_as(self.user_agent)
        [read] = self.rpc(
            "property.kpi.line", "read", line.ids, ["points", "reason", "source_ref"]
        )
        self.assertEqual(read["source_ref"].split(",")[0], "property.kpi.spot.check")
