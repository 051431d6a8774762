from odoo import fields, models


class PropertyVisitArea(models.Model):
    """A place visitors go to; staff work areas (control room, archive) are restricted
    and need their responsible's approval (V08)."""

    _name = "property.visit.area"
    _description = "Visited Area"
    _inherit = ["property.input.mixin"]
    _order = "site_id, name"

    name = fields.Char(required=True, translate=True)
    site_id = fields.Many2one("property.site", required=True, index=True)
    company_id = fields.Many2one(related="site_id.company_id", store=True)
    restricted = fields.Boolean(
        string="Restricted Staff Area",
        help="Control room, archive...: outsiders enter only with the approval of the "
        "responsible.",
    )
    responsible_id = fields.Many2one("res.users", domain="[('share', '=', False)]")
    active = fields.Boolean(default=True)
