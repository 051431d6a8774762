from odoo import fields, models

MANAGER = "property_visitor.group_visitor_security_manager"


class PropertySettings(models.TransientModel):
    _inherit = "property.settings"

    property_visitor_night_start_hour = fields.Float(
        related="company_id.property_visitor_night_start_hour",
        readonly=False,
        groups=MANAGER,
    )
    property_visitor_night_end_hour = fields.Float(
        related="company_id.property_visitor_night_end_hour",
        readonly=False,
        groups=MANAGER,
    )
    property_visitor_max_stay_hours = fields.Float(
        related="company_id.property_visitor_max_stay_hours",
        readonly=False,
        groups=MANAGER,
    )
    property_visitor_retention_days = fields.Integer(
        related="company_id.property_visitor_retention_days",
        readonly=False,
        groups=MANAGER,
    )
    property_visitor_invitation_max_days = fields.Integer(
        related="company_id.property_visitor_invitation_max_days",
        readonly=False,
        groups=MANAGER,
    )
    property_visitor_temp_pass_validity_days = fields.Integer(
        related="company_id.property_visitor_temp_pass_validity_days",
        readonly=False,
        groups=MANAGER,
    )
    property_visitor_temp_pass_fee = fields.Float(
        related="company_id.property_visitor_temp_pass_fee",
        readonly=False,
        groups=MANAGER,
    )
    property_visitor_temp_pass_deposit = fields.Float(
        related="company_id.property_visitor_temp_pass_deposit",
        readonly=False,
        groups=MANAGER,
    )
    property_visitor_resident_card_validity_days = fields.Integer(
        related="company_id.property_visitor_resident_card_validity_days",
        readonly=False,
        groups=MANAGER,
    )
    property_visitor_resident_card_fee = fields.Float(
        related="company_id.property_visitor_resident_card_fee",
        readonly=False,
        groups=MANAGER,
    )
    property_visitor_resident_card_deposit = fields.Float(
        related="company_id.property_visitor_resident_card_deposit",
        readonly=False,
        groups=MANAGER,
    )
    property_visitor_goods_pass_validity_days = fields.Integer(
        related="company_id.property_visitor_goods_pass_validity_days",
        readonly=False,
        groups=MANAGER,
    )
    property_visitor_lookup_limit = fields.Integer(
        related="company_id.property_visitor_lookup_limit",
        readonly=False,
        groups=MANAGER,
    )
