from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyGoodsCheck(models.TransientModel):
    """The guard's count of the goods at the gate: the approved items, read-only, and
    the quantity counted of each; confirming records the counts and finishes the
    check of the goods pass (V05)."""

    _name = "property.goods.check"
    _description = "Check Goods at the Gate"
    _inherit = ["property.input.mixin"]

    goods_pass_id = fields.Many2one(
        "property.goods.pass", required=True, readonly=True, ondelete="cascade"
    )
    carrier_name = fields.Char(related="goods_pass_id.carrier_name", string="Carrier")
    direction = fields.Selection(related="goods_pass_id.direction")
    tenant_partner_id = fields.Many2one(
        related="goods_pass_id.tenant_partner_id", string="Tenant Company"
    )
    line_ids = fields.One2many("property.goods.check.line", "check_id", string="Items")

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        goods = self.env["property.goods.pass"].browse(res.get("goods_pass_id"))
        if goods and "line_ids" in fields_list:
            res["line_ids"] = [
                fields.Command.create({"pass_line_id": line.id, "quantity_seen": 0.0})
                for line in goods.line_ids
            ]
        return res

    def action_confirm(self):
        """Record the counted quantities and finish the check of the goods pass."""
        self.ensure_one()
        goods = self.goods_pass_id
        foreign = self.line_ids.pass_line_id - goods.line_ids
        if foreign:
            raise UserError(self.env._("Count only the items of this goods pass."))
        counts = {line.pass_line_id.id: line.quantity_seen for line in self.line_ids}
        goods._gate_check_counts(counts)
        if self.env.context.get("gate_check_from_verify"):
            return {
                "type": "ir.actions.act_window",
                "res_model": "property.goods.pass",
                "res_id": goods.id,
                "view_mode": "form",
                "target": "current",
            }
        return {"type": "ir.actions.act_window_close"}


class PropertyGoodsCheckLine(models.TransientModel):
    _name = "property.goods.check.line"
    _description = "Item Counted at the Gate"
    _inherit = ["property.input.mixin"]

    check_id = fields.Many2one(
        "property.goods.check", required=True, ondelete="cascade"
    )
    pass_line_id = fields.Many2one(
        "property.goods.pass.line", string="Approved Item", required=True, readonly=True
    )
    name = fields.Char(related="pass_line_id.name", string="Item")
    quantity = fields.Float(
        related="pass_line_id.quantity", string="Approved Quantity", digits=(12, 2)
    )
    uom_name = fields.Char(related="pass_line_id.uom_name", string="Unit")
    quantity_seen = fields.Float(string="Counted", digits=(12, 2))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_count(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_count(vals)
        return super().write(vals)

    @api.model
    def _check_count(self, vals):
        value = vals.get("quantity_seen")
        if isinstance(value, int | float) and value < 0:
            raise UserError(self.env._("A counted quantity cannot be negative."))
        self.env["property.goods.pass.line"]._check_quantity_vals(
            {"quantity_seen": value}
        )
