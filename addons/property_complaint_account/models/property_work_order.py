from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.property_portal.models.staff import STAFF

AGENT = "property_complaint.group_complaint_agent"

STATES = [
    ("draft", "Draft"),
    ("accepted", "Accepted"),
    ("on_site", "On Site"),
    ("done", "Done"),
    ("confirmed", "Confirmed by the Resident"),
    ("invoiced", "Invoiced"),
    ("free", "Free of Charge"),
]


class PropertyWorkOrder(models.Model):
    """A repair work order (工单) from a demand (a paid special service or an in-home
    repair, C03): the technician, the times stamped by the buttons, the materials and
    the labour priced from the company's price list, the resident's confirmation, and
    the invoice to the household in Accounting, or free of charge with a reason."""

    _name = "property.work.order"
    _description = "Repair Work Order"
    # the rooms first (the actions), the chatter hidden from the portal, then the
    # suite's integrity layer (numbered record of a site, state and stamps owned)
    _inherit = [
        "property.work.order.actions.mixin",
        "property.portal.staff.chatter",
        "property.stamped.mixin",
        "property.todo.mixin",
    ]
    _order = "id desc"
    _internal_flag = "property_work_order_action"
    _property_keep = True
    _stamped_fields = {
        "state",
        "date_accepted",
        "date_on_site",
        "date_done",
        "date_confirmed",
        "confirmed_by",
        "invoice_id",
    }
    _frozen_fields = {"complaint_id"}
    _check_company_auto = True

    state = fields.Selection(STATES, default="draft")
    complaint_id = fields.Many2one(
        "property.complaint",
        string="Demand",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('kind', '=', 'demand')]",
        help="The demand (paid special service, in-home repair) this work is for.",
    )
    site_id = fields.Many2one(
        related="complaint_id.site_id",
        store=True,
        precompute=True,
        readonly=True,
        default=None,
    )
    unit_id = fields.Many2one(
        "property.unit",
        related="complaint_id.unit_id",
        store=True,
        index=True,
        string="Household",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Invoiced To",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="The household's partner the invoice is made out to: the complainant, "
        "else the unit's owner or first occupant.",
    )
    technician_id = fields.Many2one(
        "res.users",
        tracking=True,
        index=True,
        domain="[('share', '=', False)]",
        groups=STAFF,
    )
    date_accepted = fields.Datetime(
        string="Work Accepted On", readonly=True, copy=False
    )
    date_on_site = fields.Datetime(string="On Site Since", readonly=True, copy=False)
    date_done = fields.Datetime(string="Done On", readonly=True, copy=False)
    date_confirmed = fields.Datetime(
        string="Confirmed by the Resident On", readonly=True, copy=False
    )
    confirmed_by = fields.Char(
        readonly=True,
        copy=False,
        help="Who confirmed the work and its price for the household.",
    )
    pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Price List",
        default=lambda self: self._default_pricelist(),
        tracking=True,
        groups=STAFF,
        help="The company's price list of its services and materials.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    line_ids = fields.One2many(
        "property.work.order.line", "order_id", string="Materials and Labour"
    )
    amount_untaxed = fields.Monetary(
        string="Untaxed Amount", compute="_compute_amounts", store=True
    )
    amount_tax = fields.Monetary(string="Taxes", compute="_compute_amounts", store=True)
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amounts", store=True, tracking=True
    )
    invoice_id = fields.Many2one("account.move", readonly=True, copy=False, index=True)
    payment_state = fields.Selection(
        related="invoice_id.payment_state", string="Payment Status"
    )
    invoice_state = fields.Selection(
        related="invoice_id.state", string="Invoice Status"
    )
    free_reason = fields.Text(
        string="Why Free of Charge",
        tracking=True,
        help="Required to mark the work free of charge.",
    )
    note = fields.Html(string="Internal Notes", groups=STAFF)
    can_price = fields.Boolean(compute="_compute_can_price")

    @api.model
    def _default_pricelist(self):
        return self.env["product.pricelist"].search(
            [
                *self.env["product.pricelist"]._check_company_domain(self.env.company),
                ("currency_id", "=", self.env.company.currency_id.id),
            ],
            limit=1,
        )

    @api.depends("complaint_id")
    def _compute_partner_id(self):
        for order in self:
            complaint = order.complaint_id.sudo()
            unit = complaint.unit_id
            order.partner_id = (
                complaint.partner_id
                or complaint.tenant_company_id
                or unit.owner_id
                or unit.occupant_ids[:1]
            )

    @api.depends(
        "line_ids.price_subtotal", "line_ids.price_total", "company_id.currency_id"
    )
    def _compute_amounts(self):
        for order in self:
            untaxed = sum(order.line_ids.mapped("price_subtotal"))
            total = sum(order.line_ids.mapped("price_total"))
            order.amount_untaxed = untaxed
            order.amount_total = total
            order.amount_tax = total - untaxed

    @api.depends_context("uid")
    def _compute_can_price(self):
        can_price = self.env.user.has_group(AGENT)
        for order in self:
            order.can_price = can_price

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        # the technician's to-dos of the new orders, in one batch
        orders._activity_update()
        return orders

    @api.constrains("complaint_id")
    def _check_complaint_is_demand(self):
        for order in self:
            if order.complaint_id.kind != "demand":
                raise ValidationError(
                    self.env._(
                        "%(complaint)s is a complaint: a work order is made from a "
                        "demand (paid special service or repair).",
                        complaint=order.complaint_id.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # The integrity layer (property.integrity.mixin)
    # ------------------------------------------------------------------
    def _property_group_fields(self):
        # the customer service prices and invoices; the technician does the work
        return dict.fromkeys(
            ("partner_id", "pricelist_id", "technician_id", "free_reason"), AGENT
        )

    def _property_locked(self):
        return self.filtered(lambda order: order.state in ("invoiced", "free"))

    def _property_children_locked(self):
        # the resident confirmed the work and its price: the lines are final
        return self.filtered(
            lambda order: order.state in ("confirmed", "invoiced", "free")
        )

    def _property_lock_message(self):
        self.ensure_one()
        return self.env._(
            "%(order)s is %(state)s: its work and prices can no longer be changed.",
            order=self.display_name,
            state=self._state_label(),
        )
