from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_attendance_grace_minutes = fields.Integer(
        string="Grace Minutes",
        config_parameter="property_staff_kpi.attendance_grace_minutes",
        default=0,
        help="Arriving this many minutes after the shift start or less is on time (A01).",
    )
    property_attendance_disciplinary_minutes = fields.Integer(
        string="Disciplinary Threshold (minutes)",
        config_parameter="property_staff_kpi.attendance_disciplinary_minutes",
        default=20,
        help="Late or away from the post this many minutes or more is a disciplinary "
        "violation (A10).",
    )
    property_attendance_away_minutes = fields.Integer(
        string="Away from Post Deduction After (minutes)",
        config_parameter="property_staff_kpi.attendance_away_minutes",
        default=5,
        help="Away from the post longer than this adds a deduction (K03).",
    )
    property_attendance_max_hours = fields.Float(
        string="Longest Stretch (hours)",
        config_parameter="property_staff_kpi.attendance_max_hours",
        default=8,
        help="An attendance longer than this at a stretch is flagged (K14).",
    )
    property_emergency_response_minutes = fields.Integer(
        string="Emergency Time Limit (minutes)",
        config_parameter="property_staff_kpi.emergency_response_minutes",
        default=15,
        help="Default minutes allowed between an emergency call and the arrival on the spot.",
    )
    property_emergency_band_1_minutes = fields.Integer(
        string="Emergency Light Band Up To (minutes)",
        config_parameter="property_staff_kpi.emergency_band_1_minutes",
        default=10,
        help="Late by 1 to this many minutes: a light deduction (K03, 5 points).",
    )
    property_emergency_band_2_minutes = fields.Integer(
        string="Emergency Medium Band Up To (minutes)",
        config_parameter="property_staff_kpi.emergency_band_2_minutes",
        default=30,
        help="Late up to this many minutes: a medium deduction (K04, 10 points); later, "
        "a severe one (K05, 20 points).",
    )
