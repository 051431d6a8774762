from odoo import fields, models

SYSTEM = "base.group_system"
MANAGER = "property_base.group_property_manager"


class PropertySettings(models.TransientModel):
    _inherit = "property.settings"

    property_sms_provider = fields.Selection(
        related="company_id.property_sms_provider", readonly=False, groups=SYSTEM
    )
    property_sms_tencent_secret_id = fields.Char(
        related="company_id.property_sms_tencent_secret_id",
        readonly=False,
        groups=SYSTEM,
    )
    property_sms_tencent_secret_key = fields.Char(
        related="company_id.property_sms_tencent_secret_key",
        readonly=False,
        groups=SYSTEM,
    )
    property_sms_tencent_app_id = fields.Char(
        related="company_id.property_sms_tencent_app_id",
        readonly=False,
        groups=SYSTEM,
    )
    property_sms_tencent_sign_name = fields.Char(
        related="company_id.property_sms_tencent_sign_name",
        readonly=False,
        groups=SYSTEM,
    )
    property_sms_tencent_region = fields.Char(
        related="company_id.property_sms_tencent_region",
        readonly=False,
        groups=SYSTEM,
    )
    property_sms_tencent_endpoint = fields.Char(
        related="company_id.property_sms_tencent_endpoint",
        readonly=False,
        groups=SYSTEM,
    )
    property_sms_generic_template = fields.Char(
        related="company_id.property_sms_generic_template",
        readonly=False,
        groups=SYSTEM,
    )
    property_sms_retry_max = fields.Integer(
        related="company_id.property_sms_retry_max", readonly=False, groups=SYSTEM
    )
    property_sms_night_hold = fields.Boolean(
        related="company_id.property_sms_night_hold", readonly=False, groups=MANAGER
    )
    property_sms_night_start = fields.Float(
        related="company_id.property_sms_night_start", readonly=False, groups=MANAGER
    )
    property_sms_night_end = fields.Float(
        related="company_id.property_sms_night_end", readonly=False, groups=MANAGER
    )
