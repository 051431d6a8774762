from odoo import api, fields, models
from odoo.exceptions import ValidationError

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
    # the suite's integrity rules (property_base/models/property_integrity_mixin.py):
    # the items of a confirmed pass are frozen with it; the gate fields are owned by
    # the guard's check at the gate (property.goods.check)
    _inherit = ["property.integrity.mixin"]
    _internal_flag = "property_goods_internal"
    _property_lock_parent = "goods_pass_id"

    goods_pass_id = fields.Many2one(
        "property.goods.pass", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True)
    quantity = fields.Float(required=True, default=1.0, digits=(12, 2))
    uom_name = fields.Char(string="Unit", default="件")
    hazard = fields.Selection(
        HAZARDS, string="Hazard Category", required=True, default="none"
    )
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
                label = dict(self._fields["hazard"]._description_selection(self.env))[
                    line.hazard
                ]
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
                raise ValidationError(
                    self.env._("The quantity of an item must be positive.")
                )
            if line.quantity > MAX_QUANTITY:
                raise ValidationError(
                    self.env._(
                        "The quantity of an item must be at most %(max)s.",
                        max=MAX_QUANTITY,
                    )
                )

    @api.model
    def _check_quantity_vals(self, vals):
        """Refuse an absurd quantity before the ORM rounds it (a float near the largest
        double overflows the rounding and would end the request with a server error)."""
        for fname in ("quantity", "quantity_seen"):
            value = vals.get(fname)
            if (
                not isinstance(value, int | float)
                or -MAX_QUANTITY <= value <= MAX_QUANTITY
            ):
                continue
            if value > MAX_QUANTITY:
                raise ValidationError(
                    self.env._(
                        "The quantity of an item must be at most %(max)s.",
                        max=MAX_QUANTITY,
                    )
                )
            raise ValidationError(
                self.env._("The quantity of an item must be positive.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_quantity_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_quantity_vals(vals)
        return super().write(vals)

    def _property_owned_message(self, names):
        if GATE_FIELDS & set(names):
            return self.env._(
                "The quantities seen at the gate are recorded only with the Check at "
                "the Gate button."
            )
        return super()._property_owned_message(names)
