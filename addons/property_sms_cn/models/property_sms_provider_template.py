from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertySmsProviderTemplate(models.Model):
    """Which template registered with the China SMS provider sends an Odoo SMS
    template, and with which parameters. Mainland providers send pre-approved
    templates only: the text of an Odoo template is shown in the chatter, the
    provider's template with the parameters below is what the resident receives."""

    _name = "property.sms.provider.template"
    _inherit = ["property.input.mixin"]
    _description = "SMS Provider Template"
    _order = "sms_template_id, company_id, id"
    _rec_name = "provider_template_code"

    sms_template_id = fields.Many2one(
        "sms.template", string="SMS Template", required=True, ondelete="cascade"
    )
    model = fields.Char(related="sms_template_id.model", string="Applies to")
    provider = fields.Selection(
        [("tencent", "Tencent Cloud")],
        required=True,
        default="tencent",
    )
    company_id = fields.Many2one(
        "res.company",
        help="Empty: for every company without a template of its own.",
    )
    provider_template_code = fields.Char(
        string="Provider Template ID",
        required=True,
        help="The ID of the approved template in the provider's console.",
    )
    param_ids = fields.One2many(
        "property.sms.provider.template.param",
        "provider_template_id",
        string="Parameters",
        copy=True,
    )
    active = fields.Boolean(default=True)

    @api.constrains("sms_template_id", "provider", "company_id", "active")
    def _check_one_per_template(self):
        for mapping in self.filtered("active"):
            others = self.search_count(
                [
                    ("id", "!=", mapping.id),
                    ("sms_template_id", "=", mapping.sms_template_id.id),
                    ("provider", "=", mapping.provider),
                    ("company_id", "=", mapping.company_id.id),
                ]
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "The SMS template %(template)s already has a provider "
                        "template for this company.",
                        template=mapping.sms_template_id.display_name,
                    )
                )

    @api.model
    def _property_mapping_for(self, templates, provider, company):
        """{sms.template id: mapping} for ``company``: its own mapping, else the one
        of every company."""
        mappings = self.sudo().search(
            [
                ("sms_template_id", "in", templates.ids),
                ("provider", "=", provider),
                ("company_id", "in", [company.id, False]),
            ]
        )
        result = {}
        for mapping in mappings.sorted(lambda m: bool(m.company_id)):
            result[mapping.sms_template_id.id] = mapping
        return result

    def _property_render_params(self, records):
        """{record id: [parameter values]} in the mapped order."""
        self.ensure_one()
        values = {record.id: [] for record in records}
        for param in self.param_ids.sorted(lambda p: (p.sequence, p.id)):
            rendered = param._property_render(records)
            for record in records:
                values[record.id].append(rendered[record.id])
        return values
