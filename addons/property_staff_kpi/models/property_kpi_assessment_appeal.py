from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

# the employee's side of a submitted assessment (issue #23)
EMPLOYEE_STATUS = [
    ("to_sign", "To Sign"),
    ("signed", "Signed"),
    ("appealed", "Appealed"),
    ("upheld", "Appeal Upheld"),
    ("rejected", "Appeal Rejected"),
]


class PropertyKpiAssessmentAppealMixin(models.AbstractModel):
    """The employee reads the submitted assessment and signs it, or appeals it with a
    comment within the company's days after the submission (K12, issue #23). An
    appeal (``property.kpi.appeal``) is decided on the suite's approval mechanism by
    the level above the approver: the scoring managers of the company, never the
    assessor, the approver or the employee. Upheld, the assessment goes back to the
    assessor with the employee's comment; rejected, it stays. One appeal per
    assessment: a decided appeal closes the matter."""

    _name = "property.kpi.assessment.appeal.mixin"
    _description = "Assessment: Employee Sign-off and Appeal"

    date_submitted = fields.Datetime(
        string="Submitted On", readonly=True, copy=False, tracking=True
    )
    signed_date = fields.Datetime(
        string="Signed On", readonly=True, copy=False, tracking=True
    )
    signed_user_id = fields.Many2one(
        "res.users", string="Signed By", readonly=True, copy=False
    )
    appeal_ids = fields.One2many(
        "property.kpi.appeal", "assessment_id", string="Appeals", readonly=True
    )
    appeal_deadline = fields.Datetime(
        compute="_compute_appeal_deadline",
        store=True,
        help="The employee may appeal until then (the company's appeal days after "
        "the submission).",
    )
    employee_status = fields.Selection(
        EMPLOYEE_STATUS,
        string="Employee's Sign-off",
        compute="_compute_employee_status",
        store=True,
        index=True,
    )
    can_sign = fields.Boolean(compute="_compute_can_sign")
    can_appeal = fields.Boolean(compute="_compute_can_sign")
    waits_for_employee = fields.Boolean(
        string="Waiting for the Employee",
        compute="_compute_waits_for_employee",
        help="Submitted, and the employee has neither signed it, nor had an appeal "
        "decided, nor let their days to appeal pass: the approver confirms later.",
    )

    @api.depends("date_submitted", "company_id.property_staff_kpi_appeal_days")
    def _compute_appeal_deadline(self):
        for assessment in self:
            days = assessment.sudo().company_id.property_staff_kpi_appeal_days
            assessment.appeal_deadline = (
                assessment.date_submitted + timedelta(days=days)
                if assessment.date_submitted
                else False
            )

    @api.depends("state", "signed_date", "appeal_ids.decision")
    def _compute_employee_status(self):
        for assessment in self:
            decisions = set(assessment.sudo().appeal_ids.mapped("decision"))
            if "pending" in decisions:
                status = "appealed"
            elif assessment.signed_date:
                status = "signed"
            elif "rejected" in decisions:
                status = "rejected"
            elif "upheld" in decisions and assessment.state == "draft":
                status = "upheld"
            elif assessment.state in ("submitted", "confirmed"):
                status = "to_sign"
            else:
                status = False
            assessment.employee_status = status

    @api.depends("state", "signed_date", "appeal_ids", "appeal_deadline")
    @api.depends_context("uid")
    def _compute_can_sign(self):
        now = fields.Datetime.now()
        for assessment in self:
            sudo = assessment.sudo()
            mine = sudo.employee_user_id == self.env.user
            assessment.can_sign = mine and assessment._appeal_signable()
            assessment.can_appeal = (
                mine
                and assessment._appeal_signable()
                and assessment.state == "submitted"
                and not sudo.appeal_ids
                and bool(sudo.appeal_deadline)
                and now <= sudo.appeal_deadline
            )

    @api.depends("state", "signed_date", "appeal_ids.decision", "appeal_deadline")
    def _compute_waits_for_employee(self):
        now = fields.Datetime.now()
        for assessment in self:
            assessment.waits_for_employee = assessment._waits_for_employee(now)

    def _waits_for_employee(self, now):
        """Whether the approver must still wait for the employee (issue #23): a
        submitted assessment that they have not signed, with no decided appeal of
        theirs, within their days to appeal."""
        self.ensure_one()
        sudo = self.sudo()
        return bool(
            self.state == "submitted"
            and not sudo.signed_date
            and not sudo.appeal_ids.filtered(lambda a: a.decision != "pending")
            and sudo.appeal_deadline
            and now <= sudo.appeal_deadline
        )

    def _appeal_signable(self):
        """Not signed yet, submitted or confirmed, and no appeal waiting."""
        self.ensure_one()
        sudo = self.sudo()
        return (
            self.state in ("submitted", "confirmed")
            and not sudo.signed_date
            and not sudo.appeal_ids.filtered(lambda a: a.decision == "pending")
        )

    def _appeal_wants_sign_todo(self):
        """The employee's to-do "read and sign" (``_activity_update()``): while the
        assessment waits for the signature and was not appealed."""
        self.ensure_one()
        decisions = set(self.sudo().appeal_ids.mapped("decision"))
        return self._appeal_signable() and not decisions & {"pending", "rejected"}

    # ------------------------------------------------------------------ checks
    def _check_is_employee(self):
        for assessment in self:
            if assessment.sudo().employee_user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only the employee assessed in %(name)s signs or appeals it.",
                        name=assessment.display_name,
                    )
                )

    def _check_no_open_appeal(self):
        for assessment in self:
            if assessment.sudo().appeal_ids.filtered(lambda a: a.decision == "pending"):
                raise UserError(
                    self.env._(
                        "%(name)s is appealed: the scoring managers decide the appeal "
                        "first.",
                        name=assessment.display_name,
                    )
                )

    def _check_employee_had_their_say(self):
        """The approver confirms once the employee has signed, an appeal of theirs
        was decided, or their days to appeal are over (issue #23). Server code
        (superuser: data files, scheduled actions) is not held."""
        if self.env.su:
            return
        now = fields.Datetime.now()
        for assessment in self:
            if not assessment._waits_for_employee(now):
                continue
            raise UserError(
                self.env._(
                    "%(name)s waits for the employee: confirm it once they have "
                    "signed it, or after %(deadline)s, when their days to appeal are "
                    "over.",
                    name=assessment.display_name,
                    deadline=format_datetime(
                        self.env, assessment.sudo().appeal_deadline
                    ),
                )
            )

    # ------------------------------------------------------------------ workflow
    def _set_state(self, state):
        # a submission starts the employee's days to appeal; its signature is the
        # employee's word on what was submitted, not on an earlier version
        if state == "submitted":
            self._property_internal().sudo().write(
                {
                    "date_submitted": fields.Datetime.now(),
                    "signed_date": False,
                    "signed_user_id": False,
                }
            )
        return super()._set_state(state)

    def action_confirm(self):
        self._check_no_open_appeal()
        self._check_employee_had_their_say()
        return super().action_confirm()

    def action_send_back(self):
        self._check_no_open_appeal()
        return super().action_send_back()

    # ------------------------------------------------------------------ actions
    def action_sign(self):
        """The employee has read the assessment and signs it."""
        self._check_is_employee()
        for assessment in self:
            if not assessment._appeal_signable():
                raise UserError(
                    self.env._(
                        "%(name)s cannot be signed now: it is signed already, not "
                        "submitted yet, or its appeal is being decided.",
                        name=assessment.display_name,
                    )
                )
        self._property_internal().sudo().write(
            {"signed_date": fields.Datetime.now(), "signed_user_id": self.env.user.id}
        )
        self._activity_update()
        return True

    def action_appeal(self, comment=None):
        """The employee appeals the submitted assessment with a comment, within the
        company's days after the submission; the level above the approver decides."""
        self._check_is_employee()
        comment = (comment or "").strip()
        if not comment:
            raise UserError(
                self.env._("An appeal needs your comment: say what is wrong.")
            )
        now = fields.Datetime.now()
        for assessment in self:
            sudo = assessment.sudo()
            if sudo.appeal_ids:
                raise UserError(
                    self.env._(
                        "%(name)s was appealed already: an assessment is appealed "
                        "once.",
                        name=assessment.display_name,
                    )
                )
            if assessment.state != "submitted" or sudo.signed_date:
                raise UserError(
                    self.env._(
                        "Only a submitted assessment that you have not signed can be "
                        "appealed."
                    )
                )
            if not sudo.appeal_deadline or now > sudo.appeal_deadline:
                raise UserError(
                    self.env._(
                        "The days to appeal %(name)s are over: an appeal is made "
                        "within %(days)s days of the submission.",
                        name=assessment.display_name,
                        days=sudo.company_id.property_staff_kpi_appeal_days,
                    )
                )
        Appeal = self.env["property.kpi.appeal"]._property_internal().sudo()
        appeals = Appeal.create(
            [
                {
                    "assessment_id": assessment.id,
                    "comment": comment,
                    "date_appeal": now,
                    "appealed_user_id": assessment.sudo().approver_user_id.id,
                }
                for assessment in self
            ]
        )
        # the request is the employee's (sudo keeps the user): nobody decides their
        # own request
        appeals._approval_request()
        self._activity_update()
        return True

    def action_open_appeal(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Appeal the Assessment"),
            "res_model": "property.kpi.appeal.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_assessment_id": self.id},
        }
