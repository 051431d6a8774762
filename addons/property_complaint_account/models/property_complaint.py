from odoo import fields, models

from odoo.addons.property_portal.models.staff import STAFF

from .property_work_order import STATES


class PropertyComplaint(models.Model):
    """The demand's repair work orders, their state and the invoice's payment state
    (the staff's fields: the resident reads them on the portal page)."""

    _inherit = "property.complaint"

    work_order_ids = fields.One2many(
        "property.work.order",
        "complaint_id",
        string="Work Orders",
        readonly=True,
        groups=STAFF,
    )
    work_order_count = fields.Integer(
        compute="_compute_work_order_summary", groups=STAFF
    )
    work_order_state = fields.Selection(
        STATES,
        string="Work Order Status",
        compute="_compute_work_order_summary",
        groups=STAFF,
    )
    work_order_payment_state = fields.Selection(
        selection=lambda self: (
            self.env["account.move"]
            ._fields["payment_state"]
            ._description_selection(self.env)
        ),
        string="Work Order Payment",
        compute="_compute_work_order_summary",
        groups=STAFF,
    )

    def _compute_work_order_summary(self):
        """The number of orders, the state of the latest and its invoice's payment
        state, in one query for the batch."""
        Order = self.env["property.work.order"].sudo()
        orders = Order.search([("complaint_id", "in", self.ids)], order="id desc")
        latest, counts = {}, {}
        for order in orders:
            complaint_id = order.complaint_id.id
            counts[complaint_id] = counts.get(complaint_id, 0) + 1
            latest.setdefault(complaint_id, order)
        for complaint in self:
            order = latest.get(complaint.id, Order)
            complaint.work_order_count = counts.get(complaint.id, 0)
            complaint.work_order_state = order.state or False
            complaint.work_order_payment_state = order.invoice_id.payment_state or False

    def action_view_work_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaint_account.property_work_order_action"
        )
        action["domain"] = [("complaint_id", "=", self.id)]
        action["context"] = {"default_complaint_id": self.id}
        if self.work_order_count == 1:
            action["views"] = [(False, "form")]
            action["res_id"] = self.work_order_ids.id
        return action

    def _portal_work_orders(self):
        """The work orders the resident sees on the complaint's page (in sudo: the
        page checked their access to the complaint)."""
        return self.sudo().work_order_ids.filtered(lambda o: o.state != "draft")
