from odoo import fields, models

MANAGER = "property_staff_kpi.group_kpi_manager"


class PropertySettings(models.TransientModel):
    _inherit = "property.settings"

    property_staff_kpi_attendance_grace_minutes = fields.Integer(
        related="company_id.property_staff_kpi_attendance_grace_minutes",
        readonly=False,
        groups=MANAGER,
    )
    property_staff_kpi_attendance_disciplinary_minutes = fields.Integer(
        related="company_id.property_staff_kpi_attendance_disciplinary_minutes",
        readonly=False,
        groups=MANAGER,
    )
    property_staff_kpi_attendance_away_minutes = fields.Integer(
        related="company_id.property_staff_kpi_attendance_away_minutes",
        readonly=False,
        groups=MANAGER,
    )
    property_staff_kpi_attendance_max_hours = fields.Float(
        related="company_id.property_staff_kpi_attendance_max_hours",
        readonly=False,
        groups=MANAGER,
    )
    property_staff_kpi_emergency_response_minutes = fields.Integer(
        related="company_id.property_staff_kpi_emergency_response_minutes",
        readonly=False,
        groups=MANAGER,
    )
    property_staff_kpi_emergency_band_1_minutes = fields.Integer(
        related="company_id.property_staff_kpi_emergency_band_1_minutes",
        readonly=False,
        groups=MANAGER,
    )
    property_staff_kpi_emergency_band_2_minutes = fields.Integer(
        related="company_id.property_staff_kpi_emergency_band_2_minutes",
        readonly=False,
        groups=MANAGER,
    )
    property_staff_kpi_appeal_days = fields.Integer(
        related="company_id.property_staff_kpi_appeal_days",
        readonly=False,
        groups=MANAGER,
    )
