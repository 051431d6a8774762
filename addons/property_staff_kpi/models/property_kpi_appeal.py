from odoo import api, fields, models

DECISIONS = [("pending", "Pending"), ("upheld", "Upheld"), ("rejected", "Rejected")]


class PropertyKpiAppeal(models.Model):
    """An employee's appeal of a submitted assessment (K12, issue #23), decided on the
    suite's approval mechanism (rules: data/property_approval_rule_data.xml) by the
    level above the approver: a scoring manager of the company who is neither the
    assessor, the approver nor the employee (when the company has none, the
    approver's own manager). Upheld, the assessment goes back to the assessor with
    the employee's comment; rejected, it stays as submitted. Kept as the
    assessment's history; written only by the actions."""

    _name = "property.kpi.appeal"
    _description = "Assessment Appeal"
    _inherit = ["property.approval.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_appeal desc, id desc"
    _internal_flag = "property_kpi_action"
    _property_keep = True

    assessment_id = fields.Many2one(
        "property.kpi.assessment",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    employee_id = fields.Many2one(
        related="assessment_id.employee_id", store=True, string="Employee"
    )
    employee_user_id = fields.Many2one(
        related="assessment_id.employee_user_id", store=True, string="Employee User"
    )
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, string="Company"
    )
    date_month = fields.Date(related="assessment_id.date_month", string="Month")
    comment = fields.Text(string="Employee's Comment", required=True, readonly=True)
    date_appeal = fields.Datetime(string="Appealed On", readonly=True)
    appealed_user_id = fields.Many2one(
        "res.users",
        string="Appealed Approver",
        readonly=True,
        help="The approver whose assessment is appealed: never a reviewer of it.",
    )
    reviewer_user_ids = fields.Many2many(
        "res.users",
        string="Decided By Any Of",
        compute="_compute_reviewer_user_ids",
    )
    decision = fields.Selection(
        DECISIONS, compute="_compute_decision", store=True, index=True
    )
    decision_comment = fields.Text(compute="_compute_decided")
    decided_user_id = fields.Many2one(
        "res.users", string="Decided By", compute="_compute_decided"
    )

    @api.depends("assessment_id", "appealed_user_id")
    def _compute_reviewer_user_ids(self):
        managers = self.env.ref("property_staff_kpi.group_kpi_manager").sudo().users
        for appeal in self:
            assessment = appeal.sudo().assessment_id
            company = assessment.company_id
            involved = (
                assessment.employee_user_id
                | assessment.assessor_user_id
                | assessment.approver_user_id
                | appeal.sudo().appealed_user_id
            )
            reviewers = managers.filtered(
                lambda user, company=company: (
                    not user.share and (not company or company in user.company_ids)
                )
            )
            reviewers -= involved
            if not reviewers:
                # the level above the approver: the approver's own manager
                approver = appeal.sudo().appealed_user_id
                reviewers = approver.employee_ids.parent_id.user_id - involved
            appeal.reviewer_user_ids = reviewers

    @api.depends("approval_state")
    def _compute_decision(self):
        for appeal in self:
            appeal.decision = {"approved": "upheld", "refused": "rejected"}.get(
                appeal.approval_state, "pending"
            )

    @api.depends("approval_state")
    def _compute_decided(self):
        for appeal in self:
            decided = (
                appeal.sudo()
                ._approval_reviews()
                .filtered(lambda r: r.state in ("approved", "refused"))[-1:]
            )
            appeal.decision_comment = decided.comment
            appeal.decided_user_id = decided.reviewer_id

    @api.depends("assessment_id")
    def _compute_display_name(self):
        for appeal in self:
            appeal.display_name = self.env._(
                "Appeal: %(assessment)s",
                assessment=appeal.sudo().assessment_id.display_name,
            )

    # ------------------------------------------------------------------ approval
    def _approval_company(self):
        self.ensure_one()
        return self.sudo().company_id

    def _approval_close_todos(self):
        # the other reviewers' to-dos of a decided appeal
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])

    def _approval_approved(self):
        """Upheld: the assessment goes back to its assessor with the comment."""
        self._approval_close_todos()
        for appeal in self.sudo():
            assessment = appeal.assessment_id
            assessment.message_post(
                body=self.env._(
                    "Appeal upheld: the assessment goes back to the assessor. The "
                    "employee's comment: %(comment)s",
                    comment=appeal.comment,
                ),
                partner_ids=assessment.assessor_user_id.partner_id.ids,
            )
            if assessment.state == "submitted":
                assessment._set_state("draft")
            else:
                assessment._activity_update()

    def _approval_refused(self, comment):
        """Rejected: the assessment stays as submitted."""
        self._approval_close_todos()
        for appeal in self.sudo():
            appeal.assessment_id.message_post(
                body=self.env._(
                    "Appeal rejected: the assessment stands. %(comment)s",
                    comment=comment or "",
                ),
                partner_ids=appeal.employee_user_id.partner_id.ids,
            )
            appeal.assessment_id._activity_update()
