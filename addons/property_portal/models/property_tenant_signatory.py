from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyTenantSignatory(models.Model):
    """An authorised signatory who approves the company's goods passes in the portal."""

    _inherit = "property.tenant.signatory"

    portal_partner_id = fields.Many2one(
        "res.partner",
        string="Portal Contact",
        index=True,
        tracking=True,
        domain="[('commercial_partner_id', '=', partner_id)]",
        help="The contact of the tenant company, with portal access, who approves or "
        "refuses the company's carry-out goods passes online (V05).",
    )

    portal_authorised = fields.Boolean(
        string="Authorised Today",
        compute="_compute_portal_authorised",
        search="_search_portal_authorised",
        help="Active and within its authorisation dates today: only then does the "
        "portal contact read and approve the tenant's goods passes (V05).",
    )

    def _compute_portal_authorised(self):
        today = fields.Date.context_today(self)
        for signatory in self:
            signatory.portal_authorised = bool(
                signatory.date_from
            ) and signatory._is_valid_on(today)

    def _search_portal_authorised(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return [("id", "=", 0)]
        today = fields.Date.context_today(self)
        domain = [
            ("active", "=", True),
            ("date_from", "<=", today),
            "|",
            ("date_to", "=", False),
            ("date_to", ">=", today),
        ]
        if (operator == "=") != value:
            return ["!", *domain]
        return domain

    @api.constrains("portal_partner_id", "partner_id")
    def _check_portal_partner(self):
        for signatory in self:
            contact = signatory.portal_partner_id
            if (
                contact
                and contact.commercial_partner_id
                != signatory.partner_id.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(contact)s is not a contact of %(tenant)s.",
                        contact=contact.display_name,
                        tenant=signatory.partner_id.display_name,
                    )
                )
