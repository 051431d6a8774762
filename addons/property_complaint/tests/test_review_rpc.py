from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase

SOLUTION = "Replace the riser"


@tagged("post_install", "-at_install")
class TestReviewRpc(RpcMixin, HttpCase, ComplaintCase):
    """C12: the solution of a major escalated complaint is reviewed by the project
    management centre with the quality centre's advice. The review's state and its
    advice and decision are set only by its actions: draft → advice recorded by the
    quality centre → approved or rejected by the project management centre, by someone
    other than the one who advised; the service centre carries out only the approved
    solution."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        cls.quality_pmc = cls._create_user(
            "t_quality_pmc", cls.group_quality, cls.group_pmc
        )

    def _escalated(self):
        complaint = self._new_complaint(fact_lawsuit=True).with_user(self.agent)
        with freeze_time("2025-03-03 03:00:00"):
            complaint.write(
                {"investigation": "<p>Pipe cracked.</p>", "cause_analysis": "Old"}
            )
            complaint.action_record_investigation()
            complaint.proposed_solution = SOLUTION
            complaint.action_propose_solution()
        complaint.sudo()._write_action(
            {"is_escalated": True, "date_escalated": "2025-03-04"}
        )
        self.assertTrue(complaint.needs_review)
        return complaint

    def _review(self, complaint):
        action = complaint.with_user(self.pmc).action_request_review()
        return self.env["property.complaint.review"].browse(action["res_id"])

    def _reviews(self):
        return self.env["property.complaint.review"].sudo().search_count([])

    def test_c12_review_cannot_be_created_or_written_decided(self):
        complaint = self._escalated()
        self.rpc_as(self.pmc)
        before = self._reviews()
        for vals in (
            {"state": "approved"},
            {"state": "advised"},
            {"quality_advice": "Fine by us."},
            {"advice_user_id": self.quality.id},
            {"decision_user_id": self.pmc.id},
            {"organiser_id": self.quality.id},
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    "property.complaint.review",
                    "create",
                    dict({"complaint_id": complaint.id, "solution": SOLUTION}, **vals),
                )
        self.assertEqual(self._reviews(), before, "no review written")
        review = self._review(complaint)
        for vals in (
            {"state": "approved"},
            {"quality_advice": "Fine by us."},
            {"date_decision": "2025-03-05 02:00:00"},
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    "property.complaint.review", "write", review.ids, vals
                )
        self.assertEqual(review.state, "draft")
        self.assertFalse(review.quality_advice)
        # no decision without the quality centre's advice
        self.assertRpcRefused("property.complaint.review", "action_approve", review.ids)
        self.assertEqual(review.state, "draft")
        # and the service centre cannot carry out the solution
        self.rpc_as(self.agent)
        self.assertRpcRefused(
            "property.complaint", "action_carry_out_solution", complaint.ids
        )
        self.assertFalse(complaint.date_solution_started)

    def test_c12_review_workflow(self):
        complaint = self._escalated()
        review = self._review(complaint)
        # refused: the advice by the project management centre, an empty advice
        self.rpc_as(self.pmc)
        self.assertRpcRefused(
            "property.complaint.review", "action_record_advice", review.ids, advice="OK"
        )
        self.rpc_as(self.quality)
        for advice in (None, "", "   ", ["OK"]):
            with self.subTest(advice=advice):
                self.assertRpcRefused(
                    "property.complaint.review",
                    "action_record_advice",
                    review.ids,
                    advice=advice,
                )
        self.assertRpcRefused("property.complaint.review", "action_approve", review.ids)
        self.assertEqual(review.state, "draft")
        # the quality centre records its advice in the dialog
        wizard_id = self.rpc(
            "property.complaint.review.advice",
            "create",
            {"review_id": review.id, "advice": "Check the other risers too."},
        )
        self.rpc("property.complaint.review.advice", "action_confirm", [wizard_id])
        self.assertEqual(review.state, "advised")
        self.assertEqual(review.quality_advice, "Check the other risers too.")
        self.assertEqual(review.advice_user_id, self.quality)
        # given once
        self.assertRpcRefused(
            "property.complaint.review",
            "action_record_advice",
            review.ids,
            advice="Again",
        )
        # the solution reviewed cannot change any more
        self.rpc_as(self.pmc)
        self.assertRpcRefused(
            "property.complaint.review",
            "write",
            review.ids,
            {"solution": "Something else"},
        )
        self.rpc(
            "property.complaint.review", "write", review.ids, {"conclusion": "Agreed."}
        )
        self.rpc("property.complaint.review", "action_approve", review.ids)
        self.assertEqual(review.state, "approved")
        self.assertEqual(review.decision_user_id, self.pmc)
        self.assertRpcRefused("property.complaint.review", "action_reject", review.ids)
        self.assertRpcRefused(
            "property.complaint.review", "write", review.ids, {"conclusion": "Changed."}
        )
        self.assertRpcRefused("property.complaint.review", "unlink", review.ids)
        self.assertEqual(review.state, "approved")
        # the service centre carries out the approved solution
        self.rpc_as(self.agent)
        self.rpc("property.complaint", "action_carry_out_solution", complaint.ids)
        self.assertTrue(complaint.date_solution_started)

    def test_c12_adviser_cannot_decide(self):
        complaint = self._escalated()
        review = self._review(complaint)
        self.rpc_as(self.quality_pmc)
        self.rpc(
            "property.complaint.review", "action_record_advice", review.ids, advice="OK"
        )
        self.assertRpcRefused("property.complaint.review", "action_approve", review.ids)
        self.assertRpcRefused("property.complaint.review", "action_reject", review.ids)
        self.assertEqual(review.state, "advised")
        self.rpc_as(self.pmc)
        self.rpc("property.complaint.review", "action_reject", review.ids)
        self.assertEqual(review.state, "rejected")
        self.rpc_as(self.agent)
        self.assertRpcRefused(
            "property.complaint", "action_carry_out_solution", complaint.ids
        )
        self.assertFalse(complaint.date_solution_started)

    def test_c12_solution_changed_after_approval_needs_a_new_review(self):
        complaint = self._escalated()
        review = self._review(complaint)
        review.with_user(self.quality).action_record_advice(advice="OK")
        review.with_user(self.pmc).action_approve()
        self.assertTrue(complaint.is_solution_reviewed)
        self.rpc_as(self.agent)
        self.rpc(
            "property.complaint",
            "write",
            complaint.ids,
            {"proposed_solution": "Patch the pipe"},
        )
        self.assertRpcRefused(
            "property.complaint", "action_carry_out_solution", complaint.ids
        )
        self.assertFalse(complaint.date_solution_started)
        # a new review of the new solution
        new_review = self._review(complaint)
        self.assertNotEqual(new_review, review)
        self.assertEqual(new_review.solution, "Patch the pipe")

    def test_c12_review_levels_are_kept_approvals(self):
        """The advice and the decision are the two levels of the suite's approval
        mechanism: the advice cannot refuse, one person cannot give both."""
        complaint = self._escalated()
        review = self._review(complaint)
        Review = self.env["property.approval.review"]
        levels = Review.search(
            [("res_model", "=", review._name), ("res_id", "=", review.id)]
        )
        self.assertEqual(levels.mapped("state"), ["pending", "waiting"])
        # refused: the quality centre refusing instead of advising
        self.rpc_as(self.quality_pmc)
        self.assertRpcRefused(
            "property.complaint.review", "action_approval_refuse", [review.id]
        )
        self.env.invalidate_all()
        self.assertEqual(levels.mapped("state"), ["pending", "waiting"])
        self.assertEqual(review.state, "draft")
        # the advice given, the same person cannot decide
        self.rpc(
            "property.complaint.review",
            "action_record_advice",
            [review.id],
            "Check risers",
        )
        self.assertRpcRefused(
            "property.complaint.review", "action_approval_approve", [review.id]
        )
        self.env.invalidate_all()
        self.assertEqual(levels.mapped("state"), ["approved", "pending"])
        self.assertEqual(review.state, "advised")
        self.rpc_as(self.pmc)
        self.rpc("property.complaint.review", "action_approve", [review.id])
        self.env.invalidate_all()
        self.assertEqual(levels.mapped("state"), ["approved", "approved"])
        self.assertEqual(levels.mapped("reviewer_id"), self.quality_pmc | self.pmc)
        self.assertEqual(review.state, "approved")
