from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_visitor_night_start_hour = fields.Float(
        string="Night Duty From",
        config_parameter="property_visitor.night_start_hour",
        default=20.0,
    )
    property_visitor_night_end_hour = fields.Float(
        string="Night Duty Until",
        config_parameter="property_visitor.night_end_hour",
        default=8.0,
    )
    property_visitor_max_stay_hours = fields.Float(
        string="Overstay After (hours)",
        config_parameter="property_visitor.max_stay_hours",
        default=8.0,
    )
    property_visitor_retention_days = fields.Integer(
        string="Keep Visitor ID and Phone (days)",
        config_parameter="property_visitor.retention_days",
        default=180,
    )
