from odoo import fields, models


class SmsTemplate(models.Model):
    _inherit = "sms.template"

    property_urgent = fields.Boolean(
        string="Urgent",
        help="Sent at once, also during the night hours; other messages wait until the "
        "end of the night.",
    )
    property_provider_template_ids = fields.One2many(
        "property.sms.provider.template",
        "sms_template_id",
        string="Provider Templates",
        groups="base.group_system",
    )
