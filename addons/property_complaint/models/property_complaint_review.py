from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class PropertyComplaintReview(models.Model):
    """Internal review of the solution of a major escalated complaint (C12,
    客户投诉解决方案内部评审), organised by the project management centre with the
    quality centre's advice.

    Workflow: draft → advised (the quality centre records its advice) → approved or
    refused by the project management centre, by someone other than the one who gave
    the advice. The state and the fields of the advice and of the decision are set only
    by these actions."""

    _name = "property.complaint.review"
    _description = "Complaint Solution Review"
    # the advice and the decision are the levels of the suite's approval mechanism
    # (rules: data/property_approval_rule_data.xml)
    _inherit = ["mail.thread", "property.approval.mixin"]
    _order = "id desc"
    _internal_flag = "property_complaint_review_action"
    _property_create_fields = frozenset({"complaint_id"})

    complaint_id = fields.Many2one(
        "property.complaint",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    name = fields.Char(related="complaint_id.name")
    site_id = fields.Many2one(related="complaint_id.site_id", store=True)
    company_id = fields.Many2one(related="complaint_id.company_id", store=True)
    organiser_id = fields.Many2one(
        "res.users",
        string="Organised By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    date_review = fields.Date(string="Review Date", default=fields.Date.context_today)
    participants = fields.Text()
    solution = fields.Text(string="Reviewed Solution", required=True, tracking=True)
    quality_advice = fields.Text(
        string="Quality Centre's Advice", readonly=True, tracking=True
    )
    advice_user_id = fields.Many2one(
        "res.users", string="Advice Given By", readonly=True, copy=False, tracking=True
    )
    date_advice = fields.Datetime(string="Advice Given On", readonly=True, copy=False)
    conclusion = fields.Text(tracking=True)
    decision_user_id = fields.Many2one(
        "res.users", string="Decided By", readonly=True, copy=False, tracking=True
    )
    date_decision = fields.Datetime(string="Decided On", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("advised", "Quality Advice Given"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )

    # ------------------------------------------------------------------ integrity
    # (property.integrity.mixin: the read-only fields above, the state and the fields
    # of the advice and of the decision, are written only by the actions below; a
    # client gives the complaint when it creates a review, never changes it after)
    def _property_locked(self):
        return self.filtered(lambda review: review.state in ("approved", "rejected"))

    def _property_lock_message(self):
        return self.env._("A decided solution review cannot be changed.")

    def write(self, vals):
        if (
            "solution" in vals
            and not self._property_is_internal()
            and any(review.state != "draft" for review in self)
        ):
            raise UserError(
                self.env._(
                    "The solution of a review cannot change once the quality centre "
                    "has given its advice; request a new review."
                )
            )
        return super().write(vals)

    def _write_action(self, vals):
        return self.sudo()._property_internal().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        # the quality centre's advice, then the project management centre's decision
        reviews._approval_request()
        return reviews

    def _approval_activity_record(self):
        return self.complaint_id

    def _approval_approved(self):
        self._write_action(
            {
                "state": "approved",
                "decision_user_id": self.env.user.id,
                "date_decision": fields.Datetime.now(),
            }
        )
        for review in self:
            review.complaint_id.message_post(
                body=self.env._(
                    "Solution review approved: %(solution)s", solution=review.solution
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _approval_refused(self, comment):
        self._write_action(
            {
                "state": "rejected",
                "decision_user_id": self.env.user.id,
                "date_decision": fields.Datetime.now(),
            }
        )

    # ------------------------------------------------------------------ actions
    def _check_group(self, xmlid, message):
        if not self.env.su and not self.env.user.has_group(xmlid):
            raise AccessError(message)

    def action_record_advice(self, advice=None):
        """The quality centre records its advice (mandatory text) on a draft review."""
        self._check_group(
            "property_complaint.group_complaint_quality",
            self.env._(
                "Only the quality centre gives its advice on a solution review."
            ),
        )
        if not isinstance(advice, str) or not advice.strip():
            raise UserError(self.env._("Write the quality centre's advice."))
        self._property_check_input({"quality_advice": advice})
        for review in self:
            if review.state != "draft":
                raise UserError(
                    self.env._(
                        "The quality centre's advice is given on a draft review only."
                    )
                )
        self._approval_decide(True, advice.strip())
        self._write_action(
            {
                "quality_advice": advice.strip(),
                "advice_user_id": self.env.user.id,
                "date_advice": fields.Datetime.now(),
                "state": "advised",
            }
        )
        return True

    def _decide(self, state):
        self._check_group(
            "property_complaint.group_complaint_pmc",
            self.env._(
                "Only the project management centre decides on a solution review."
            ),
        )
        for review in self:
            if review.state != "advised":
                raise UserError(
                    self.env._(
                        "Record the quality centre's advice before deciding on the "
                        "review."
                    )
                    if review.state == "draft"
                    else self.env._("This solution review is already decided.")
                )
            if review.advice_user_id == self.env.user and not self.env.su:
                raise UserError(
                    self.env._(
                        "The one who gave the quality centre's advice cannot also "
                        "decide on the review."
                    )
                )
        self._approval_decide(state == "approved")

    def action_approve(self):
        self._decide("approved")
        return True

    def action_reject(self):
        self._decide("rejected")
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if any(review.state != "draft" for review in self):
            raise UserError(self.env._("Only a draft solution review can be deleted."))
