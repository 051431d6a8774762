from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import ComplaintCase


class TestReview(ComplaintCase):
    def _proposed(self, **vals):
        complaint = self._new_complaint(**vals).with_user(self.agent)
        with freeze_time("2025-03-03 03:00:00"):
            complaint.write(
                {"investigation": "<p>Pipe cracked.</p>", "cause_analysis": "Old pipe"}
            )
            complaint.action_record_investigation()
            complaint.proposed_solution = "Replace the riser"
            complaint.action_propose_solution()
        return complaint

    def test_c12_service_centre_manager_is_first_responsible(self):
        self.assertEqual(self._new_complaint().responsible_user_id, self.cs_manager)

    def test_c12_investigation_and_solution_required(self):
        complaint = self._new_complaint().with_user(self.agent)
        complaint.proposed_solution = "Replace the riser"
        with self.assertRaises(UserError):
            complaint.action_propose_solution()
        with self.assertRaises(UserError):
            complaint.action_record_investigation()

    def test_c12_visit_complaint_investigated_same_day(self):
        visit = self._new_complaint(channel_id=self.channel_visit.id)
        self.assertEqual(str(visit.date_deadline_investigation), "2025-03-03 15:59:59")
        self.assertFalse(self._new_complaint().date_deadline_investigation)

    def test_c12_major_escalated_needs_reviewed_solution(self):
        complaint = self._proposed(fact_lawsuit=True)
        complaint.sudo()._write_action(
            {"is_escalated": True, "date_escalated": "2025-03-04"}
        )
        self.assertTrue(complaint.needs_review)
        with self.assertRaises(UserError):
            complaint.action_carry_out_solution()
        action = complaint.with_user(self.pmc).action_request_review()
        review = self.env["property.complaint.review"].browse(action["res_id"])
        with self.assertRaises(UserError):
            review.with_user(self.agent).action_approve()
        with self.assertRaises(UserError):
            review.with_user(self.pmc).action_approve()  # no quality advice yet
        review.with_user(self.quality).action_record_advice(
            advice="Check the other risers too."
        )
        review.with_user(self.pmc).action_approve()
        complaint.action_carry_out_solution()
        self.assertTrue(complaint.date_solution_started)

    def test_c12_ordinary_solution_needs_no_review(self):
        complaint = self._proposed()
        self.assertFalse(complaint.needs_review)
        complaint.action_carry_out_solution()
        self.assertTrue(complaint.date_solution_started)
