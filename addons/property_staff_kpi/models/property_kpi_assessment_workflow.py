from odoo import models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

from .property_kpi_line import PENDING_STATES

_lt = LazyTranslate(__name__)

# the to-dos of the steps of an assessment: {kind: (summary, the assignee's field)}
STEP_TODOS = {
    # the assessor, while the month is scored (draft)
    "score": (_lt("Score the month"), "assessor_user_id"),
    # the assessor, once the approver sent the assessment back (draft again)
    "revise": (_lt("Revise the assessment"), "assessor_user_id"),
    # the approver, while the assessment is submitted
    "confirm": (_lt("Confirm the assessment"), "approver_user_id"),
}
# the employee's to-do, beside the steps' while the assessment waits for the signature
# (property_kpi_assessment_appeal.py)
SIGN_TODO = _lt("Read and sign the assessment")
TODO_TYPE = "mail.mail_activity_data_todo"


class PropertyKpiAssessmentWorkflowMixin(models.AbstractModel):
    """The steps of an assessment (K10, K12, K16): who may take them, the buttons,
    and the one dispatcher of its to-dos, ``_activity_update()``."""

    _name = "property.kpi.assessment.workflow.mixin"
    _description = "Assessment: Workflow and To-dos"

    # ------------------------------------------------------------------ rights
    def _is_kpi_manager(self):
        return self.env.su or self.env.user.has_group(
            "property_staff_kpi.group_kpi_manager"
        )

    def _check_user_of(self, user_field, message):
        """Refuse with ``message`` (which names the assessment as %(name)s) unless the
        user is the ``user_field`` of every assessment, or a manager."""
        for assessment in self:
            if assessment[user_field] != self.env.user and not self._is_kpi_manager():
                raise UserError(message % {"name": assessment.display_name})

    def _check_is_assessor(self):
        self._check_user_of(
            "assessor_user_id",
            self.env._("Only the assessor of %(name)s or a manager may do this."),
        )

    def _check_is_approver(self):
        self._check_user_of(
            "approver_user_id",
            self.env._("Only the approver of %(name)s or a manager may do this."),
        )

    # ------------------------------------------------------------------ to-dos
    def _activity_step_summaries(self):
        """{summary in any installed language: kind} of the steps' to-dos."""
        langs = [code for code, _name in self.env["res.lang"].get_installed()]
        return {
            summary._translate(lang): kind
            for kind, (summary, _field) in STEP_TODOS.items()
            for lang in {"en_US", *langs}
        }

    def _activity_sign_summaries(self):
        """The summaries of the employee's "read and sign" to-do in any installed
        language."""
        langs = [code for code, _name in self.env["res.lang"].get_installed()]
        return {SIGN_TODO._translate(lang) for lang in {"en_US", *langs}}

    def _activity_update(self):
        """The to-dos of these assessments, in one place (anchor: hr_holidays'
        ``activity_update``), in batch: the step's to-do of the assessor (draft) or of
        the approver (submitted), none once confirmed. When an assessment moves on,
        the to-dos of the step it left are done, with the other to-dos of the
        assessment (the dismissal proposed, a to-do scheduled by hand), as a step
        closes its to-dos. An assessment has moved on when a to-do of another step
        is open or its step's to-do is missing. Idempotent: called again, it
        changes nothing. The employee's "read and sign" to-do goes its own way: open
        while the assessment waits for the signature (``_appeal_wants_sign_todo``),
        done once signed or appealed."""
        assessments = self.sudo()
        if not assessments:
            return
        todo_type = self.env.ref(TODO_TYPE)
        kinds = self._activity_step_summaries()
        existing = assessments.activity_ids.filtered(
            lambda a: a.activity_type_id == todo_type
        )
        sign_summaries = self._activity_sign_summaries()
        signs = existing.filtered(lambda a: a.summary in sign_summaries)
        existing -= signs
        to_done = self.env["mail.activity"].sudo()
        to_schedule = []
        for assessment in assessments:
            todos = existing.filtered(lambda a, rec=assessment: a.res_id == rec.id)
            steps = todos.filtered(lambda a: a.summary in kinds)
            if assessment.state == "draft":
                wanted = ("revise", "score")
            elif assessment.state == "submitted":
                wanted = ("confirm",)
            else:
                wanted = ()
            user = assessment[STEP_TODOS[wanted[0]][1]] if wanted else None
            current = steps.filtered(
                lambda a, user=user, wanted=wanted: (
                    a.user_id == user and kinds[a.summary] in wanted
                )
            )
            missing = bool(user) and not current
            if not missing and not steps - current:
                # the step's to-do is there (or has nobody to go to) and no to-do of
                # another step is left: nothing moves
                continue
            # the assessment moved on: the to-dos of the step it left are done
            to_done |= todos
            if user:
                # back to draft from the approver's step: the assessor revises
                sent_back = any(kinds[a.summary] == "confirm" for a in steps)
                kind = "revise" if sent_back and "revise" in wanted else wanted[-1]
                to_schedule.append((assessment, STEP_TODOS[kind][0], user))
        for assessment in assessments:
            mine = signs.filtered(lambda a, rec=assessment: a.res_id == rec.id)
            user = assessment.employee_user_id
            wanted = bool(user) and assessment._appeal_wants_sign_todo()
            kept = mine.filtered(lambda a, user=user: a.user_id == user)[:1]
            if not wanted:
                kept = kept.browse()
            to_done |= mine - kept
            if wanted and not kept:
                to_schedule.append((assessment, SIGN_TODO, user))
        if to_done:
            to_done.action_feedback()
        for assessment, summary, user in to_schedule:
            # in the assignee's language, as the chatter keeps it once done (#19)
            assessment.activity_schedule(
                TODO_TYPE,
                summary=self.with_context(lang=user.lang).env._(summary),
                user_id=user.id,
            )

    # ------------------------------------------------------------------ actions
    def _check_state(self, state, message):
        if any(a.state != state for a in self):
            raise UserError(message)

    def _set_state(self, state):
        """The buttons' write of the state; the to-dos follow (``_activity_update``)."""
        self._property_internal().write({"state": state})
        self._activity_update()

    def action_submit(self):
        self._check_state(
            "draft", self.env._("Only a draft assessment can be submitted.")
        )
        self._check_is_assessor()
        for assessment in self:
            if not assessment.approver_user_id:
                raise UserError(
                    self.env._(
                        "%(name)s has no approver: set who scores whom on the site "
                        "first.",
                        name=assessment.display_name,
                    )
                )
        self._set_state("submitted")
        return True

    def action_send_back(self):
        self._check_state(
            "submitted", self.env._("Only a submitted assessment can be sent back.")
        )
        self._check_is_approver()
        self._set_state("draft")
        return True

    def action_confirm(self):
        self._check_state(
            "submitted", self.env._("Only a submitted assessment can be confirmed.")
        )
        self._check_is_approver()
        if self.line_ids.filtered(lambda line: line.state in PENDING_STATES):
            raise UserError(
                self.env._(
                    "Approve or refuse the proposed lines before confirming the "
                    "assessment."
                )
            )
        self._set_state("confirmed")
        self._update_warnings()
        return True

    def action_approve_lines(self):
        pending = self.line_ids.filtered(lambda line: line.state in PENDING_STATES)
        pending.action_approval_approve()
        return True

    def action_open_correction(self):
        self.ensure_one()
        if self.state != "confirmed":
            raise UserError(
                self.env._(
                    "Only a confirmed assessment is corrected; edit the draft instead."
                )
            )
        if not self._is_kpi_manager():
            raise UserError(
                self.env._("Only a manager may correct a confirmed assessment.")
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Correct the Assessment"),
            "res_model": "property.kpi.correction",
            "view_mode": "form",
            "target": "new",
            "context": {"default_assessment_id": self.id},
        }
