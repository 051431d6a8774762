"""Issue #23: in a swap request the employee picks the colleague's shift. The swap
form's "Shift Taken" offers the other employees' shifts of the published rosters of the
same site and post, by name only (employee, day, shift): the employee still reads no
colleague's shift, nor a shift of another site or post, nor a draft roster's."""

from datetime import timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .test_roster_rpc import MONDAY, RosterCase

SWAP_CONTEXT = "roster_swap_line_id"


@tagged("post_install", "-at_install")
@freeze_time("2025-03-01 02:00:00")
class TestRosterSwapPickRpc(RpcMixin, HttpCase, RosterCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site_b = cls.env["property.site"].create(
            {"name": "Test Site B", "code": "TB-R", "calendar_id": cls.calendar.id}
        )

        def roster(site, post, monday, shifts, publish=True):
            record = cls.Roster.create(
                {
                    "site_id": site.id,
                    "post": post,
                    "week_start": monday,
                    "line_ids": [
                        Command.create(
                            {
                                "employee_id": employee.id,
                                "date": day,
                                "shift_type_id": shift.id,
                            }
                        )
                        for employee, day, shift in shifts
                    ],
                }
            )
            if publish:
                record.action_publish()
            return record

        tuesday, wednesday = MONDAY + timedelta(1), MONDAY + timedelta(2)
        gate = roster(
            cls.site,
            "gate",
            MONDAY,
            [
                (cls.emp_agent, MONDAY, cls.night_shift),
                (cls.emp_agent2, tuesday, cls.day_shift),
                (cls.emp_leader, wednesday, cls.night_shift),
            ],
        )
        cls.own_line = gate.line_ids.filtered(lambda x: x.employee_id == cls.emp_agent)
        cls.colleague_lines = gate.line_ids - cls.own_line
        cls.desk_line = roster(
            cls.site,
            "front_desk",
            MONDAY,
            [(cls.emp_agent2, MONDAY + timedelta(3), cls.day_shift)],
        ).line_ids
        cls.draft_line = roster(
            cls.site,
            "gate",
            MONDAY + timedelta(7),
            [(cls.emp_agent2, MONDAY + timedelta(7), cls.day_shift)],
            publish=False,
        ).line_ids
        cls.other_site_line = roster(
            cls.site_b,
            "gate",
            MONDAY,
            [(cls.emp_trainer, MONDAY + timedelta(4), cls.day_shift)],
        ).line_ids

    def pick(self, line, name=""):
        return self.rpc(
            "property.roster.line",
            "name_search",
            name,
            context={SWAP_CONTEXT: line.id},
        )

    def test_a01_swap_employee_picks_a_colleagues_shift_of_the_same_post(self):
        self.rpc_as(self.user_agent)
        # refused first: the colleagues' shifts, another post's, another site's and a
        # draft roster's are not read, not even their ids through a search
        others = (
            self.colleague_lines
            | self.desk_line
            | self.draft_line
            | self.other_site_line
        )
        for line in others:
            with self.subTest(line=line.display_name):
                self.assertRpcRefused(
                    "property.roster.line", "read", line.ids, ["employee_id", "date"]
                )
        self.assertFalse(
            self.rpc("property.roster.line", "search", [("id", "in", others.ids)])
        )
        # refused: a colleague's shift is not the one the employee gives
        self.assertRpcRefused(
            "property.roster.line",
            "name_search",
            "",
            context={SWAP_CONTEXT: self.colleague_lines[0].id},
        )
        # the swap form offers the colleagues' shifts of the same site and post
        picked = self.pick(self.own_line)
        self.assertEqual([row[0] for row in picked], self.colleague_lines.ids)
        names = dict(picked)
        for line in self.colleague_lines:
            self.assertIn(line.employee_id.name, names[line.id])
            self.assertIn(str(line.date), names[line.id])
            self.assertIn(line.shift_type_id.name, names[line.id])
        # typing the colleague's name narrows the choice; a client's domain reveals
        # nothing more of those shifts
        leader = self.colleague_lines.filtered(
            lambda x: x.employee_id == self.emp_leader
        )
        self.assertEqual(
            [row[0] for row in self.pick(self.own_line, "Wang")], leader.ids
        )
        self.assertEqual(
            [
                row[0]
                for row in self.rpc(
                    "property.roster.line",
                    "name_search",
                    "",
                    [("employee_id.private_phone", "=", "nothing")],
                    context={SWAP_CONTEXT: self.own_line.id},
                )
            ],
            self.colleague_lines.ids,
            "the client's domain is not applied to the colleagues' shifts",
        )
        # the picked shift is asked for, and the request shows its name
        swap_id = self.rpc(
            "property.roster.swap",
            "create",
            {"line_id": self.own_line.id, "other_line_id": leader.id},
        )
        shown = self.rpc(
            "property.roster.swap",
            "web_read",
            [swap_id],
            {"other_line_id": {"fields": {"display_name": {}}}},
        )
        self.assertEqual(shown[0]["other_line_id"]["display_name"], names[leader.id])
        # still no read of the colleague's shift
        self.assertRpcRefused(
            "property.roster.line", "read", leader.ids, ["start_datetime"]
        )
