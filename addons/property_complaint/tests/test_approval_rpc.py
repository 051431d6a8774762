"""C10's approval through the suite's approval mechanism (property.approval.mixin), over
JSON-RPC as each role: the policy is a rule (data), each decision a kept review; nobody
but a reviewer decides, and nothing is written when refused."""

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase


@tagged("post_install", "-at_install")
@freeze_time("2025-03-04 02:00:00")
class TestSuspensionApprovalRpc(RpcMixin, HttpCase, ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        cls.rule = cls.env.ref("property_complaint.approval_rule_suspension")

    def _suspended_by(self, user):
        complaint = self._new_complaint()
        complaint.action_accept()
        self.rpc_as(user)
        self.rpc(
            "property.complaint",
            "write",
            [complaint.id],
            {"suspension_cause": "engineering", "suspension_reason": "Roof works"},
        )
        self.rpc("property.complaint", "action_suspend", [complaint.id])
        return complaint

    def _reviews(self, suspension):
        return self.env["property.approval.review"].search(
            [("res_model", "=", suspension._name), ("res_id", "=", suspension.id)]
        )

    def test_c10_only_a_reviewer_approves_over_rpc(self):
        self._set_setting("suspension_approval", True)
        complaint = self._suspended_by(self.agent)
        suspension = complaint.suspension_ids
        self.assertEqual(
            (complaint.suspension_state, suspension.approval_state),
            ("to_approve", "pending"),
        )
        review = self._reviews(suspension)
        self.assertEqual(
            (review.state, review.requested_by_id), ("pending", self.agent)
        )
        # refused: the agent who asked decides, or forges the review or the state
        self.assertRpcRefused(
            "property.complaint", "action_approve_suspension", [complaint.id]
        )
        self.assertRpcRefused(
            "property.approval.review", "write", [review.id], {"state": "approved"}
        )
        self.assertRpcRefused(
            "property.approval.review",
            "create",
            {
                "res_model": suspension._name,
                "res_id": suspension.id,
                "rule_id": self.rule.id,
                "state": "approved",
            },
        )
        self.assertRpcRefused(
            "property.complaint.suspension",
            "write",
            [suspension.id],
            {"approval_state": "approved"},
        )
        # nothing written
        self.env.invalidate_all()
        self.assertEqual(self._reviews(suspension), review)
        self.assertEqual(
            (review.state, suspension.state, complaint.suspension_state),
            ("pending", "to_approve", "to_approve"),
        )
        self.assertTrue(complaint.date_deadline_next)
        # the manager approves: the clock stops, the decision is kept
        self.rpc_as(self.cs_manager)
        self.rpc("property.complaint", "action_approve_suspension", [complaint.id])
        self.env.invalidate_all()
        self.assertEqual(
            (review.state, review.reviewer_id), ("approved", self.cs_manager)
        )
        self.assertEqual(
            (suspension.state, suspension.approved_by_id),
            ("suspended", self.cs_manager),
        )
        self.assertEqual(complaint.suspension_state, "suspended")
        self.assertFalse(complaint.date_deadline_next)

    def test_c10_refused_suspension_keeps_the_clock_running(self):
        self._set_setting("suspension_approval", True)
        complaint = self._suspended_by(self.agent)
        self.rpc_as(self.cs_manager)
        self.rpc("property.complaint", "action_refuse_suspension", [complaint.id])
        self.env.invalidate_all()
        self.assertEqual(complaint.suspension_ids.state, "refused")
        self.assertEqual(self._reviews(complaint.suspension_ids).state, "refused")
        self.assertFalse(complaint.suspension_state)
        self.assertTrue(complaint.date_deadline_next)

    def test_c10_the_managers_own_suspension_is_approved_at_once(self):
        self._set_setting("suspension_approval", True)
        complaint = self._suspended_by(self.cs_manager)
        review = self._reviews(complaint.suspension_ids)
        self.assertEqual(
            (review.state, review.reviewer_id), ("approved", self.cs_manager)
        )
        self.assertEqual(complaint.suspension_state, "suspended")

    def test_c10_no_approval_when_the_company_does_not_ask(self):
        complaint = self._suspended_by(self.agent)
        self.assertEqual(complaint.suspension_state, "suspended")
        self.assertFalse(self._reviews(complaint.suspension_ids))
        # the policy is data: the rule switched off, no approval even when asked
        self._set_setting("suspension_approval", True)
        self.rule.active = False
        other = self._suspended_by(self.agent)
        self.assertEqual(other.suspension_state, "suspended")
