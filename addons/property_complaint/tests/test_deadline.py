from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import ComplaintCase


class TestDeadline(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar._property_import_cn_holidays(2025)

    def _accepted(self, received="2025-09-30 02:00:00", **vals):
        complaint = self._new_complaint(date_received=received, **vals)
        with freeze_time(received):
            complaint.action_accept()
        return complaint

    def test_c09_resolution_across_national_day(self):
        # Accepted on Tuesday 30 September 2025; 1-8 October are holidays and
        # Saturday 11 October is a make-up working day (调休).
        ordinary = self._accepted()
        self.assertEqual(ordinary.complaint_class, "3")
        # 9, 10, 11 (Sat), 13, 14 October: end of the 14th, Shanghai time
        self.assertEqual(str(ordinary.date_deadline_resolution), "2025-10-14 15:59:59")
        major = self._accepted(fact_lawsuit=True)
        self.assertEqual(str(major.date_deadline_resolution), "2025-10-09 15:59:59")
        demand = self._accepted(kind="demand")
        self.assertEqual(str(demand.date_deadline_resolution), "2025-10-14 15:59:59")
        # proposed solution: 3 working days
        self.assertEqual(str(ordinary.date_deadline_solution), "2025-10-11 15:59:59")

    def test_c09_days_are_settings(self):
        self._set_setting("days_class3", 1)
        complaint = self._accepted(received="2025-03-03 02:00:00")
        self.assertEqual(str(complaint.date_deadline_resolution), "2025-03-04 15:59:59")

    def test_c08_response_met_with_contact_and_person_in_charge(self):
        complaint = self._new_complaint()
        self.assertEqual(complaint.responsible_user_id, self.cs_manager)
        self.assertEqual(str(complaint.date_deadline_response), "2025-03-03 03:00:00")
        self.assertEqual(str(complaint.date_deadline_reply), "2025-03-04 02:00:00")
        self.assertEqual(complaint.date_deadline_next, complaint.date_deadline_response)
        nobody = self._new_complaint(responsible_user_id=False)
        with self.assertRaises(UserError):
            nobody.with_user(self.agent).action_record_contact()
        with freeze_time("2025-03-03 02:30:00"):
            complaint.with_user(self.agent).action_record_contact()
        self.assertEqual(complaint.date_deadline_next, complaint.date_deadline_reply)
        with self.assertRaises(UserError):
            complaint.with_user(self.agent).action_record_contact()

    def test_c08_late_and_due_today_filters(self):
        complaint = self._new_complaint()
        Complaint = self.env["property.complaint"].with_user(self.agent)
        with freeze_time("2025-03-03 02:30:00"):
            complaint.invalidate_recordset(["deadline_state"])
            self.assertEqual(complaint.deadline_state, "today")
            self.assertIn(complaint, Complaint.search([("is_due_today", "=", True)]))
            self.assertNotIn(complaint, Complaint.search([("is_late", "=", True)]))
        with freeze_time("2025-03-03 03:30:00"):
            complaint.invalidate_recordset(["deadline_state"])
            self.assertEqual(complaint.deadline_state, "late")
            self.assertIn(complaint, Complaint.search([("is_late", "=", True)]))
            self.assertNotIn(complaint, Complaint.search([("is_due_today", "=", True)]))
            self.assertIn(complaint, Complaint.search([("is_late", "!=", False)]))
