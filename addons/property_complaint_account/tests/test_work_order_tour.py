"""C03: the resident follows the repair of their demand on their phone in the portal:
the work and its price, their confirmation, then the invoice (its page and PDF)."""

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.phone_tour import PhoneTourMixin

from .common import WorkOrderCase


@tagged("post_install", "-at_install")
class TestWorkOrderTour(PhoneTourMixin, HttpCase, WorkOrderCase):
    def test_c03_tour_resident_sees_the_price_and_the_invoice(self):
        complaint = self._demand()
        order = self._done_order(complaint)
        self.start_tour(
            f"/my/complaints/{complaint.id}",
            "property_complaint_account_confirm_tour",
            login="t_resident_a",
        )
        self.assertEqual(order.state, "confirmed")
        self.assertEqual(order.confirmed_by, self.resident_a.name)
        order.with_user(self.agent).action_create_invoice()
        order.invoice_id.action_post()
        self.start_tour(
            f"/my/complaints/{complaint.id}",
            "property_complaint_account_invoice_tour",
            login="t_resident_a",
        )
