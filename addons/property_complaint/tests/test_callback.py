import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestCallback(ComplaintCase):
    def _communicated(self):
        complaint = self._new_complaint()
        self._dispatch(complaint, self.dep_engineering, self.handler)
        complaint.with_user(self.agent).write(
            {
                "validity_reason": "Repair late.",
                "responsible_department_id": self.dep_engineering.id,
                "resolution": "<p>Pipe replaced.</p>",
                "result_summary": "The leak is fixed.",
                "result_solution": "Pipe replaced.",
                "result_prevention": "Quarterly checks.",
                "result_method": "phone",
            }
        )
        complaint.with_user(self.agent).action_confirm_valid()
        with freeze_time("2025-03-05 02:00:00"):
            complaint.with_user(self.agent).action_communicate_result()
        return complaint

    def test_c15_callback_created_when_result_communicated(self):
        complaint = self._communicated()
        callback = complaint.callback_ids
        self.assertEqual(len(callback), 1)
        self.assertEqual(callback.state, "todo")
        self.assertEqual(complaint.callback_state, "todo")
        # no class rule installed: 14 days (class 1 would be 7)
        self.assertEqual(callback.date_due, datetime.date(2025, 3, 19))
        self.assertTrue(callback.activity_ids)
        self._set_setting("callback_days_other", 10)
        self.assertEqual(callback._due_days(complaint), 10)

    def test_c15_callback_queue_late_and_due_today(self):
        callback = self._communicated().callback_ids
        Callback = self.env["property.complaint.callback"].with_user(self.agent)
        with freeze_time("2025-03-19 03:00:00"):
            self.assertFalse(callback.with_user(self.agent).is_late)
            self.assertFalse(
                Callback.search([("is_late", "=", True), ("id", "=", callback.id)])
            )
        with freeze_time("2025-03-20 03:00:00"):
            callback.invalidate_recordset(["is_late"])
            self.assertTrue(callback.with_user(self.agent).is_late)
            self.assertEqual(Callback.search([("is_late", "=", True)]), callback)

    def test_c15_callback_needs_satisfaction_and_signature(self):
        callback = self._communicated().callback_ids.with_user(self.agent)
        with self.assertRaisesRegex(UserError, "Satisfaction"):
            callback.action_done()
        callback.write(
            {
                "date_done": "2025-03-10 02:00:00",
                "method": "visit",
                "satisfaction_id": self.env.ref(
                    "property_complaint.satisfaction_satisfied"
                ).id,
                "no_signature_possible": True,
            }
        )
        # refused: a visit is signed on screen or on paper
        with self.assertRaisesRegex(UserError, "signature"):
            callback.action_done()
        callback.signature = (
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwAD"
            "hgGAWjR9awAAAABJRU5ErkJggg=="
        )
        callback.action_done()
        self.assertEqual(callback.state, "done")
        self.assertFalse(callback.second_complaint_id)
        # a recorded callback is read-only
        with self.assertRaises(UserError):
            callback.comments = "changed"

    def test_c16_exempted_complaint_closes(self):
        complaint = self._communicated()
        callback = complaint.callback_ids
        # refused: an agent cannot exempt
        callback.with_user(self.agent).exemption_reason = "no_contact"
        with self.assertRaises(AccessError):
            callback.with_user(self.agent).action_exempt()
        callback.with_user(self.supervisor).action_exempt()
        self.assertEqual(callback.state, "exempted")
        self.assertEqual(callback.exempted_by_id, self.supervisor)
        complaint.with_user(self.agent).action_close()
        self.assertTrue(complaint.is_closed)

    def test_c16_exemption_needs_a_reason(self):
        callback = self._communicated().callback_ids.with_user(self.supervisor)
        with self.assertRaisesRegex(UserError, "reason"):
            callback.action_exempt()

    def test_c18_close_refused_without_callback(self):
        complaint = self._communicated()
        with self.assertRaisesRegex(UserError, "callback is neither done nor exempted"):
            complaint.with_user(self.agent).action_close()
        self.assertFalse(complaint.is_closed)
        self._callback_done(complaint)
        complaint.with_user(self.agent).action_close()
        self.assertTrue(complaint.is_closed)

    def test_c17_dissatisfied_callback_opens_one_second_complaint(self):
        complaint = self._communicated()
        callback = self._callback_done(
            complaint, level="property_complaint.satisfaction_very_dissatisfied"
        )
        second = callback.second_complaint_id
        self.assertEqual(len(second), 1)
        self.assertTrue(second.is_second_complaint)
        self.assertEqual(second.parent_complaint_id, complaint)
        self.assertEqual(complaint.second_complaint_ids, second)
        self.assertEqual(second.kind, "complaint")
        # C17 + C06: the second complaint is class 2 or higher
        self.assertTrue(second.fact_second_complaint)
        self.assertIn(second.complaint_class, ("1", "2"))
        self.assertEqual(second.unit_id, complaint.unit_id)
        # the supervisor is notified
        self.assertIn(self.supervisor, second.activity_ids.user_id)
        self.assertIn(self.supervisor.partner_id, second.message_partner_ids)
        # exactly one, even when asked again
        callback._create_second_complaints()
        self.assertEqual(
            self.env["property.complaint"].search_count(
                [("parent_complaint_id", "=", complaint.id)]
            ),
            1,
        )
        # refused: a satisfied callback opens none
        other = self._communicated()
        self._callback_done(other)
        self.assertFalse(other.second_complaint_ids)
        # the link cannot be forged by hand
        with self.assertRaises(UserError):
            other.with_user(self.agent).parent_complaint_id = complaint
