from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyVisitor(models.Model):
    """A person who visits (访客), kept to prefill a repeat visitor's registration."""

    _name = "property.visitor"
    _description = "Visitor"
    _inherit = ["property.input.mixin", "property.personal.data.mixin"]
    _order = "name"

    name = fields.Char(required=True)
    company_name = fields.Char(string="Company")
    vehicle_plate = fields.Char()
    photo = fields.Image(max_width=512, max_height=512)
    active = fields.Boolean(default=True)
    visit_ids = fields.One2many("property.visit", "visitor_id", string="Visits")
    visit_count = fields.Integer(compute="_compute_visit_count")
    last_visit_date = fields.Datetime(compute="_compute_visit_count")

    @api.depends("visit_ids")
    def _compute_visit_count(self):
        groups = self.env["property.visit"]._read_group(
            [("visitor_id", "in", self.ids)],
            ["visitor_id"],
            ["__count", "arrival_time:max"],
        )
        data = {visitor: (count, last) for visitor, count, last in groups}
        for visitor in self:
            visitor.visit_count, visitor.last_visit_date = data.get(visitor, (0, False))

    @api.model
    def _find_repeat_visitor(self, phone=False, id_number=False, id_type="resident_id"):
        """The visitor already known by this phone or ID number (V01: prefill)."""
        domain = []
        if id_number:
            try:
                number = self._property_normalize_id_number(id_type, id_number)
            except ValidationError:  # an invalid number finds nobody
                number = False
            if number:
                domain = [("id_number", "=", number)]
        if phone:
            try:
                clear = self._property_normalize_phone(phone)
            except ValidationError:
                clear = False
            if clear:
                domain = (
                    ["|", ("phone", "=", clear), *domain]
                    if domain
                    else [("phone", "=", clear)]
                )
        if not domain:
            return self.browse()
        found = self.sudo().search(domain, limit=1, order="id desc")
        return self.browse(found.id)

    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_visitor.property_visit_action"
        )
        action["domain"] = [("visitor_id", "=", self.id)]
        action["context"] = {}
        return action
