from odoo import api, fields, models


class PropertyDutyRoster(models.Model):
    """Who is the night duty officer (物业总值) of a site on a night (V03)."""

    _name = "property.duty.roster"
    _description = "Night Duty Roster"
    _inherit = ["property.input.mixin"]
    _order = "date desc, site_id"
    _rec_name = "user_id"

    site_id = fields.Many2one("property.site", required=True, index=True)
    company_id = fields.Many2one(related="site_id.company_id", store=True)
    date = fields.Date(
        string="Night of",
        required=True,
        index=True,
        help="The evening the duty starts; it runs until the next morning.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Night Duty Officer",
        required=True,
        domain="[('share', '=', False)]",
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "site_date_uniq",
            "unique(site_id, date)",
            "A site has one night duty officer per night.",
        )
    ]

    @api.model
    def _night_officer(self, site, duty_date):
        roster = self.sudo().search(
            [("site_id", "=", site.id), ("date", "=", duty_date)], limit=1
        )
        return roster.user_id
