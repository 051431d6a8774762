from odoo import api, fields, models

from odoo.addons.property_base.tools import is_internal

GOODS_STAMPED = {
    "state",
    "cs_confirmed_by_id",
    "cs_confirmed_date",
    "valid_until",
    "gate_user_id",
    "gate_time",
    "reissued_from_id",
}
FROZEN_AFTER_CONFIRM = {
    "direction",
    "site_id",
    "tenant_partner_id",
    "carrier_name",
    "planned_date",
    "line_ids",
    "auth_method",
    "signatory_id",
    "seal_checked",
    "large_move",
    "slot_id",
}
# what a draft's levels of approval depend on: changed, they are asked again (V05)
APPROVAL_FIELDS = {
    "direction",
    "site_id",
    "tenant_partner_id",
    "planned_date",
    "auth_method",
    "signatory_id",
}


class PropertyGoodsPass(models.Model):
    """The two-part goods carry-in/carry-out pass (携物出入门证, V05-V07)."""

    _name = "property.goods.pass"
    _description = "Goods Pass"
    # the rooms first, each one concern: customer service's stamp, the check at the
    # gate, the validity; they come before the mixins, as the model's own methods
    _inherit = [
        "property.goods.pass.stamp.mixin",
        "property.goods.pass.gate.mixin",
        "property.goods.pass.validity.mixin",
        "property.stamped.mixin",
        "property.personal.data.mixin",
        "property.gate.token.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "property.approval.mixin",
    ]
    # V05: customer service's stamp is a level of the suite's approval mechanism (after
    # the tenant's signatory's when property_portal asks it; the rules are data:
    # data/property_approval_rule_data.xml)
    # the suite's integrity rules (property_base/models/property_integrity_mixin.py)
    _property_keep = True
    _order = "id desc"
    _gate_token_prefix = "G"
    _internal_flag = "property_goods_internal"
    _stamped_fields = GOODS_STAMPED
    _frozen_fields = FROZEN_AFTER_CONFIRM

    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("confirmed", "Confirmed by Customer Service"),
            ("done", "Passed the Gate"),
            ("sent_back", "Sent Back"),
            ("expired", "Expired"),
            ("voided", "Voided"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
    )
    direction = fields.Selection(
        [("out", "Carry Out"), ("in", "Carry In")],
        required=True,
        default="out",
        tracking=True,
    )
    tenant_partner_id = fields.Many2one(
        "res.partner", string="Tenant Company", required=True, tracking=True
    )
    unit_id = fields.Many2one("property.unit", domain="[('site_id', '=', site_id)]")
    carrier_name = fields.Char(string="Carrier", required=True, tracking=True)
    planned_date = fields.Datetime(
        string="Carrying Time",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
    )
    valid_until = fields.Datetime(readonly=True, copy=False)
    line_ids = fields.One2many(
        "property.goods.pass.line", "goods_pass_id", string="Items", copy=True
    )
    auth_method = fields.Selection(
        [("seal", "Tenant Company Seal"), ("signature", "Authorised Signatory")],
        string="Tenant Authorisation",
        tracking=True,
    )
    signatory_id = fields.Many2one(
        "property.tenant.signatory",
        domain="[('partner_id', '=', tenant_partner_id)]",
        tracking=True,
    )
    seal_checked = fields.Boolean(
        tracking=True,
        help="Customer service compared the seal on the paper slip with the tenant's "
        "seal on file.",
    )
    tenant_seal_image = fields.Image(related="tenant_partner_id.property_seal_image")
    large_move = fields.Boolean(
        tracking=True, help="Large moves need a slot booked by customer service."
    )
    slot_id = fields.Many2one(
        "property.move.slot",
        string="Moving Slot",
        domain="[('site_id', '=', site_id)]",
        tracking=True,
    )
    cs_confirmed_by_id = fields.Many2one(
        "res.users", string="Confirmed by Customer Service", readonly=True, copy=False
    )
    cs_confirmed_date = fields.Datetime(
        string="Confirmed On", readonly=True, copy=False
    )
    gate_user_id = fields.Many2one(
        "res.users", string="Guard", readonly=True, copy=False
    )
    gate_time = fields.Datetime(readonly=True, copy=False)
    gate_note = fields.Text(string="Gate Remarks", copy=False, tracking=True)
    reissued_from_id = fields.Many2one(
        "property.goods.pass", string="Reissue of", readonly=True, copy=False
    )
    reissue_ids = fields.One2many(
        "property.goods.pass", "reissued_from_id", string="Reissued As"
    )

    @api.model_create_multi
    def create(self, vals_list):
        passes = super().create(vals_list)
        # the desk that registers the pass stamps it later, after its checks
        passes._approval_request(at_once=False)
        return passes

    def write(self, vals):
        res = super().write(vals)
        if APPROVAL_FIELDS & vals.keys() and not is_internal(
            self.env, self._internal_flag
        ):
            self._approval_renew()
        return res

    def _stamped_error(self):
        return self.env._(
            "The status of a goods pass changes only through its buttons."
        )

    def _property_children_locked(self):
        """The items of a confirmed pass are frozen with it (V05)."""
        return self.filtered(lambda goods: goods.state != "draft")

    def _property_lock_message(self):
        return self.env._("The items of a confirmed goods pass cannot be changed.")

    def _frozen_error(self):
        return self.env._(
            "A confirmed goods pass cannot be changed; send it back and reissue it."
        )

    def _state_error(self, action_label):
        return self.env._(
            "Goods pass %(name)s is %(state)s: this cannot be done now.",
            name=self.name,
            state=self._state_label(),
        )
