from odoo import api, fields, models

from odoo.addons.property_base.tools.date_style import zh_datetime


class PropertyComplaintFollowupMixin(models.AbstractModel):
    """Callback (C15, C16), second complaint (C17) and case library (C20) of a
    complaint."""

    _name = "property.complaint.followup.mixin"
    _description = "Complaint: Follow-up"

    callback_ids = fields.One2many(
        "property.complaint.callback",
        "complaint_id",
        string="Callbacks",
        readonly=True,
        groups="property_complaint.group_complaint_agent",
    )
    callback_state = fields.Selection(
        [("todo", "To Call Back"), ("done", "Called Back"), ("exempted", "Exempted")],
        compute="_compute_callback_state",
        store=True,
        help="State of the latest callback of the complaint.",
    )
    is_callback_satisfied = fields.Boolean(
        string="Satisfied at the Callback",
        compute="_compute_callback_state",
        store=True,
        help="The latest callback is done and its satisfaction level counts as "
        "satisfied; kept on the complaint so that the statistics read no "
        "callback.",
    )
    is_second_complaint = fields.Boolean(
        string="Opened after a Callback",
        readonly=True,
        copy=False,
        index=True,
        help="二次投诉: opened after a dissatisfied callback of an earlier complaint.",
    )
    parent_complaint_id = fields.Many2one(
        "property.complaint",
        string="First Complaint",
        readonly=True,
        copy=False,
        index=True,
        ondelete="restrict",
    )
    second_complaint_ids = fields.One2many(
        "property.complaint",
        "parent_complaint_id",
        string="Second Complaints",
        readonly=True,
    )
    is_typical_case = fields.Boolean(
        string="Typical Case", tracking=True, help="Kept in the case library (案例库)."
    )
    case_analysis = fields.Html()
    publication_topic = fields.Selection(
        [
            ("public_area", "Public Areas"),
            ("public_interest", "Public Interest"),
            ("neighbour", "Neighbour Dispute"),
            ("common", "Common Problem"),
        ],
        string="Publish to Residents",
        tracking=True,
        help="Complaints on these topics are published to the residents every month "
        "(C25), without the complainant's personal data.",
    )

    # Satisfaction-survey comments (C28)
    is_survey_comment = fields.Boolean(
        string="Survey Comment", readonly=True, copy=False
    )
    survey_forward_deadline = fields.Datetime(
        string="Forward to the Department By",
        readonly=True,
        copy=False,
        help="A survey comment reaches the responsible department within 2 working "
        "days.",
    )
    survey_answer_deadline = fields.Datetime(
        string="Written Measures By",
        readonly=True,
        copy=False,
        help="The department answers with written measures within 3 working days.",
    )
    survey_callback_deadline = fields.Date(
        string="Signed Callback By",
        readonly=True,
        copy=False,
        help="A signed callback follows within 2 weeks.",
    )

    @api.depends("callback_ids.state", "callback_ids.is_satisfied")
    def _compute_callback_state(self):
        for complaint in self:
            latest = complaint.callback_ids.sorted("id")[-1:]
            complaint.callback_state = latest.state or False
            complaint.is_callback_satisfied = (
                latest.state == "done" and latest.is_satisfied
            )

    def _report_local_time(self, dt):
        """``dt`` (naive UTC) as local date and time of the site, for the printed
        forms."""
        self.ensure_one()
        if not dt:
            return ""
        return zh_datetime(dt, self.site_id._site_tz())

    def action_view_callbacks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaint.property_complaint_callback_action"
        )
        action["domain"] = [("complaint_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def action_view_second_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaint.property_complaint_action"
        )
        action["domain"] = [("parent_complaint_id", "=", self.id)]
        return action
