from odoo import fields, models

PREFIX = "property_complaint."


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    complaint_group_threshold = fields.Integer(
        string="Group Complaint From",
        config_parameter=PREFIX + "group_threshold",
        default=5,
        help="Number of customers in all, the complainant and the co-complainants, from "
        "which a complaint is a group complaint (class 1).",
    )
    complaint_unresolved_months = fields.Integer(
        string="Class 1 When Unresolved For (Months)",
        config_parameter=PREFIX + "unresolved_months",
        default=1,
    )
    complaint_response_hours = fields.Integer(
        string="Response Time (Hours)", config_parameter=PREFIX + "response_hours", default=1
    )
    complaint_reply_hours = fields.Integer(
        string="Reply Time (Hours)", config_parameter=PREFIX + "reply_hours", default=24
    )
    complaint_solution_days = fields.Integer(
        string="Proposed Solution (Working Days)",
        config_parameter=PREFIX + "solution_days",
        default=3,
    )
    complaint_days_class1 = fields.Integer(
        string="Resolution of Class 1 (Working Days)",
        config_parameter=PREFIX + "days_class1",
        default=1,
    )
    complaint_days_class2 = fields.Integer(
        string="Resolution of Class 2 (Working Days)",
        config_parameter=PREFIX + "days_class2",
        default=3,
    )
    complaint_days_class3 = fields.Integer(
        string="Resolution of Class 3 (Working Days)",
        config_parameter=PREFIX + "days_class3",
        default=5,
    )
    complaint_days_demand = fields.Integer(
        string="Resolution of a Demand (Working Days)",
        config_parameter=PREFIX + "days_demand",
        default=5,
    )
    complaint_days_escalated = fields.Integer(
        string="Resolution of an Escalated Complaint (Working Days)",
        config_parameter=PREFIX + "days_escalated",
        default=15,
    )
    complaint_suspension_amount = fields.Float(
        string="Purchase Suspending the Deadline From (Yuan)",
        config_parameter=PREFIX + "suspension_amount",
        default=5000.0,
    )
    complaint_suspension_approval = fields.Boolean(
        string="Manager Approves Suspensions",
        config_parameter=PREFIX + "suspension_approval",
    )
    # On by default: a company field, since a False boolean parameter reads as unset
    complaint_class1_notify = fields.Boolean(
        related="company_id.property_complaint_class1_notify", readonly=False
    )

    # Callbacks (C15)
    property_complaint_callback_days_class1 = fields.Integer(
        string="Callback Days (Class 1)",
        config_parameter=PREFIX + "callback_days_class1",
        default=7,
    )
    property_complaint_callback_days_other = fields.Integer(
        string="Callback Days (Other Classes)",
        config_parameter=PREFIX + "callback_days_other",
        default=14,
    )

    # Satisfaction-survey comments (C28)
    complaint_survey_forward_days = fields.Integer(
        string="Forward to the Department (Working Days)",
        config_parameter=PREFIX + "survey_forward_days",
        default=2,
    )
    complaint_survey_answer_days = fields.Integer(
        string="Written Measures (Working Days)",
        config_parameter=PREFIX + "survey_answer_days",
        default=3,
        help="Working days after the comment is forwarded.",
    )
    complaint_survey_callback_days = fields.Integer(
        string="Signed Callback (Days)",
        config_parameter=PREFIX + "survey_callback_days",
        default=14,
    )
