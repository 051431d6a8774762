"""Issue #23, A02: the supervisor's day in the browser: open the gate's roster, publish
it, and record a spot check of the shift on duty, which deducts from the month. The
shift is planned around the moment the tour runs (a browser tour runs on the real
clock), so the test holds whatever the day."""

from datetime import timedelta

import pytz

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .test_roster_rpc import RosterCase


@tagged("post_install", "-at_install")
class TestRosterTour(RpcMixin, HttpCase, RosterCase):
    def test_a02_tour_supervisor_publishes_the_roster_and_spot_checks(self):
        now = pytz.utc.localize(fields.Datetime.now()).astimezone(self.site._site_tz())
        today = now.date()
        shift = self.env["property.shift.type"].create(
            {
                "name": "Tour gate",
                "code": "T-TOUR",
                "hour_start": now.hour,
                "hour_end": (now.hour + 12) % 24,
            }
        )
        roster = self.Roster.create(
            {
                "site_id": self.site.id,
                "post": "gate",
                "week_start": today - timedelta(days=today.weekday()),
                "line_ids": [
                    Command.create(
                        {
                            "employee_id": self.emp_agent.id,
                            "date": today,
                            "shift_type_id": shift.id,
                        }
                    )
                ],
            }
        )
        self.user_supervisor.write({"password": "k_supervisor", "lang": "en_US"})
        self.start_tour(
            f"/odoo/action-property_staff_kpi.property_roster_action/{roster.id}",
            "property_staff_kpi_roster_supervisor_tour",
            login="k_supervisor",
        )
        self.assertEqual(roster.state, "published")
        check = self.env["property.kpi.spot.check"].search(
            [("roster_line_id", "in", roster.line_ids.ids)]
        )
        self.assertEqual(
            (check.result, check.checked_by_id, check.employee_id),
            ("away", self.user_supervisor, self.emp_agent),
        )
        line = self.Line.search(
            [
                ("source_ref", "=", f"property.kpi.spot.check,{check.id}"),
                ("origin", "=", "automatic"),
            ]
        )
        self.assertEqual(
            line.item_id, self.env.ref("property_staff_kpi.item_k03_left_post")
        )
