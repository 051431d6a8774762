from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    property_site_ids = fields.Many2many(
        "property.site",
        "property_site_member_rel",
        "user_id",
        "site_id",
        string="Property Sites",
        readonly=True,
        help="Sites whose records this user sees (as manager, supervisor or staff).",
    )
