from odoo import api, fields, models


class PropertyTenantSignatory(models.Model):
    """A person a tenant company authorises to sign its goods passes (V05)."""

    _name = "property.tenant.signatory"
    _description = "Tenant Authorised Signatory"
    _inherit = ["property.input.mixin", "mail.thread"]
    _order = "partner_id, name"

    partner_id = fields.Many2one(
        "res.partner", string="Tenant Company", required=True, index=True, tracking=True
    )
    site_id = fields.Many2one(
        "property.site",
        required=True,
        index=True,
        tracking=True,
        compute="_compute_site_id",
        store=True,
        readonly=False,
        precompute=True,
        help="The site whose customer service filed the authorisation: only its staff "
        "see the signatory. By default the site of the tenant company's units.",
    )
    name = fields.Char(required=True, tracking=True)
    job_title = fields.Char()
    date_from = fields.Date(string="Authorised From", required=True, tracking=True)
    date_to = fields.Date(string="Authorised Until", tracking=True)
    signature = fields.Image(string="Specimen Signature", max_width=600, max_height=300)
    active = fields.Boolean(default=True, tracking=True)

    @api.depends("partner_id")
    def _compute_site_id(self):
        """The site of the tenant company's units (one of the user's sites first);
        without units, the user's site. A site the user chose among the tenant's
        sites is kept."""
        user_sites = self.env.user.property_site_ids
        for signatory in self:
            partner = signatory.partner_id.commercial_partner_id.sudo()
            sites = (
                partner.property_owned_unit_ids | partner.property_occupied_unit_ids
            ).site_id
            if signatory.site_id and (not sites or signatory.site_id in sites):
                continue
            signatory.site_id = (sites & user_sites)[:1] or sites[:1] or user_sites[:1]

    def _is_valid_on(self, day):
        self.ensure_one()
        return (
            self.active
            and self.date_from <= day
            and (not self.date_to or self.date_to >= day)
        )
