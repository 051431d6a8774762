from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # The rule numbers of the complaint register (RULES.md), per company: each
    # default is here and only here; read from the record's company.
    property_complaint_group_threshold = fields.Integer(
        string="Group Complaint From",
        default=5,
        help="Number of customers in all, the complainant and the co-complainants, from "
        "which a complaint is a group complaint (class 1).",
    )
    property_complaint_unresolved_months = fields.Integer(
        string="Class 1 When Unresolved For (Months)", default=1
    )
    property_complaint_class1_notify = fields.Boolean(
        string="Notify Class 1 Complaints at Once",
        default=True,
        help="Notify the service-centre manager and the quality centre as soon as a class 1 "
        "complaint is registered.",
    )
    # dates of a complaint (ours): received at most this many minutes in the future
    # (clocks differ), the matter arisen at most this many years before
    property_complaint_received_future_minutes = fields.Integer(
        string="Received in the Future Up To (Minutes)", default=10
    )
    property_complaint_matter_arose_max_years = fields.Integer(
        string="Matter Arisen At Most (Years Before)", default=10
    )
    property_complaint_response_hours = fields.Integer(string="Response Time (Hours)", default=1)
    property_complaint_reply_hours = fields.Integer(string="Reply Time (Hours)", default=24)
    property_complaint_solution_days = fields.Integer(
        string="Proposed Solution (Working Days)", default=3
    )
    property_complaint_days_class1 = fields.Integer(
        string="Resolution of Class 1 (Working Days)", default=1
    )
    property_complaint_days_class2 = fields.Integer(
        string="Resolution of Class 2 (Working Days)", default=3
    )
    property_complaint_days_class3 = fields.Integer(
        string="Resolution of Class 3 (Working Days)", default=5
    )
    property_complaint_days_demand = fields.Integer(
        string="Resolution of a Demand (Working Days)", default=5
    )
    property_complaint_days_escalated = fields.Integer(
        string="Resolution of an Escalated Complaint (Working Days)", default=15
    )
    property_complaint_suspension_amount = fields.Float(
        string="Purchase Suspending the Deadline From (Yuan)", default=5000.0
    )
    property_complaint_suspension_approval = fields.Boolean(
        string="Manager Approves Suspensions", default=False
    )
    # Callbacks (C15)
    property_complaint_callback_days_class1 = fields.Integer(
        string="Callback Days (Class 1)", default=7
    )
    property_complaint_callback_days_other = fields.Integer(
        string="Callback Days (Other Classes)", default=14
    )
    # Satisfaction-survey comments (C28)
    property_complaint_survey_forward_days = fields.Integer(
        string="Forward to the Department (Working Days)", default=2
    )
    property_complaint_survey_answer_days = fields.Integer(
        string="Written Measures (Working Days)",
        default=3,
        help="Working days after the comment is forwarded.",
    )
    property_complaint_survey_callback_days = fields.Integer(
        string="Signed Callback (Days)", default=14
    )
