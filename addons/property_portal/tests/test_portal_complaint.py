from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PNG, PortalCase


@tagged("post_install", "-at_install")
class TestPortalComplaint(PortalCase):
    def test_c01_portal_submission_online_channel_unit_and_photos(self):
        with freeze_time("2025-03-03 02:00:00"):
            complaint = (
                self.env["property.complaint"]
                .with_user(self.portal_a)
                ._portal_create(
                    {
                        "summary": "Broken lift",
                        "description": "Since this morning",
                        "kind": "demand",
                    },
                    photos=[("lift.png", "image/png", PNG)],
                )
            )
        record = complaint.sudo()
        self.assertEqual(record.channel_id, self.channel_online)
        self.assertTrue(record.is_online)
        self.assertEqual(
            record.unit_id, self.unit_a, "the only unit of the household is preset"
        )
        self.assertEqual(record.site_id, self.site)
        self.assertEqual(record.kind, "demand")
        self.assertEqual(record.partner_id, self.resident_a)
        self.assertFalse(record.user_id, "nobody of the staff registered it")
        self.assertTrue(record.name.startswith("TA"), record.name)
        self.assertEqual(len(record.evidence_attachment_ids), 1)
        self.assertTrue(record.evidence_attachment_ids.access_token)
        self.assertIn("Since this morning", record.description)

    def test_c01_portal_submission_refused_cases(self):
        Complaint = self.env["property.complaint"].with_user(self.portal_a)
        with self.assertRaisesRegex(ValidationError, "one of your units"):
            # a household with two units must choose; another household's unit is no
            # choice
            self.unit.owner_id = self.resident_a
            Complaint._portal_create({"summary": "Leak", "unit_id": self.unit_b.id})
        with self.assertRaisesRegex(ValidationError, "what the matter is"):
            Complaint._portal_create({"summary": " ", "unit_id": self.unit_a.id})
        with self.assertRaisesRegex(ValidationError, "not a photo"):
            Complaint._portal_create(
                {"summary": "Leak", "unit_id": self.unit_a.id},
                photos=[("virus.exe", "application/octet-stream", b"MZ")],
            )
        with self.assertRaises(AccessError):
            self.env["property.complaint"].with_user(self.agent)._portal_create(
                {"summary": "Leak", "unit_id": self.unit_a.id}
            )

    def test_c14_portal_follow_handler_and_deadline(self):
        complaint = self._portal_complaint()
        self._dispatch(complaint.sudo(), self.dep_engineering, self.handler)
        own = complaint.with_user(self.portal_a)
        self.assertEqual(own.handler_id, self.handler)
        self.assertTrue(own.date_deadline_resolution)
        self.assertEqual(
            own.stage_id, self.env.ref("property_complaint.stage_progress")
        )

    def test_c14_portal_confirms_the_result(self):
        complaint = self._to_callback(self._portal_complaint())
        own = complaint.with_user(self.portal_a)
        own.action_portal_confirm_result()
        self.assertEqual(complaint.portal_result_state, "confirmed")
        with self.assertRaisesRegex(UserError, "no result waiting"):
            own.action_portal_confirm_result()

    def test_c14_portal_dispute_flags_the_supervisor(self):
        complaint = self._portal_complaint()
        own = complaint.with_user(self.portal_a)
        with self.assertRaisesRegex(UserError, "no result waiting"):
            own.action_portal_dispute_result("Still leaking")
        self._to_callback(complaint)
        with self.assertRaisesRegex(UserError, "why"):
            own.action_portal_dispute_result("  ")
        own.action_portal_dispute_result("Still leaking")
        record = complaint.sudo()
        self.assertEqual(record.portal_result_state, "disputed")
        self.assertEqual(record.portal_dispute_reason, "Still leaking")
        self.assertEqual(record.priority, "1")
        activity = record.activity_ids.filtered(lambda a: a.user_id == self.supervisor)
        self.assertTrue(activity, "the site's supervisor is asked to follow up")
        with self.assertRaises(AccessError):
            complaint.with_user(self.portal_b).action_portal_dispute_result("Not mine")

    def test_c17_dissatisfied_portal_callback_opens_second_complaint(self):
        complaint = self._to_callback(self._portal_complaint())
        callback = complaint.callback_ids
        with freeze_time("2025-03-07 02:00:00"):
            callback.with_user(self.portal_a).action_portal_answer(
                self.dissatisfied, "The leak came back."
            )
        self.assertEqual(callback.state, "done")
        self.assertEqual(callback.method, "portal")
        self.assertEqual(callback.satisfaction_id, self.dissatisfied)
        second = callback.second_complaint_id
        self.assertTrue(second)
        self.assertTrue(second.is_second_complaint)
        self.assertEqual(second.parent_complaint_id, complaint)
        self.assertEqual(second.unit_id, self.unit_a)
        # the resident follows the second complaint too, nobody else does
        Complaint = self.env["property.complaint"]
        self.assertIn(second, Complaint.with_user(self.portal_a).search([]))
        self.assertNotIn(second, Complaint.with_user(self.portal_b).search([]))
        with self.assertRaisesRegex(UserError, "already answered"):
            callback.with_user(self.portal_a).action_portal_answer(self.satisfied, "")

    def test_c17_satisfied_portal_callback_opens_nothing(self):
        complaint = self._to_callback(self._portal_complaint())
        callback = complaint.callback_ids
        callback.with_user(self.portal_a).action_portal_answer(self.satisfied, "Thanks")
        self.assertEqual(callback.state, "done")
        self.assertFalse(callback.second_complaint_id)
        self.assertFalse(complaint.second_complaint_ids)

    def test_c17_portal_callback_only_by_the_household(self):
        complaint = self._to_callback(self._portal_complaint())
        callback = complaint.callback_ids
        with self.assertRaises(AccessError):
            callback.with_user(self.portal_b).action_portal_answer(
                self.dissatisfied, "x"
            )
        with self.assertRaises(AccessError):
            callback.with_user(self.agent).action_portal_answer(self.dissatisfied, "x")
        self.assertEqual(callback.state, "todo")
        self.assertFalse(callback.second_complaint_id)
