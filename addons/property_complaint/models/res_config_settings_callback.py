from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_complaint_callback_days_class1 = fields.Integer(
        string="Callback Days (Class 1)",
        config_parameter="property_complaint.callback_days_class1",
        default=7,
    )
    property_complaint_callback_days_other = fields.Integer(
        string="Callback Days (Other Classes)",
        config_parameter="property_complaint.callback_days_other",
        default=14,
    )
