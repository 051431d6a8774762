from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    property_owned_unit_ids = fields.One2many("property.unit", "owner_id", string="Owned Units")
    property_occupied_unit_ids = fields.Many2many(
        "property.unit",
        "property_unit_occupant_rel",
        "partner_id",
        "unit_id",
        string="Occupied Units",
    )
    property_unit_count = fields.Integer(string="Units", compute="_compute_property_unit_count")

    @api.depends("property_owned_unit_ids", "property_occupied_unit_ids")
    def _compute_property_unit_count(self):
        for partner in self:
            units = partner.property_owned_unit_ids | partner.property_occupied_unit_ids
            partner.property_unit_count = len(units)

    def _property_units_domain(self):
        return ["|", ("owner_id", "in", self.ids), ("occupant_ids", "in", self.ids)]

    def action_view_property_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("property_base.property_unit_action")
        action["domain"] = self._property_units_domain()
        action["context"] = {"default_owner_id": self.id}
        return action
