from odoo import fields, models


class PropertyComplaintChannel(models.Model):
    """How a complaint or demand reached the company (C01)."""

    _name = "property.complaint.channel"
    _description = "Complaint Channel"
    _inherit = ["property.input.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Technical code, e.g. for imports and reports.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_online = fields.Boolean(
        string="Online Channel",
        help="Complaints received through this channel notify the head of the "
        "department complained about at once and ask for a written answer (C27).",
    )
    note = fields.Text(translate=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The channel code must be unique."),
    ]
