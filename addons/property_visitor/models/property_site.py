from datetime import timedelta

from odoo import fields, models

# the overview's "passes expiring": active passes whose validity ends within this many
# days (the site's today included)
PASS_EXPIRING_DAYS = 7
OVERVIEW_GROUPS = (
    "property_visitor.group_visitor_frontdesk_supervisor,"
    "property_visitor.group_visitor_security_manager"
)


class PropertySite(models.Model):
    _inherit = "property.site"

    visit_on_site_count = fields.Integer(
        string="Visits on Site", compute="_compute_visitors_on_site"
    )
    visitor_on_site_people = fields.Integer(
        string="Visitors on Site", compute="_compute_visitors_on_site"
    )

    # V11: where residents collect their mail and parcels (told in the SMS)
    parcel_pickup_place = fields.Char(
        string="Parcel Pick-up Place",
        help="Where residents collect their mail and parcels, e.g. the front desk of "
        "the lobby.",
    )

    pass_expiring_count = fields.Integer(
        string="Passes Expiring",
        compute="_compute_pass_expiring_count",
        groups=OVERVIEW_GROUPS,
    )

    @staticmethod
    def _passes_expiring(today):
        """Domain of the active passes whose validity ends within PASS_EXPIRING_DAYS
        from ``today`` (a site's local date)."""
        return [
            ("state", "=", "active"),
            ("date_to", ">=", today),
            ("date_to", "<", today + timedelta(days=PASS_EXPIRING_DAYS)),
        ]

    def _compute_pass_expiring_count(self):
        # one _read_group per local day (the sites of a company share their time zone)
        by_day = {}
        for site in self:
            today = site._local_date(fields.Datetime.now())
            by_day.setdefault(today, self.browse())
            by_day[today] |= site
        counts = {}
        for today, sites in by_day.items():
            counts.update(
                self.env["property.pass"]._read_group(
                    [("site_id", "in", sites.ids), *self._passes_expiring(today)],
                    ["site_id"],
                    ["__count"],
                )
            )
        for site in self:
            site.pass_expiring_count = counts.get(site, 0)

    def action_view_passes_expiring(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_visitor.property_pass_action"
        )
        action.update(
            {
                "name": self.env._("%(site)s: Passes Expiring", site=self.display_name),
                "display_name": self.env._(
                    "%(site)s: Passes Expiring", site=self.display_name
                ),
                "domain": [
                    ("site_id", "=", self.id),
                    *self._passes_expiring(self._local_date(fields.Datetime.now())),
                ],
                "context": {"create": False},
            }
        )
        return action

    def _compute_visitors_on_site(self):
        groups = self.env["property.visit"]._read_group(
            [("site_id", "in", self.ids), ("state", "=", "checked_in")],
            ["site_id"],
            ["__count", "people_count:sum"],
        )
        data = {site: (count, people) for site, count, people in groups}
        for site in self:
            site.visit_on_site_count, site.visitor_on_site_people = data.get(
                site, (0, 0)
            )

    def action_view_visitors_on_site(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_visitor.property_visit_on_site_action"
        )
        action["domain"] = [("site_id", "=", self.id), ("state", "=", "checked_in")]
        return action
