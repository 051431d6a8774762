from odoo import fields, models


class PropertyKpiAppealWizard(models.TransientModel):
    """The employee's comment on an assessment they appeal (issue #23)."""

    _name = "property.kpi.appeal.wizard"
    _description = "Appeal an Assessment"
    _inherit = ["property.input.mixin"]

    assessment_id = fields.Many2one("property.kpi.assessment", required=True)
    comment = fields.Text(
        string="Your Comment",
        required=True,
        help="What is wrong in the assessment; the scoring managers read it.",
    )

    def action_appeal(self):
        self.ensure_one()
        self.assessment_id.action_appeal(self.comment)
        return {"type": "ir.actions.act_window_close"}
