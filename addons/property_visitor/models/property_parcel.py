import secrets

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.property_base.tools.phone import phone_mobile_e164 as sms_number


def _new_pickup_code():
    return f"{secrets.randbelow(10**6):06d}"


class PropertyParcel(models.Model):
    """Newspapers, mail and parcels received for residents at the front desk (V11)."""

    _name = "property.parcel"
    _description = "Mail and Parcel"
    _inherit = ["mail.thread", "property.integrity.mixin"]
    # the suite's integrity rules (property_base/models/property_integrity_mixin.py)
    _property_keep = True
    _order = "received_date desc, id desc"

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index=True,
    )
    site_id = fields.Many2one(
        "property.site",
        required=True,
        index=True,
        default=lambda self: self.env.user.property_site_ids[:1],
    )
    company_id = fields.Many2one(related="site_id.company_id", store=True)
    kind = fields.Selection(
        [("newspaper", "Newspaper"), ("mail", "Mail"), ("parcel", "Parcel")],
        required=True,
        default="parcel",
    )
    quantity = fields.Integer(required=True, default=1)
    unit_id = fields.Many2one("property.unit", domain="[('site_id', '=', site_id)]")
    recipient_partner_id = fields.Many2one("res.partner", string="Resident")
    recipient_name = fields.Char(string="Addressee", required=True)
    courier = fields.Char()
    tracking_ref = fields.Char(string="Tracking Number")
    received_date = fields.Datetime(required=True, default=fields.Datetime.now)
    received_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    state = fields.Selection(
        [("waiting", "Waiting"), ("collected", "Collected")],
        default="waiting",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    # V11: told to the resident by SMS; the resident gives it at the desk
    pickup_code = fields.Char(
        string="Pick-up Code",
        default=lambda self: _new_pickup_code(),
        readonly=True,
        copy=False,
        groups="property_visitor.group_visitor_frontdesk",
    )
    pickup_place = fields.Char(
        string="Pick-up Place",
        compute="_compute_pickup_place",
        store=True,
        readonly=False,
        help="Where the resident collects it (the site's place by default).",
    )
    collected_by = fields.Char(tracking=True)
    collected_signature = fields.Binary(string="Signature", copy=False)
    collected_date = fields.Datetime(readonly=True, copy=False)

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "The quantity must be positive.")
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("property.parcel") or "/"
                )
        parcels = super().create(vals_list)
        parcels._notify_recipient()
        return parcels

    @api.depends("site_id")
    def _compute_pickup_place(self):
        for parcel in self:
            parcel.pickup_place = parcel.site_id.parcel_pickup_place or False

    def _notify_recipient(self):
        """V11: an SMS to the resident (the template's pick-up code and place), logged
        in the record's chatter; queued for Odoo's SMS sending (batched: one
        rendering for the parcels)."""
        recipients = {}
        for parcel in self.sudo().filtered(lambda p: p.state == "waiting"):
            partner = parcel.recipient_partner_id
            number = sms_number(partner.mobile, partner.phone)
            if number:
                recipients[parcel.id] = (partner, number)
        template = self.env.ref(
            "property_visitor.sms_template_parcel_waiting", raise_if_not_found=False
        )
        if not template or not recipients:
            return
        template = template.sudo()
        parcels = (
            self.sudo()
            .browse(list(recipients))
            .with_context(property_sms_template_id=template.id)
        )
        bodies = template._render_field("body", parcels.ids, compute_lang=True)
        for parcel in parcels:
            partner, number = recipients[parcel.id]
            parcel._message_sms(
                bodies[parcel.id],
                partner_ids=partner.ids,
                sms_pid_to_number={partner.id: number},
                put_in_queue=True,
            )

    def action_notify_recipient(self):
        """Front desk: send the resident the SMS again."""
        if not self.env.user.has_group("property_visitor.group_visitor_frontdesk"):
            raise AccessError(self.env._("Mail is handed over by the front desk."))
        self._notify_recipient()
        return True

    def _property_locked(self):
        return self.filtered(lambda parcel: parcel.state == "collected")

    def _property_lock_message(self):
        return self.env._(
            "%(name)s was collected and signed for: its record can no longer change.",
            name=self.name,
        )

    @api.onchange("recipient_partner_id")
    def _onchange_recipient_partner_id(self):
        partner = self.recipient_partner_id
        if partner:
            self.recipient_name = partner.name
            units = partner.property_owned_unit_ids | partner.property_occupied_unit_ids
            self.unit_id = self.unit_id or units[:1]

    def action_collect(self):
        """The resident (or their delegate) signs on collection."""
        if not self.env.user.has_group("property_visitor.group_visitor_frontdesk"):
            raise AccessError(self.env._("Mail is handed over by the front desk."))
        for parcel in self:
            if parcel.state != "waiting":
                raise UserError(
                    self.env._("%(name)s was already collected.", name=parcel.name)
                )
            if not parcel.collected_by or not parcel.collected_signature:
                raise UserError(
                    self.env._(
                        "The person collecting %(name)s writes their name and signs.",
                        name=parcel.name,
                    )
                )
        self._property_internal().write(
            {"state": "collected", "collected_date": fields.Datetime.now()}
        )
        return True
