from odoo import models
from odoo.exceptions import AccessError, UserError

from odoo.addons.property_base.tools import INTERNAL, is_internal


class PropertyComplaintAccessMixin(models.AbstractModel):
    """Who may change what on a complaint: the fields only its actions write, the
    handler's fields, the closed lock, and the common frame of its actions."""

    _name = "property.complaint.access.mixin"
    _description = "Complaint: Access"

    def _action_only_fields(self):
        """Fields that only the ``action_*`` methods (and the dispatch wizard) change;
        other addons add theirs."""
        return {
            "department_id",
            "handler_id",
            "validity",
            "date_accepted",
            "date_resolved",
            "date_closed",
            "date_result_communicated",
            "result_user_id",
            "date_department_answer",
            "department_answer_user_id",
            "date_department_notified",
            "fact_unresolved_month",
            "date_class1_notified",
            "date_customer_contacted",
            "date_replied",
            "date_investigated",
            "date_solution_proposed",
            "date_solution_started",
            "suspension_state",
            "date_suspended",
            "resolution_extra_days",
            "is_escalated",
            "date_escalated",
            "is_second_complaint",
            "parent_complaint_id",
            "is_survey_comment",
            "survey_forward_deadline",
            "survey_answer_deadline",
            "survey_callback_deadline",
            "date_receipt_notified",
            "notified_transfer_id",
            "date_result_notified",
            "notified_callback_id",
            "group_id",
            "merged_into_id",
        }

    def _property_owned_fields(self):
        return super()._property_owned_fields() | self._action_only_fields()

    def _property_owned_message(self, names):
        return self.env._(
            "Use the buttons of the complaint to change: %(fields)s.",
            fields=self._property_field_labels(names),
        )

    def _property_locked(self):
        return self.filtered("is_closed")

    def _property_lock_message(self):
        return self.env._(
            "Complaint %(number)s is closed and read-only; a manager can reopen it if "
            "needed.",
            number=self.name,
        )

    def _property_unlocked_fields(self):
        return super()._property_unlocked_fields() | self._closed_writable_fields()

    def _property_finished(self):
        return self.filtered("is_closed")

    def _handler_writable_fields(self):
        """Fields a department handler (not customer service) may change."""
        return {
            "resolution",
            "evidence_attachment_ids",
            "department_answer_facts",
            "department_answer_measures",
            "investigation",
            "cause_analysis",
            "proposed_solution",
            "message_main_attachment_id",
            "color",
        }

    def _closed_writable_fields(self):
        """Fields that may still change on a closed complaint (chatter bookkeeping)."""
        return {
            "message_main_attachment_id",
            "active",
            "color",
            "is_typical_case",
            "case_analysis",
        }

    def write(self, vals):
        # input guard, owned fields and the closed lock: property.integrity.mixin
        if is_internal(self.env, "property_complaint_action"):
            vals = self._state_and_stage_vals(vals)
        elif "stage_id" in vals:
            # a card moved on the board (or the stage written by a client)
            vals = dict(vals)
            stage = self.env["property.complaint.stage"].browse(vals.pop("stage_id"))
            if vals:
                self.write(vals)
            return self._move_to_stage(stage)
        if not is_internal(self.env, "property_complaint_action"):
            if not self.env.su and not self.env.user.has_group(
                "property_complaint.group_complaint_agent"
            ):
                refused = set(vals) - self._handler_writable_fields()
                if refused:
                    labels = ", ".join(
                        self._fields[f].get_description(self.env)["string"]
                        for f in refused
                    )
                    raise AccessError(
                        self.env._(
                            "Only customer service can change the registration: "
                            "%(fields)s.",
                            fields=labels,
                        )
                    )
            if {"class_override", "class_override_reason"} & vals.keys():
                self._check_group("property_complaint.group_complaint_manager")
        self._prepare_contact_vals(vals)
        # no notification here: the to-dos follow the actions, and the registration
        # fields they depend on through the integrity layer's post-write hook
        # (see activity.py, _property_activity_fields)
        return super().write(vals)

    def _write_action(self, vals):
        return self.with_context(property_complaint_action=INTERNAL).write(vals)

    def _run_handling_step(self, vals, check=None, group=None, may_handle=True):
        """The common frame of a handling step: the right of ``group`` (when given),
        the complaints still open, the user allowed to handle each of them (when
        ``may_handle``), the step's own ``check`` of each complaint (a function that
        raises ``UserError``), then ``vals`` written as an action."""
        if group:
            self._check_group(group)
        self._check_open()
        for complaint in self:
            if may_handle:
                complaint._check_may_handle()
            if check:
                check(complaint)
        self._write_action(vals)
        return True

    # ------------------------------------------------------------------
    # Rights
    # ------------------------------------------------------------------
    def _check_group(self, xmlid):
        if not self.env.su and not self.env.user.has_group(xmlid):
            group = self.env.ref(xmlid)
            raise AccessError(
                self.env._(
                    "Only the group %(group)s can do this.", group=group.full_name
                )
            )

    def _check_open(self):
        closed = self.filtered("is_closed")
        if closed:
            raise UserError(
                self.env._(
                    "Complaint %(number)s is closed; a manager must reopen it first.",
                    number=closed[0].name,
                )
            )

    def _check_may_handle(self):
        user = self.env.user
        if self.env.su or user.has_group("property_complaint.group_complaint_agent"):
            return
        if (
            self.handler_id == user
            or user.sudo().employee_ids.department_id & self.department_id
        ):
            return
        raise AccessError(
            self.env._(
                "Only customer service or the handler can do this on %(number)s.",
                number=self.name,
            )
        )
