from odoo import fields, models


class PropertyPassDepositKeep(models.TransientModel):
    """The desk keeps a pass's deposit (card lost, damaged or late) and says why."""

    _name = "property.pass.deposit.keep"
    _description = "Keep a Pass Deposit"
    _inherit = ["property.input.mixin"]

    pass_id = fields.Many2one("property.pass", required=True, ondelete="cascade")
    deposit = fields.Monetary(related="pass_id.deposit")
    currency_id = fields.Many2one(related="pass_id.currency_id")
    reason = fields.Text(required=True, help="Card lost, returned damaged or late…")

    def action_confirm(self):
        self.ensure_one()
        self.pass_id.action_return_keep(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
