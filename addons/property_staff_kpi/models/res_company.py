from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # The rule numbers of attendance and call-outs (RULES.md), per company: each
    # default is here and only here; read from the record's company.
    property_staff_kpi_attendance_grace_minutes = fields.Integer(
        string="Grace Minutes",
        default=0,
        help="Arriving this many minutes after the shift start or less is on time (A01).",
    )
    property_staff_kpi_attendance_disciplinary_minutes = fields.Integer(
        string="Disciplinary Threshold (minutes)",
        default=20,
        help="Late or away from the post this many minutes or more is a disciplinary "
        "violation (A10).",
    )
    property_staff_kpi_attendance_away_minutes = fields.Integer(
        string="Away from Post Deduction After (minutes)",
        default=5,
        help="Away from the post longer than this adds a deduction (K03).",
    )
    property_staff_kpi_attendance_max_hours = fields.Float(
        string="Longest Stretch (hours)",
        default=8,
        help="An attendance longer than this at a stretch is flagged (K14).",
    )
    property_staff_kpi_emergency_response_minutes = fields.Integer(
        string="Emergency Time Limit (minutes)",
        default=15,
        help="Default minutes allowed between an emergency call and the arrival on the spot.",
    )
    property_staff_kpi_emergency_band_1_minutes = fields.Integer(
        string="Emergency Light Band Up To (minutes)",
        default=10,
        help="Late by 1 to this many minutes: a light deduction (K03, 5 points).",
    )
    property_staff_kpi_emergency_band_2_minutes = fields.Integer(
        string="Emergency Medium Band Up To (minutes)",
        default=30,
        help="Late up to this many minutes: a medium deduction (K04, 10 points); later, "
        "a severe one (K05, 20 points).",
    )
