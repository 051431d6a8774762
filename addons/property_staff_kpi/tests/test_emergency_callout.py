from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError

from .test_attendance_verdict import MONDAY, AttendanceCase


class TestEmergencyCallout(AttendanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Callout = cls.env["property.emergency.callout"]

    def callout(self, late_seconds, user=None):
        call = date(2025, 3, 3)
        callout = self.Callout.with_user(user or self.user_supervisor).create(
            {
                "name": "Water pipe burst",
                "employee_id": self.emp_agent.id,
                "site_id": self.site.id,
                "call_time": f"{call} 02:00:00",
                "response_minutes": 15,
            }
        )
        callout.arrival_time = callout.deadline + timedelta(seconds=late_seconds)
        return callout

    def lines(self, callout):
        return self.Line.search([("source_ref", "=", f"{callout._name},{callout.id}")])

    @freeze_time("2025-03-03 08:00:00")
    def test_k13_emergency_on_time_adds_nothing(self):
        callout = self.callout(0)
        callout.action_done()
        self.assertEqual(callout.late_minutes, 0)
        self.assertFalse(self.lines(callout))

    @freeze_time("2025-03-03 08:00:00")
    def test_k13_emergency_late_bands(self):
        cases = [
            (60, "item_k03_emergency_10", 5),
            (600, "item_k03_emergency_10", 5),
            (601, "item_k04_emergency_30", 10),
            (1800, "item_k04_emergency_30", 10),
            (1860, "item_k05_emergency_over", 20),
        ]
        for seconds, xmlid, points in cases:
            with self.subTest(seconds=seconds):
                callout = self.callout(seconds)
                callout.action_done()
                line = self.lines(callout)
                self.assertEqual(line.item_id, self.item(xmlid.removeprefix("item_")))
                self.assertEqual(line.points, points)
                self.assertEqual(line.assessment_id.date_month, self.month)

    @freeze_time("2025-03-03 08:00:00")
    def test_k13_emergency_line_created_once_and_cancelled(self):
        callout = self.callout(120)
        callout.action_done()
        with self.assertRaises(UserError):
            callout.action_done()
        self.env["property.kpi.assessment"]._add_automatic_lines(
            [
                {
                    "employee": self.emp_agent,
                    "item": callout._kpi_item(),
                    "source": callout,
                    "date": MONDAY,
                }
            ]
        )
        self.assertEqual(len(self.lines(callout)), 1)
        callout.action_cancel()
        self.assertFalse(self.lines(callout))

    @freeze_time("2025-03-03 08:00:00")
    def test_k13_emergency_bands_are_settings(self):
        self.site.company_id.property_staff_kpi_emergency_band_1_minutes = 15
        callout = self.callout(720)
        callout.action_done()
        self.assertEqual(self.lines(callout).points, 5)

    def test_k13_emergency_needs_the_arrival_and_an_assessor(self):
        callout = self.callout(0)
        callout.arrival_time = False
        with self.assertRaises(UserError):
            callout.action_done()
        with self.assertRaises(AccessError):
            self.callout(0, user=self.user_agent)
