from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestVerdict(ComplaintCase):
    def test_c03_invalid_complaint_becomes_a_demand(self):
        complaint = self._new_complaint().with_user(self.agent)
        number = complaint.name
        complaint.validity_reason = "The leak comes from the neighbour's private pipe."
        # refused: no explanation to the customer
        with self.assertRaisesRegex(UserError, "explanation to the customer"):
            complaint.action_confirm_invalid()
        self.assertEqual(complaint.kind, "complaint")
        complaint.customer_explanation = (
            "The pipe belongs to the flat above; we mediate."
        )
        complaint.action_confirm_invalid()
        self.assertEqual(complaint.kind, "demand")
        self.assertEqual(complaint.demand_type, "invalid_complaint")
        self.assertEqual(complaint.validity, "invalid")
        self.assertEqual(complaint.name, number)
        self.assertIn("we mediate", complaint.message_ids[0].body)
        # refused: the verdict is given once
        with self.assertRaises(UserError):
            complaint.action_confirm_valid()

    def test_c03_valid_complaint_needs_a_reason(self):
        complaint = self._new_complaint().with_user(self.agent)
        with self.assertRaisesRegex(UserError, "reason of the verdict"):
            complaint.action_confirm_valid()
        complaint.validity_reason = "The repair was promised and not done."
        complaint.action_confirm_valid()
        self.assertEqual(complaint.validity, "valid")
        self.assertEqual(complaint.kind, "complaint")

    def test_c03_verdict_only_by_customer_service(self):
        complaint = self._new_complaint()
        self._dispatch(complaint, self.dep_engineering, self.handler)
        # refused: the handler neither records the verdict nor gives it
        with self.assertRaises(AccessError):
            complaint.with_user(self.handler).validity_reason = "Not our fault"
        complaint.validity_reason = "Not our fault"
        with self.assertRaises(AccessError):
            complaint.with_user(self.handler).action_confirm_valid()
        # refused: the verdict field cannot be written directly
        with self.assertRaises(UserError):
            complaint.with_user(self.agent).write({"validity": "valid"})
