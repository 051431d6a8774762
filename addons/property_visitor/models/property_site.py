from odoo import fields, models


class PropertySite(models.Model):
    _inherit = "property.site"

    visit_on_site_count = fields.Integer(
        string="Visits on Site", compute="_compute_visitors_on_site"
    )
    visitor_on_site_people = fields.Integer(
        string="Visitors on Site", compute="_compute_visitors_on_site"
    )

    def _compute_visitors_on_site(self):
        groups = self.env["property.visit"]._read_group(
            [("site_id", "in", self.ids), ("state", "=", "checked_in")],
            ["site_id"],
            ["__count", "people_count:sum"],
        )
        data = {site: (count, people) for site, count, people in groups}
        for site in self:
            site.visit_on_site_count, site.visitor_on_site_people = data.get(site, (0, 0))

    def action_view_visitors_on_site(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_visitor.property_visit_on_site_action"
        )
        action["domain"] = [("site_id", "=", self.id), ("state", "=", "checked_in")]
        return action
