from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestOnline(ComplaintCase):
    def test_c27_online_complaint_notifies_the_department_head(self):
        complaint = self._new_complaint(
            channel_id=self.channel_online.id,
            complained_department_id=self.dep_security.id,
        )
        answer_type = self.env.ref(
            "property_complaint.mail_activity_type_complaint_answer"
        )
        activity = complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == answer_type
        )
        self.assertEqual(activity.user_id, self.head)
        self.assertTrue(complaint.date_department_notified)
        # the head sees the complaint, without the contact data
        as_head = complaint.with_user(self.head)
        as_head.department_answer_facts = "The guard was rude."
        # refused: the measures are missing
        with self.assertRaisesRegex(UserError, "planned measures"):
            as_head.action_record_department_answer()
        as_head.department_answer_measures = "Training of the gate team next week."
        as_head.action_record_department_answer()
        self.assertEqual(complaint.department_answer_user_id, self.head)
        self.assertFalse(
            complaint.activity_ids.filtered(lambda a: a.activity_type_id == answer_type)
        )

    def test_c27_phone_complaint_notifies_nobody(self):
        complaint = self._new_complaint(complained_department_id=self.dep_security.id)
        self.assertFalse(complaint.activity_ids)
        self.assertFalse(complaint.date_department_notified)
        # switching to the online channel notifies at once
        complaint.with_user(self.agent).channel_id = self.channel_online
        self.assertEqual(complaint.activity_ids.user_id, self.head)

    def test_c27_only_the_head_or_customer_service_answers(self):
        complaint = self._new_complaint(
            channel_id=self.channel_online.id,
            complained_department_id=self.dep_security.id,
        )
        complaint.write(
            {"department_answer_facts": "x", "department_answer_measures": "y"}
        )
        self._dispatch(complaint, self.dep_engineering, self.handler)
        # refused: the handler of another department
        with self.assertRaises(AccessError):
            complaint.with_user(self.handler).action_record_department_answer()

    def test_c27_answer_needed_before_closing(self):
        complaint = self._new_complaint(
            channel_id=self.channel_online.id,
            complained_department_id=self.dep_security.id,
        )
        with self.assertRaises(UserError) as error:
            complaint.with_user(self.agent).action_close()
        self.assertIn("written answer of the department", str(error.exception))
