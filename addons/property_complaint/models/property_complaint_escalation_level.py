from odoo import fields, models


class PropertyComplaintEscalationLevel(models.Model):
    """A step of the escalation ladder (C13)."""

    _name = "property.complaint.escalation.level"
    _description = "Complaint Escalation Level"
    _inherit = ["property.input.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    delay_hours = fields.Integer(
        string="Delay (Hours)",
        required=True,
        default=0,
        help="Hours after the missed deadline before the complaint reaches this level.",
    )
    target = fields.Selection(
        [
            ("supervisor", "Handler's Supervisor"),
            ("site_manager", "Service-Centre Manager"),
            ("pmc", "Project Management Centre (Takes Over)"),
            ("quality", "Quality Centre"),
        ],
        required=True,
        help="Who receives the complaint. The project management centre takes it over "
        "as an escalated complaint (升级投诉) with its own resolution deadline.",
    )

    _sql_constraints = [
        ("delay_positive", "CHECK(delay_hours >= 0)", "The delay cannot be negative."),
    ]
