from odoo import api, fields, models


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

    @api.model
    def _property_private_domains(self):
        """Tenant companies, pass holders, parcel recipients and hosts of visitors are
        residents' data (C22)."""
        domains = super()._property_private_domains()
        for model, fname in (
            ("property.tenant.signatory", "partner_id"),
            ("property.goods.pass", "tenant_partner_id"),
            ("property.pass", "holder_partner_id"),
            ("property.parcel", "recipient_partner_id"),
            ("property.visit", "host_partner_id"),
        ):
            if fname not in self.env[model]._fields:
                continue
            records = self.env[model].sudo().with_context(active_test=False)
            query = records._search([(fname, "!=", False)])
            domains.append([("id", "in", query.subselect(fname))])
        return domains
