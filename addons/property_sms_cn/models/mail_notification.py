from odoo import fields, models


class MailNotification(models.Model):
    _inherit = "mail.notification"

    failure_type = fields.Selection(
        selection_add=[
            ("sms_provider_template", "No Provider Template"),
            ("sms_provider", "Refused by the SMS Provider"),
            ("sms_blacklist", "Opted Out"),
        ]
    )
