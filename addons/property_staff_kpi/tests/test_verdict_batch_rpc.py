"""The verdict pass reads each employee's scheme once per batch (issue 17: no search in
a loop) and still scores each late arrival with the scheme of the employee's site
(K13); a corrected day updates its lines in the same batch. The scheme is set up by
a scoring manager over JSON-RPC, the refused case first."""

from datetime import timedelta
from unittest.mock import patch

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .test_attendance_verdict import MONDAY, AttendanceCase

SCHEME_NAME = "Batch-test scheme of site B"


@tagged("post_install", "-at_install")
class TestVerdictBatchRpc(RpcMixin, HttpCase, AttendanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")
        cls.site_b = cls.env["property.site"].create(
            {
                "name": "Test Site B",
                "code": "TVB",
                "calendar_id": cls.calendar.id,
                "manager_id": cls.user_site_manager.id,
            }
        )
        cls.emp_agent2.property_site_id = cls.site_b

    def _late_points(self):
        lines = self.Line.search(
            [
                ("item_id", "=", self.item("k03_late").id),
                ("employee_id", "in", (self.emp_agent | self.emp_agent2).ids),
                ("origin", "=", "automatic"),
            ]
        )
        return {line.employee_id: line.points for line in lines}

    def test_k13_each_sites_scheme_read_once_per_pass(self):
        Scheme = self.env["property.kpi.scheme"]
        vals = {
            "name": SCHEME_NAME,
            "site_ids": [Command.set(self.site_b.ids)],
            "late_point_ids": [Command.create({"minutes": 30, "points": 2})],
        }
        # refused case: an assessor who is not a scoring manager creates no scheme
        self.rpc_as(self.user_trainer)
        self.assertRpcRefused("property.kpi.scheme", "create", vals)
        self.assertFalse(Scheme.search([("name", "=", SCHEME_NAME)]), "nothing written")
        self.rpc_as(self.user_manager)
        self.rpc("property.kpi.scheme", "create", vals)
        scheme_b = Scheme.search([("name", "=", SCHEME_NAME)])
        self.assertEqual(scheme_b.site_ids, self.site_b)
        # both 12 minutes late: the standard scheme's step of up to 19 minutes (4
        # points) at site A, the site B scheme's step of up to 30 minutes (2 points)
        self.attend(self.emp_agent, MONDAY, (0.5 + 12 / 60, 4.0), (5.5, 9.5))
        attendance_b = self.attend(
            self.emp_agent2, MONDAY, (0.5 + 12 / 60, 4.0), (5.5, 9.5)
        )
        # the pass never looks a scheme up verdict by verdict
        with patch.object(
            type(Scheme),
            "_for_employee",
            side_effect=AssertionError("a search per verdict"),
        ):
            self.Verdict._run_period(self.emp_agent | self.emp_agent2, MONDAY, MONDAY)
            self.assertEqual(
                self._late_points(), {self.emp_agent: 4, self.emp_agent2: 2}
            )
            # a corrected day (now 35 minutes late at site B: beyond the last step,
            # the item's maximum) updates its line in the next pass
            attendance_b[0].check_in += timedelta(minutes=35 - 12)
            self.Verdict._run_period(self.emp_agent | self.emp_agent2, MONDAY, MONDAY)
        self.assertEqual(self._late_points(), {self.emp_agent: 4, self.emp_agent2: 5})
        verdict_b = self.verdict(self.emp_agent2)
        self.assertEqual(verdict_b.late_minutes, 35)
