"""The discipline ladder (K11) and the late-arrival points (K13) are data of the
scheme, changed by a scoring manager over JSON-RPC: the refused case first."""

from datetime import date

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .test_attendance_verdict import MONDAY, AttendanceCase


@tagged("post_install", "-at_install")
class TestSchemeRulesRpc(RpcMixin, HttpCase, AttendanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")

    def _violations(self, employee, *days, xmlid="k03_noise"):
        """Approved violations of ``employee`` on ``days``, each in its month."""
        for day in days:
            assessment = self.Assessment.search(
                [
                    ("employee_id", "=", employee.id),
                    ("date_month", "=", day.replace(day=1)),
                ]
            ) or self.assess(employee, day.replace(day=1))
            self.add(assessment, xmlid, when=day)

    def _ladder(self, employee):
        records = employee.kpi_discipline_ids.sorted(lambda r: (r.date, r.id))
        return [(r.sequence_number, r.level) for r in records]

    def test_k11_levels_are_the_schemes(self):
        vals = {"discipline_written_number": 3, "discipline_dismissal_number": 4}
        self.rpc_as(self.user_trainer)  # an assessor, not a scoring manager
        self.assertRpcRefused("property.kpi.scheme", "write", self.scheme.ids, vals)
        self.scheme.invalidate_recordset()
        self.assertEqual(
            (
                self.scheme.discipline_written_number,
                self.scheme.discipline_dismissal_number,
            ),
            (2, 3),
            "nothing written",
        )
        self.rpc_as(self.user_manager)
        self.assertRpcRefused(
            "property.kpi.scheme",
            "write",
            self.scheme.ids,
            {"discipline_written_number": 4, "discipline_dismissal_number": 3},
        )
        self.rpc("property.kpi.scheme", "write", self.scheme.ids, vals)
        self._violations(self.emp_agent, *(date(2025, 3, day) for day in (3, 4, 5, 6)))
        self.assertEqual(
            self._ladder(self.emp_agent),
            [(1, "verbal"), (2, "verbal"), (3, "written"), (4, "dismissal")],
        )

    def test_k11_light_violations_stop_counting_after_the_reset_period(self):
        # refused case: three light slips over three years propose no dismissal
        self._violations(
            self.emp_agent, date(2023, 1, 10), date(2024, 2, 10), date(2025, 3, 10)
        )
        self.assertEqual(
            self._ladder(self.emp_agent), [(1, "verbal"), (1, "verbal"), (1, "verbal")]
        )
        # within twelve months they do
        self._violations(self.emp_agent, date(2025, 4, 20), date(2025, 5, 20))
        self.assertEqual(
            self._ladder(self.emp_agent)[-2:], [(2, "written"), (3, "dismissal")]
        )
        # a severe violation counts whatever its age
        self._violations(self.emp_agent2, date(2023, 1, 10), xmlid="k05_absenteeism")
        self._violations(self.emp_agent2, date(2025, 3, 10))
        self.assertEqual(self._ladder(self.emp_agent2), [(1, "verbal"), (2, "written")])

    def test_k11_reset_period_set_by_a_manager(self):
        self.rpc_as(self.user_supervisor)  # an assessor, not a scoring manager
        self.assertRpcRefused(
            "property.kpi.scheme",
            "write",
            self.scheme.ids,
            {"discipline_reset_months": 0},
        )
        self.scheme.invalidate_recordset()
        self.assertEqual(self.scheme.discipline_reset_months, 12, "nothing written")
        self.rpc_as(self.user_manager)
        self.assertRpcRefused(
            "property.kpi.scheme",
            "write",
            self.scheme.ids,
            {"discipline_reset_months": -1},
        )
        # 0: light violations count for a whole career
        self.rpc(
            "property.kpi.scheme",
            "write",
            self.scheme.ids,
            {"discipline_reset_months": 0},
        )
        self._violations(
            self.emp_agent, date(2023, 1, 10), date(2024, 2, 10), date(2025, 3, 10)
        )
        self.assertEqual(self._ladder(self.emp_agent)[-1], (3, "dismissal"))

    def test_k13_late_points_are_the_schemes(self):
        step = self.env.ref("property_staff_kpi.scheme_standard_late_19")
        self.assertEqual((step.minutes, step.points), (19, 4))
        change = {"late_point_ids": [Command.update(step.id, {"points": 3})]}
        self.rpc_as(self.user_trainer)
        self.assertRpcRefused("property.kpi.scheme", "write", self.scheme.ids, change)
        self.assertRpcRefused(
            "property.kpi.scheme.late", "write", step.ids, {"points": 3}
        )
        step.invalidate_recordset()
        self.assertEqual(step.points, 4, "nothing written")
        self.rpc_as(self.user_manager)
        self.rpc("property.kpi.scheme", "write", self.scheme.ids, change)
        # 12 minutes late: the step of up to 19 minutes
        self.attend(self.emp_agent, MONDAY, (0.5 + 12 / 60, 4.0), (5.5, 9.5))
        # 25 minutes: beyond the last step, the item's maximum
        self.attend(self.emp_agent2, MONDAY, (0.5 + 25 / 60, 4.0), (5.5, 9.5))
        self.Verdict._run_period(self.emp_agent | self.emp_agent2, MONDAY, MONDAY)
        points = {
            line.employee_id: line.points
            for line in self.Line.search(
                [
                    ("item_id", "=", self.item("k03_late").id),
                    ("employee_id", "in", (self.emp_agent | self.emp_agent2).ids),
                ]
            )
        }
        self.assertEqual(points, {self.emp_agent: 3, self.emp_agent2: 5})
