from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    property_seal_image = fields.Image(
        string="Company Seal",
        max_width=600,
        max_height=600,
        help="The tenant company's seal, compared with the seal on goods passes.",
    )
    property_signatory_ids = fields.One2many(
        "property.tenant.signatory", "partner_id", string="Authorised Signatories"
    )
    property_under_decoration = fields.Boolean(
        string="Under Decoration",
        help="The tenant is fitting out its premises: its goods follow the decoration "
        "process instead of goods passes.",
    )
