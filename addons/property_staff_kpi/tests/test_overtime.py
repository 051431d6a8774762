from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError

from .test_leave_rules import LeaveCase

SATURDAY = date(2025, 3, 8)


@freeze_time("2025-03-08 12:00:00")
class TestOvertime(LeaveCase):
    """Three hours worked on a Saturday are extra hours to approve (A05)."""

    def setUp(self):
        super().setUp()
        self.attendance = self.Attendance.create(
            {
                "employee_id": self.emp_agent.id,
                "check_in": datetime(2025, 3, 8, 1, 0),
                "check_out": datetime(2025, 3, 8, 4, 0),
            }
        )

    def balance(self):
        self.emp_agent.invalidate_recordset(["total_overtime"])
        return self.emp_agent.sudo().total_overtime

    def request_in_lieu(self, hours):
        return self.request(
            self.user_agent,
            self.in_lieu,
            day=date(2025, 3, 10),
            request_unit_hours=True,
            request_hour_from=9,
            request_hour_to=9 + hours,
        )

    def test_a05_overtime_validated_by_the_manager(self):
        self.assertEqual(self.env.company.attendance_overtime_validation, "by_manager")
        self.assertEqual(self.attendance.overtime_status, "to_approve")
        self.assertAlmostEqual(self.attendance.validated_overtime_hours, 3)
        self.assertEqual(self.balance(), 0)

    def test_a05_approved_overtime_is_paid_by_default(self):
        self.assertEqual(self.attendance.property_overtime_compensation, "pay")
        self.attendance.action_approve_overtime()
        self.assertAlmostEqual(self.attendance.property_overtime_paid_hours, 3)
        self.assertAlmostEqual(self.balance(), 0)
        with self.assertRaises(ValidationError):
            self.request_in_lieu(2)

    def test_a05_time_off_in_lieu_when_the_manager_chooses_it(self):
        self.attendance.action_property_overtime_time_off()
        self.assertEqual(self.attendance.overtime_status, "approved")
        self.assertEqual(self.attendance.property_overtime_paid_hours, 0)
        self.assertAlmostEqual(self.balance(), 3)
        leave = self.request_in_lieu(2)
        self.approve_both(leave)
        self.assertAlmostEqual(leave.number_of_hours, 2)
        self.assertAlmostEqual(self.balance(), 1)

    def test_a05_refused_overtime_is_neither_paid_nor_banked(self):
        self.attendance.action_approve_overtime()
        self.attendance.action_refuse_overtime()
        self.assertEqual(self.attendance.property_overtime_paid_hours, 0)
        self.assertAlmostEqual(self.balance(), 0)
