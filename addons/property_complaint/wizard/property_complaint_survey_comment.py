from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError


class PropertyComplaintSurveyComment(models.TransientModel):
    """Register a comment of a satisfaction survey as a demand routed to the responsible
    department (C28): forwarded within 2 working days, written measures within 3 working
    days, a signed callback within 2 weeks (settings)."""

    _name = "property.complaint.survey.comment"
    _description = "Satisfaction-Survey Comment"
    _inherit = ["property.input.mixin"]

    site_id = fields.Many2one(
        "property.site",
        required=True,
        default=lambda self: self.env.user.property_site_ids[:1],
    )
    unit_id = fields.Many2one("property.unit", domain="[('site_id', '=', site_id)]")
    complainant_name = fields.Char(string="Customer")
    date_survey = fields.Datetime(
        string="Comment Received On", required=True, default=fields.Datetime.now
    )
    comment = fields.Text(required=True)
    department_id = fields.Many2one(
        "hr.department", string="Responsible Department", required=True
    )

    def _deadlines(self):
        self.ensure_one()
        company = self.site_id.company_id or self.env.company
        forward_days = company.property_complaint_survey_forward_days
        answer_days = company.property_complaint_survey_answer_days
        callback_days = company.property_complaint_survey_callback_days
        forward = self.site_id._working_day_deadline(self.date_survey, forward_days)
        answer = self.site_id._working_day_deadline(
            self.date_survey, forward_days + answer_days
        )
        callback = self.site_id._local_date(self.date_survey) + timedelta(
            days=callback_days
        )
        return forward, answer, callback

    def action_confirm(self):
        self.ensure_one()
        self.env["property.complaint"]._check_group(
            "property_complaint.group_complaint_agent"
        )
        if not (self.comment or "").strip():
            raise UserError(self.env._("Write the comment of the survey."))
        forward, answer, callback = self._deadlines()
        channel = self.env.ref(
            "property_complaint.channel_survey", raise_if_not_found=False
        )
        demand = self.env["property.complaint"].create(
            {
                "site_id": self.site_id.id,
                "kind": "demand",
                "demand_type": "suggestion",
                "summary": self.comment.strip().splitlines()[0][:80],
                "customer_request": self.comment,
                "channel_id": channel.id if channel else False,
                "unit_id": self.unit_id.id,
                "complainant_name": self.complainant_name,
                "date_received": self.date_survey,
                "department_id": self.department_id.id,
            }
        )
        demand._write_action(
            {
                "is_survey_comment": True,
                "survey_forward_deadline": forward,
                "survey_answer_deadline": answer,
                "survey_callback_deadline": callback,
            }
        )
        # the head of the department answers with written measures: its to-do
        demand._activity_update()
        head = self.department_id.manager_id.user_id
        if head:
            demand.sudo().message_subscribe(partner_ids=head.partner_id.ids)
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.complaint",
            "res_id": demand.id,
            "view_mode": "form",
        }
