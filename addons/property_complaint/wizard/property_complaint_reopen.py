from odoo import fields, models


class PropertyComplaintReopen(models.TransientModel):
    """Reopen a closed complaint, with the reason (managers only, C18)."""

    _name = "property.complaint.reopen"
    _description = "Reopen a Complaint"
    _inherit = ["property.input.mixin"]

    complaint_id = fields.Many2one(
        "property.complaint", required=True, ondelete="cascade"
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.complaint_id._reopen(self.reason)
        return {"type": "ir.actions.act_window_close"}
