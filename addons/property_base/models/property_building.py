from odoo import api, fields, models


class PropertyBuilding(models.Model):
    _name = "property.building"
    _description = "Building"
    _inherit = ["property.input.mixin"]
    _order = "site_id, sequence, name"

    name = fields.Char(required=True)
    code = fields.Char(
        help="Short code printed before the unit numbers, e.g. A or 1栋."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    site_id = fields.Many2one(
        "property.site", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="site_id.company_id", store=True, index=True)
    floor_count = fields.Integer(string="Number of Floors")
    unit_ids = fields.One2many("property.unit", "building_id", string="Units")
    unit_count = fields.Integer(compute="_compute_unit_count")

    _sql_constraints = [
        (
            "name_site_uniq",
            "unique(name, site_id)",
            "A building name must be unique within its site.",
        ),
    ]

    @api.depends("unit_ids")
    def _compute_unit_count(self):
        counts = dict(
            self.env["property.unit"]._read_group(
                [("building_id", "in", self.ids)], ["building_id"], ["__count"]
            )
        )
        for building in self:
            building.unit_count = counts.get(building, 0)

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_base.property_unit_action"
        )
        action["domain"] = [("building_id", "=", self.id)]
        action["context"] = {"default_building_id": self.id}
        return action
