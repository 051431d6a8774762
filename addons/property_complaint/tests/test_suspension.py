from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError

from .common import ComplaintCase


class TestSuspension(ComplaintCase):
    def _accepted(self):
        complaint = self._new_complaint()
        with freeze_time("2025-03-03 02:00:00"):
            complaint.action_accept()
        return complaint.with_user(self.agent)

    def test_c10_purchase_below_threshold_refused(self):
        complaint = self._accepted()
        complaint.write(
            {
                "suspension_cause": "purchase",
                "suspension_amount": 4999.99,
                "suspension_reason": "New pump",
            }
        )
        with self.assertRaises(UserError):
            complaint.action_suspend()
        complaint.suspension_amount = 5000
        complaint.action_suspend()
        self.assertEqual(complaint.suspension_state, "suspended")

    def test_c10_reason_required(self):
        complaint = self._accepted()
        complaint.suspension_cause = "engineering"
        with self.assertRaises(UserError):
            complaint.action_suspend()
        complaint.suspension_cause = False
        complaint.suspension_reason = "Waiting"
        with self.assertRaises(UserError):
            complaint.action_suspend()

    def test_c10_clock_stops_while_suspended(self):
        complaint = self._accepted()
        # class 3: 5 working days after Monday 3 March 2025 -> Monday 10 March
        self.assertEqual(str(complaint.date_deadline_resolution), "2025-03-10 15:59:59")
        complaint.write(
            {"suspension_cause": "engineering", "suspension_reason": "Roof works"}
        )
        with freeze_time("2025-03-04 02:00:00"):
            complaint.action_suspend()
        self.assertFalse(complaint.date_deadline_next)
        with freeze_time("2025-03-20 02:00:00"):
            self.assertNotIn(
                complaint,
                self.env["property.complaint"].search([("is_late", "=", True)]),
            )
        # resumed Thursday 6 March: 5 and 6 March were suspended
        with freeze_time("2025-03-06 02:00:00"):
            complaint.action_resume()
        self.assertEqual(complaint.resolution_extra_days, 2)
        self.assertEqual(str(complaint.date_deadline_resolution), "2025-03-12 15:59:59")
        self.assertTrue(complaint.date_deadline_next)
        self.assertTrue(complaint._fields["date_deadline_resolution"].tracking)

    def test_c10_manager_approval_is_a_setting(self):
        self._set_setting("suspension_approval", True)
        complaint = self._accepted()
        complaint.write(
            {"suspension_cause": "engineering", "suspension_reason": "Roof works"}
        )
        complaint.action_suspend()
        self.assertEqual(complaint.suspension_state, "to_approve")
        self.assertTrue(complaint.date_deadline_next)
        with self.assertRaises(AccessError):
            complaint.action_approve_suspension()
        complaint.with_user(self.cs_manager).action_approve_suspension()
        self.assertEqual(complaint.suspension_state, "suspended")
        self.assertFalse(complaint.date_deadline_next)
