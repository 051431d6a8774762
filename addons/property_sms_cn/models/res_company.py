from odoo import api, fields, models
from odoo.exceptions import ValidationError

SYSTEM = "base.group_system"


class ResCompany(models.Model):
    _inherit = "res.company"

    # the provider and its credentials: Odoo administrators only
    property_sms_provider = fields.Selection(
        [("iap", "Odoo IAP"), ("tencent", "Tencent Cloud")],
        string="SMS Provider",
        default="iap",
        required=True,
        groups=SYSTEM,
        help="Odoo IAP does not serve mainland China numbers: choose Tencent Cloud "
        "to send through the company's Tencent Cloud SMS account.",
    )
    property_sms_tencent_secret_id = fields.Char(
        string="Tencent Cloud SecretId", groups=SYSTEM
    )
    property_sms_tencent_secret_key = fields.Char(
        string="Tencent Cloud SecretKey", groups=SYSTEM
    )
    property_sms_tencent_app_id = fields.Char(
        string="SMS SdkAppId",
        groups=SYSTEM,
        help="The SdkAppId of the SMS application in the Tencent Cloud SMS console.",
    )
    property_sms_tencent_sign_name = fields.Char(
        string="SMS Signature",
        groups=SYSTEM,
        help="The approved signature (签名) put before every message.",
    )
    property_sms_tencent_region = fields.Char(
        string="Tencent Cloud Region", default="ap-guangzhou", groups=SYSTEM
    )
    property_sms_tencent_endpoint = fields.Char(
        string="Tencent Cloud SMS Endpoint",
        default="sms.tencentcloudapi.com",
        groups=SYSTEM,
        help="The host of the SMS API; http://host:port for a test endpoint.",
    )
    property_sms_generic_template = fields.Char(
        string="Generic Provider Template ID",
        groups=SYSTEM,
        help="An approved provider template with one parameter, the whole text: used "
        "for messages written without an SMS template. Empty: such messages are "
        "refused.",
    )
    property_sms_retry_max = fields.Integer(
        string="SMS Send Attempts",
        default=5,
        groups=SYSTEM,
        help="How many times a message the provider did not accept is tried before it "
        "stays in error for a person to resend.",
    )
    # the night hours: the property managers' settings
    property_sms_night_hold = fields.Boolean(
        string="Hold SMS at Night",
        default=True,
        help="Messages that are not urgent wait until the end of the night hours.",
    )
    property_sms_night_start = fields.Float(string="Night Starts At", default=21.0)
    property_sms_night_end = fields.Float(string="Night Ends At", default=8.0)

    @api.constrains(
        "property_sms_night_start", "property_sms_night_end", "property_sms_retry_max"
    )
    def _check_property_sms_settings(self):
        for company in self:
            for hours in (
                company.property_sms_night_start,
                company.property_sms_night_end,
            ):
                if not 0 <= hours < 24:
                    raise ValidationError(
                        self.env._(
                            "The night hours are times of day, from 00:00 to 23:59."
                        )
                    )
            if company.sudo().property_sms_retry_max < 1:
                raise ValidationError(self.env._("An SMS is tried at least once."))
