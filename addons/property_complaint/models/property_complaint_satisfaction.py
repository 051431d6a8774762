from odoo import fields, models


class PropertyComplaintSatisfaction(models.Model):
    """A level of the satisfaction scale of the callback (C15), e.g. 非常满意 …
    非常不满意."""

    _name = "property.complaint.satisfaction"
    _description = "Callback Satisfaction Level"
    _inherit = ["property.input.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_satisfied = fields.Boolean(
        string="Counts as Satisfied",
        help="Counted as satisfied in the satisfaction rate of the statistics.",
    )
    is_dissatisfied = fields.Boolean(
        string="Dissatisfied",
        help="A callback at this level opens a second complaint (C17).",
    )
