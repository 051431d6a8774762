"""V08 over JSON-RPC as each role, through the suite's approval mechanism: only the
area's responsible approves a visit to a restricted staff area; the front desk can
neither approve nor forge the approval; each decision is kept."""

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import VisitorCase

DAY = "2025-03-03 02:00:00"


@tagged("post_install", "-at_install")
@freeze_time(DAY)
class TestAreaApprovalRpc(RpcMixin, HttpCase, VisitorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor")
        cls.area = cls.env["property.visit.area"].create(
            {
                "name": "Control Room",
                "site_id": cls.site.id,
                "restricted": True,
                "responsible_id": cls.supervisor.id,
            }
        )

    def _visit(self):
        self.rpc_as(self.frontdesk)
        visit_id = self.rpc(
            "property.visit", "create", self._visit_vals(visit_area_id=self.area.id)
        )
        return self.env["property.visit"].browse(visit_id)

    def _reviews(self, visit):
        return self.env["property.approval.review"].search(
            [("res_model", "=", "property.visit"), ("res_id", "=", visit.id)]
        )

    def test_v08_front_desk_cannot_approve_or_forge(self):
        visit = self._visit()
        review = self._reviews(visit)
        self.assertEqual((visit.approval_state, review.state), ("pending", "pending"))
        self.assertEqual(visit.activity_ids.user_id, self.supervisor)
        # refused: approving, forging the state or the review
        self.assertRpcRefused("property.visit", "action_approve_area", [visit.id])
        self.assertRpcRefused(
            "property.visit", "write", [visit.id], {"approval_state": "approved"}
        )
        self.assertRpcRefused(
            "property.approval.review", "write", [review.id], {"state": "approved"}
        )
        self.assertRpcRefused("property.approval.review", "unlink", [review.id])
        # nothing written, nothing removed
        self.env.invalidate_all()
        self.assertEqual((visit.approval_state, review.state), ("pending", "pending"))
        self.assertTrue(review.exists())
        self.assertFalse(visit.approved_by_id)
        # the responsible approves; the decision is kept
        self.rpc_as(self.supervisor)
        self.rpc("property.visit", "action_approve_area", [visit.id])
        self.env.invalidate_all()
        self.assertEqual(
            (visit.approval_state, visit.approved_by_id), ("approved", self.supervisor)
        )
        self.assertEqual(
            (review.state, review.reviewer_id), ("approved", self.supervisor)
        )

    def test_v08_refused_and_changed_area(self):
        visit = self._visit()
        self.rpc_as(self.supervisor)
        self.rpc("property.visit", "action_refuse_area", [visit.id])
        self.env.invalidate_all()
        self.assertEqual(visit.approval_state, "refused")
        # another restricted area: asked again; a plain area: nothing to approve
        office = self.env["property.visit.area"].create(
            {"name": "Office", "site_id": self.site.id}
        )
        self.rpc_as(self.frontdesk)
        self.rpc("property.visit", "write", [visit.id], {"visit_area_id": office.id})
        self.env.invalidate_all()
        self.assertFalse(visit.approval_state)
        self.rpc("property.visit", "write", [visit.id], {"visit_area_id": self.area.id})
        self.env.invalidate_all()
        self.assertEqual(visit.approval_state, "pending")
        self.assertEqual(self._reviews(visit).mapped("state"), ["refused", "pending"])
