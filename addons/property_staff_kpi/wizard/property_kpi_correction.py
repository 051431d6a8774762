from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyKpiCorrection(models.TransientModel):
    """K12: a confirmed assessment is corrected by a new, reasoned line."""

    _name = "property.kpi.correction"
    _description = "Correct a Confirmed Assessment"
    _inherit = ["property.input.mixin"]

    assessment_id = fields.Many2one("property.kpi.assessment", required=True)
    mode = fields.Selection(
        [("add", "Add a bonus or deduction"), ("reverse", "Cancel a line")],
        required=True,
        default="add",
    )
    item_id = fields.Many2one("property.kpi.item", domain="[('auto_rule', '=', False)]")
    points = fields.Integer()
    line_id = fields.Many2one(
        "property.kpi.line",
        string="Line to Cancel",
        domain="[('assessment_id', '=', assessment_id), ('state', '=', 'approved'), "
        "('reversed_line_id', '=', False), ('reversed_by_ids', '=', False)]",
    )
    reason = fields.Text(required=True)

    @api.onchange("item_id")
    def _onchange_item_id(self):
        if self.item_id:
            self.points = self.item_id.points_min or self.item_id.points_max

    def action_apply(self):
        self.ensure_one()
        assessment = self.assessment_id
        if not self.env.user.has_group("property_staff_kpi.group_kpi_manager"):
            raise UserError(
                self.env._("Only a manager may correct a confirmed assessment.")
            )
        if assessment.state != "confirmed":
            raise UserError(self.env._("Only a confirmed assessment is corrected."))
        if not (self.reason or "").strip():
            raise UserError(self.env._("A correction needs a written reason."))
        if self.mode == "reverse":
            if not self.line_id or self.line_id.assessment_id != assessment:
                raise UserError(
                    self.env._("Choose the line of this assessment to cancel.")
                )
            if self.line_id.reversed_by_ids or self.line_id.reversed_line_id:
                raise UserError(self.env._("This line is already cancelled."))
            vals = {
                "item_id": self.line_id.item_id.id,
                "points": self.line_id.points,
                "reversed_line_id": self.line_id.id,
            }
        else:
            if not self.item_id:
                raise UserError(self.env._("Choose the item of the correction."))
            vals = {"item_id": self.item_id.id, "points": self.points}
        vals.update(
            {
                "assessment_id": assessment.id,
                "date": fields.Date.context_today(self),
                "reason": self.reason,
                "origin": "correction",
                "state": "approved",
                "approved_by_id": self.env.user.id,
            }
        )
        line = self.env["property.kpi.line"]._property_internal().create(vals)
        assessment.message_post(
            body=self.env._(
                "Correction by %(user)s: %(item)s, %(points)s points. Reason: "
                "%(reason)s",
                user=self.env.user.name,
                item=line.item_id.name,
                points=line.signed_points,
                reason=self.reason,
            )
        )
        return {"type": "ir.actions.act_window_close"}
