from odoo import fields, models

MANAGER = "property_complaint.group_complaint_manager"


class PropertySettings(models.TransientModel):
    _inherit = "property.settings"

    property_complaint_group_threshold = fields.Integer(
        related="company_id.property_complaint_group_threshold",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_unresolved_months = fields.Integer(
        related="company_id.property_complaint_unresolved_months",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_group_window_hours = fields.Integer(
        related="company_id.property_complaint_group_window_hours",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_class1_notify = fields.Boolean(
        related="company_id.property_complaint_class1_notify",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_received_future_minutes = fields.Integer(
        related="company_id.property_complaint_received_future_minutes",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_matter_arose_max_years = fields.Integer(
        related="company_id.property_complaint_matter_arose_max_years",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_response_hours = fields.Integer(
        related="company_id.property_complaint_response_hours",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_reply_hours = fields.Integer(
        related="company_id.property_complaint_reply_hours",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_solution_days = fields.Integer(
        related="company_id.property_complaint_solution_days",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_days_class1 = fields.Integer(
        related="company_id.property_complaint_days_class1",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_days_class2 = fields.Integer(
        related="company_id.property_complaint_days_class2",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_days_class3 = fields.Integer(
        related="company_id.property_complaint_days_class3",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_days_demand = fields.Integer(
        related="company_id.property_complaint_days_demand",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_days_escalated = fields.Integer(
        related="company_id.property_complaint_days_escalated",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_suspension_amount = fields.Float(
        related="company_id.property_complaint_suspension_amount",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_suspension_approval = fields.Boolean(
        related="company_id.property_complaint_suspension_approval",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_callback_days_class1 = fields.Integer(
        related="company_id.property_complaint_callback_days_class1",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_callback_days_other = fields.Integer(
        related="company_id.property_complaint_callback_days_other",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_survey_forward_days = fields.Integer(
        related="company_id.property_complaint_survey_forward_days",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_survey_answer_days = fields.Integer(
        related="company_id.property_complaint_survey_answer_days",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_survey_callback_days = fields.Integer(
        related="company_id.property_complaint_survey_callback_days",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_answer_rings = fields.Integer(
        related="company_id.property_complaint_answer_rings",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_ring_seconds = fields.Integer(
        related="company_id.property_complaint_ring_seconds",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_notify_receipt = fields.Boolean(
        related="company_id.property_complaint_notify_receipt",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_notify_dispatch = fields.Boolean(
        related="company_id.property_complaint_notify_dispatch",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_notify_result = fields.Boolean(
        related="company_id.property_complaint_notify_result",
        readonly=False,
        groups=MANAGER,
    )
    property_complaint_notify_callback = fields.Boolean(
        related="company_id.property_complaint_notify_callback",
        readonly=False,
        groups=MANAGER,
    )
