from odoo import fields, models


class PropertyTenantSignatory(models.Model):
    """A person a tenant company authorises to sign its goods passes (V05)."""

    _name = "property.tenant.signatory"
    _description = "Tenant Authorised Signatory"
    _inherit = ["mail.thread"]
    _order = "partner_id, name"

    partner_id = fields.Many2one(
        "res.partner", string="Tenant Company", required=True, index=True, tracking=True
    )
    name = fields.Char(required=True, tracking=True)
    job_title = fields.Char()
    date_from = fields.Date(string="Authorised From", required=True, tracking=True)
    date_to = fields.Date(string="Authorised Until", tracking=True)
    signature = fields.Image(string="Specimen Signature", max_width=600, max_height=300)
    active = fields.Boolean(default=True, tracking=True)

    def _is_valid_on(self, day):
        self.ensure_one()
        return self.active and self.date_from <= day and (not self.date_to or self.date_to >= day)
