from odoo import api, fields, models


class PropertyUnit(models.Model):
    """A unit (房号): a flat, a shop or an office in a building."""

    _name = "property.unit"
    _description = "Unit"
    _inherit = ["property.input.mixin", "mail.thread"]
    _order = "site_id, building_id, floor, number"
    _rec_names_search = ["name", "number", "owner_id.name", "occupant_ids.name"]

    name = fields.Char(compute="_compute_name", store=True, index="trigram")
    building_id = fields.Many2one(
        "property.building",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    site_id = fields.Many2one(
        related="building_id.site_id",
        store=True,
        index=True,
        string="Site",
        readonly=True,
    )
    company_id = fields.Many2one(
        related="building_id.company_id", store=True, index=True
    )
    floor = fields.Integer()
    number = fields.Char(required=True, tracking=True, help="Unit number, e.g. 1203.")
    kind = fields.Selection(
        [("residential", "Residential"), ("shop", "Shop"), ("office", "Office")],
        required=True,
        default="residential",
        tracking=True,
    )
    area = fields.Float(string="Area (m²)", digits=(10, 2))
    owner_id = fields.Many2one("res.partner", index=True, tracking=True)
    occupant_ids = fields.Many2many(
        "res.partner",
        "property_unit_occupant_rel",
        "unit_id",
        "partner_id",
        string="Occupants / Tenants",
        help="Household members and tenant companies using the unit.",
    )
    active = fields.Boolean(default=True, tracking=True)
    note = fields.Text()

    _sql_constraints = [
        (
            "number_building_uniq",
            "unique(number, building_id)",
            "This unit number already exists in this building.",
        ),
        ("area_positive", "CHECK(area >= 0)", "The area of a unit cannot be negative."),
    ]

    @api.depends("number", "building_id.code", "building_id.name")
    def _compute_name(self):
        for unit in self:
            prefix = unit.building_id.code or unit.building_id.name or ""
            unit.name = (
                f"{prefix}-{unit.number}" if prefix and unit.number else unit.number
            )
