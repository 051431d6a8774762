from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.phone_tour import PhoneTourMixin

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestPortalTour(PhoneTourMixin, HttpCase, PortalCase):
    """The portal pages in Chromium at a phone's viewport (390 px wide)."""

    def test_c01_tour_submit_a_complaint_with_a_photo_and_follow_it(self):
        self.start_tour(
            "/my/complaints",
            "property_portal_complaint_submit_tour",
            login="t_resident_a",
        )
        complaint = self.env["property.complaint"].search(
            [("summary", "=", "Tour: water leak in the bathroom")]
        )
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.channel_id, self.channel_online)
        self.assertEqual(complaint.unit_id, self.unit_a)
        self.assertEqual(complaint.evidence_attachment_ids.mimetype, "image/png")
        # the default choice is a repair request: a demand, not a complaint
        self.assertEqual((complaint.kind, complaint.demand_type), ("demand", "request"))
        # customer service dispatches it: the resident sees the handler and the date
        self._dispatch(complaint, self.dep_engineering, self.handler)
        self.assertTrue(complaint.date_deadline_resolution)
        self.start_tour(
            "/my/complaints",
            "property_portal_complaint_follow_tour",
            login="t_resident_a",
        )

    def test_c17_tour_dissatisfied_callback_opens_a_second_complaint(self):
        complaint = self._to_callback(self._portal_complaint())
        self.start_tour(
            f"/my/complaints/{complaint.id}",
            "property_portal_callback_tour",
            login="t_resident_a",
        )
        callback = complaint.callback_ids
        self.assertEqual(callback.state, "done")
        self.assertEqual(callback.satisfaction_id, self.dissatisfied)
        self.assertTrue(callback.second_complaint_id.is_second_complaint)
        self.assertEqual(callback.second_complaint_id.parent_complaint_id, complaint)

    def test_v01_tour_invite_a_visitor(self):
        self.start_tour(
            "/my/visits", "property_portal_visit_tour", login="t_resident_a"
        )
        visit = self.env["property.visit"].search(
            [("visitor_name", "=", "Tour Visitor")]
        )
        self.assertEqual(len(visit), 1)
        self.assertEqual(visit.state, "planned")
        self.assertEqual(visit.host_unit_id, self.unit_a)
        self.assertTrue(visit.token_key)
        self.assertGreater(visit.planned_end, fields.Datetime.now())
        self.assertTrue(
            self.env["mail.mail"].search(
                [("model", "=", "property.visit"), ("res_id", "=", visit.id)]
            )
        )

    def test_v05_tour_signatory_approves_a_goods_pass(self):
        self.signatory.date_from = "2020-01-01"
        goods = self._goods_pass(planned_date=fields.Datetime.now())
        self.start_tour(
            "/my/goods_passes", "property_portal_goods_pass_tour", login="t_signatory"
        )
        self.assertEqual(goods.portal_approval_state, "approved")
        self.assertEqual(goods.signatory_id, self.signatory)
