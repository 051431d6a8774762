from odoo import fields, models


class PropertyComplaintCategory(models.Model):
    """Professional category (专业) of a complaint or demand (C04)."""

    _name = "property.complaint.category"
    _description = "Complaint Category"
    _inherit = ["property.input.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    default_kind = fields.Selection(
        [("complaint", "Complaint"), ("demand", "Demand")],
        required=True,
        default="complaint",
        help="Kind proposed when a record of this category is registered; developer "
        "and handover matters are demands by default.",
    )
    is_building_wide = fields.Boolean(
        string="Building-Wide Matter",
        help="A matter of the building's common areas (cleaning, lifts, greening...): "
        "complaints of this category about any unit of the same building are proposed "
        "as related; for the other categories only those about the same unit.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Default Department",
        help="Department usually responsible for this category.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The category code must be unique."),
    ]
