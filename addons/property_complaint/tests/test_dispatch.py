from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestDispatch(ComplaintCase):
    def test_c11_dispatch_writes_a_line_and_an_activity(self):
        complaint = self._new_complaint()
        self._dispatch(complaint, self.dep_engineering, self.handler)
        self.assertEqual(complaint.department_id, self.dep_engineering)
        self.assertEqual(complaint.handler_id, self.handler)
        self.assertEqual(complaint.stage_id.role, "progress")
        self.assertTrue(complaint.date_accepted)
        line = complaint.transfer_ids
        self.assertEqual(len(line), 1)
        self.assertFalse(line.is_transfer)
        self.assertEqual(line.to_handler_id, self.handler)
        self.assertEqual(line.user_id, self.agent)
        activity = complaint.activity_ids
        self.assertEqual(activity.user_id, self.handler)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("property_complaint.mail_activity_type_complaint_handle"),
        )

    def test_c11_transfer_needs_a_reason(self):
        complaint = self._new_complaint()
        self._dispatch(complaint, self.dep_engineering, self.handler)
        # refused: a transfer without reason
        with self.assertRaisesRegex(UserError, "reason of the transfer"):
            self._dispatch(complaint, self.dep_security, self.handler2)
        self._dispatch(
            complaint, self.dep_security, self.handler2, reason="Gate matter"
        )
        self.assertEqual(complaint.handler_id, self.handler2)
        last = complaint.transfer_ids.sorted("id")[-1]
        self.assertTrue(last.is_transfer)
        self.assertEqual(last.from_handler_id, self.handler)
        self.assertEqual(last.from_department_id, self.dep_engineering)
        self.assertEqual(last.to_department_id, self.dep_security)
        self.assertEqual(last.reason, "Gate matter")
        self.assertEqual(complaint.activity_ids.user_id, self.handler2)

    def test_c11_handler_can_transfer_but_not_others(self):
        complaint = self._new_complaint()
        self._dispatch(complaint, self.dep_engineering, self.handler)
        # refused: another handler cannot dispatch it (they do not even see it)
        with self.assertRaises(AccessError):
            self._dispatch(
                complaint, self.dep_security, self.handler2, "x", user=self.handler2
            )
        self._dispatch(
            complaint,
            self.dep_security,
            self.handler2,
            "Not engineering",
            user=self.handler,
        )
        self.assertEqual(complaint.handler_id, self.handler2)
        # refused: the handler field is only changed by a dispatch
        with self.assertRaises(UserError):
            complaint.with_user(self.agent).write({"handler_id": self.handler.id})

    def test_c11_handler_records_the_resolution(self):
        complaint = self._new_complaint()
        self._dispatch(complaint, self.dep_engineering, self.handler)
        as_handler = complaint.with_user(self.handler)
        # refused: no resolution recorded
        with self.assertRaisesRegex(UserError, "resolution"):
            as_handler.action_submit_resolution()
        # refused: the handler does not change the registration
        with self.assertRaisesRegex(AccessError, "Only customer service"):
            as_handler.write({"summary": "Something else", "kind": "demand"})
        as_handler.resolution = "<p>Pipe replaced.</p>"
        as_handler.action_submit_resolution()
        self.assertEqual(complaint.stage_id.role, "feedback")
        self.assertFalse(complaint.activity_ids)
