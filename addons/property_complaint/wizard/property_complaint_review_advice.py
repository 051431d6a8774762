from odoo import fields, models


class PropertyComplaintReviewAdvice(models.TransientModel):
    """The quality centre's advice on a solution review (C12), typed in a dialog."""

    _name = "property.complaint.review.advice"
    _description = "Quality Centre's Advice on a Solution Review"
    _inherit = ["property.input.mixin"]

    review_id = fields.Many2one(
        "property.complaint.review", required=True, ondelete="cascade"
    )
    advice = fields.Text(string="Quality Centre's Advice", required=True)

    def action_confirm(self):
        self.ensure_one()
        self.review_id.action_record_advice(advice=self.advice)
        return {"type": "ir.actions.act_window_close"}
