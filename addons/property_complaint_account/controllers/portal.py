from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.property_portal.controllers.portal import PropertyCustomerPortal


class PropertyWorkOrderPortal(PropertyCustomerPortal):
    """The resident confirms the work done and its price on the demand's page."""

    @http.route(
        "/my/complaints/<int:complaint_id>/work_orders/<int:order_id>/confirm",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_work_order_confirm(self, complaint_id, order_id, **post):
        complaint = self._property_record("property.complaint", complaint_id)
        order = complaint._portal_work_orders().filtered(lambda o: o.id == order_id)
        if not order:
            raise NotFound()
        partner = request.env.user.partner_id
        return self._property_action(
            "property.complaint",
            complaint_id,
            lambda complaint: order._confirm_by_resident(partner),
        )
