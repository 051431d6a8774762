from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.property_base.tools import is_internal

HAZARDS = [
    ("none", "Ordinary Goods"),
    ("flammable", "Flammable"),
    ("explosive", "Explosive"),
    ("toxic", "Highly Toxic"),
    ("corrosive", "Corrosive"),
]

# written only by the guard's check at the gate
GATE_FIELDS = {"quantity_seen", "line_state"}

# more than this is a typing error, not goods carried through a gate
MAX_QUANTITY = 100000


class PropertyGoodsPassLine(models.Model):
    _name = "property.goods.pass.line"
    _description = "Goods Pass Item"
    _order = "goods_pass_id, sequence, id"

    goods_pass_id = fields.Many2one(
        "property.goods.pass", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True)
    quantity = fields.Float(required=True, default=1.0, digits=(12, 2))
    uom_name = fields.Char(string="Unit", default="件")
    hazard = fields.Selection(HAZARDS, string="Hazard Category", required=True, default="none")
    # written only by the guard's check at the gate (property.goods.check)
    quantity_seen = fields.Float(
        string="Seen at the Gate", digits=(12, 2), readonly=True, copy=False
    )
    line_state = fields.Selection(
        [("pending", "To Check"), ("ok", "Matches"), ("mismatch", "Mismatch")],
        string="Gate Check",
        default="pending",
        readonly=True,
        copy=False,
    )

    @api.constrains("hazard")
    def _check_hazard(self):
        """Flammable, explosive, highly toxic or corrosive goods are refused (V06)."""
        for line in self:
            if line.hazard != "none":
                label = dict(self._fields["hazard"]._description_selection(self.env))[line.hazard]
                raise ValidationError(
                    self.env._(
                        "%(item)s is %(hazard)s: flammable, explosive, highly toxic or "
                        "corrosive goods may not pass the gate.",
                        item=line.name,
                        hazard=label,
                    )
                )

    @api.constrains("quantity")
    def _check_quantity(self):
        for line in self:
            if line.quantity <= 0:
                raise ValidationError(self.env._("The quantity of an item must be positive."))
            if line.quantity > MAX_QUANTITY:
                raise ValidationError(
                    self.env._("The quantity of an item must be at most %(max)s.", max=MAX_QUANTITY)
                )

    @api.model
    def _check_quantity_vals(self, vals):
        """Refuse an absurd quantity before the ORM rounds it (a float near the largest
        double overflows the rounding and would end the request with a server error)."""
        for fname in ("quantity", "quantity_seen"):
            value = vals.get(fname)
            if not isinstance(value, int | float) or -MAX_QUANTITY <= value <= MAX_QUANTITY:
                continue
            if value > MAX_QUANTITY:
                raise ValidationError(
                    self.env._("The quantity of an item must be at most %(max)s.", max=MAX_QUANTITY)
                )
            raise ValidationError(self.env._("The quantity of an item must be positive."))

    @api.model_create_multi
    def create(self, vals_list):
        # the suite's input guard first: the code below reads the values
        for vals in vals_list:
            self._property_check_input(vals)
        for vals in vals_list:
            self._check_quantity_vals(vals)
            # a new item is still to check: its defaults are the only values a client sends
            self._check_gate_fields(
                {
                    key: value
                    for key, value in vals.items()
                    if key in GATE_FIELDS and value not in (0, 0.0, False, "pending")
                }
            )
        return super().create(vals_list)

    def write(self, vals):
        self._property_check_input(vals)  # the suite's input guard first
        self._check_quantity_vals(vals)
        self._check_gate_fields(vals)
        if (
            not self.env.su
            and vals.keys() - GATE_FIELDS
            and any(line.goods_pass_id.state != "draft" for line in self)
            and not is_internal(self.env, "property_goods_internal")
        ):
            raise UserError(self.env._("The items of a confirmed goods pass cannot be changed."))
        return super().write(vals)

    def _check_gate_fields(self, vals):
        """The quantity seen and the result of the check are written by the guard's
        check at the gate only, never by a client."""
        if (
            GATE_FIELDS & vals.keys()
            and not self.env.su
            and not is_internal(self.env, "property_goods_internal")
        ):
            raise UserError(
                self.env._(
                    "The quantities seen at the gate are recorded only with the Check at "
                    "the Gate button."
                )
            )
