from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty


class PropertyComplaintClosingMixin(models.AbstractModel):
    """Resolution, result to the customer (C14, C24), closing (C18) and reopening."""

    _name = "property.complaint.closing.mixin"
    _description = "Complaint: Result and Closing"

    # ------------------------------------------------------------------
    # Resolution and result to the customer (C14, C24)
    # ------------------------------------------------------------------
    resolution = fields.Html(help="Investigation, cause and what was done.")
    date_resolved = fields.Datetime(string="Resolved On", readonly=True, copy=False)
    result_summary = fields.Text(
        string="Result", help="The result, as told to the customer."
    )
    result_solution = fields.Text(string="Solution")
    result_prevention = fields.Text(
        string="Recurrence Prevention", help="How a recurrence will be avoided."
    )
    result_method = fields.Selection(
        [
            ("phone", "Phone"),
            ("visit", "Visit"),
            ("letter", "Letter"),
            ("sms", "SMS"),
            ("email", "Email"),
            ("online", "Online / App / WeChat"),
        ],
        string="Communicated By",
    )
    date_result_communicated = fields.Datetime(
        string="Result Communicated On", readonly=True, copy=False, tracking=True
    )
    result_user_id = fields.Many2one(
        "res.users", string="Result Communicated By", readonly=True, copy=False
    )
    date_closed = fields.Datetime(
        string="Closed On", readonly=True, copy=False, tracking=True
    )

    def action_submit_resolution(self):
        """The handler has recorded the resolution: the result is to be communicated."""
        self._check_open()
        for complaint in self:
            complaint._check_may_handle()
            if complaint.state not in ("new", "progress"):
                raise UserError(
                    self.env._(
                        "Complaint %(number)s is not in progress.",
                        number=complaint.name,
                    )
                )
            if not complaint._has_resolution():
                raise UserError(
                    self.env._(
                        "Record the resolution of %(number)s first.",
                        number=complaint.name,
                    )
                )
        self._accept()
        self._write_action(
            {
                "state": "feedback",
                "date_resolved": fields.Datetime.now(),
            }
        )
        # the handler's to-do is done
        self._activity_update()
        return True

    def _has_resolution(self):
        self.ensure_one()
        return not is_html_empty(self.resolution)

    def _result_missing(self):
        """Names of the missing parts of the result message (C14, C24)."""
        self.ensure_one()
        labels = []
        for fname in (
            "result_summary",
            "result_solution",
            "result_prevention",
            "result_method",
        ):
            if not (self[fname] or "").strip():
                labels.append(self._fields[fname].get_description(self.env)["string"])
        return labels

    def action_communicate_result(self):
        """The result was given to the customer (C14): result, solution and recurrence
        prevention (C24), how; when and by whom are recorded."""
        self._check_group("property_complaint.group_complaint_agent")
        self._check_open()
        for complaint in self:
            if not complaint._has_resolution():
                raise UserError(
                    self.env._(
                        "Record the resolution of %(number)s first.",
                        number=complaint.name,
                    )
                )
            missing = complaint._result_missing()
            if missing:
                raise UserError(
                    self.env._(
                        "The result message of %(number)s needs: %(fields)s.",
                        number=complaint.name,
                        fields=", ".join(missing),
                    )
                )
        now = fields.Datetime.now()
        vals = {
            "date_result_communicated": now,
            "result_user_id": self.env.user.id,
            "state": "callback",
        }
        self.filtered(lambda c: not c.date_resolved)._write_action(
            {"date_resolved": now}
        )
        self._write_action(vals)
        self._schedule_callbacks()
        self._activity_update()
        # the complainant receives the result, then the invitation to rate
        self._notify_customer("result")
        self._notify_customer("callback")
        return True

    def _schedule_callbacks(self):
        """The result was given: the callback is due (C15)."""
        pending = self.filtered(lambda c: c.callback_state != "todo")
        Callback = self.env["property.complaint.callback"].sudo()
        callbacks = Callback.create(Callback._prepare_for_complaints(pending))
        # the agent's to-do to call back
        callbacks._activity_update()

    def _get_close_blockers(self):
        """Translated names of the conditions still missing to close (C18); other
        addons add theirs."""
        self.ensure_one()
        blockers = []
        if not self._has_resolution():
            blockers.append(self.env._("the resolution is not recorded"))
        if not self.date_result_communicated:
            blockers.append(
                self.env._("the result has not been communicated to the customer")
            )
        if self.kind == "complaint":
            if self.validity == "pending":
                blockers.append(
                    self.env._("the validity of the complaint is not verified")
                )
            elif self.validity == "valid" and not self.responsible_department_id:
                blockers.append(self.env._("the responsible department is not named"))
            if self.staff_at_fault and not self.responsible_employee_ids:
                blockers.append(self.env._("the responsible employees are not named"))
            if self.date_department_notified and not self.date_department_answer:
                blockers.append(
                    self.env._(
                        "the written answer of the department complained about is "
                        "missing"
                    )
                )
        if self.callback_state not in ("done", "exempted"):
            blockers.append(self.env._("the callback is neither done nor exempted"))
        return blockers

    def action_close(self):
        """Close (结案) the complaint when every condition of C18 is met."""
        self._check_group("property_complaint.group_complaint_agent")
        self._check_open()
        for complaint in self:
            blockers = complaint._get_close_blockers()
            if blockers:
                raise UserError(
                    self.env._(
                        "Complaint %(number)s cannot be closed yet:\n%(blockers)s",
                        number=complaint.name,
                        blockers="\n".join(f"- {b}" for b in blockers),
                    )
                )
        self._write_action({"state": "closed", "date_closed": fields.Datetime.now()})
        # every to-do of the complaint is over
        self._activity_update()
        return True

    def action_reopen(self):
        """Open the reopen wizard (managers only)."""
        self.ensure_one()
        self._check_group("property_complaint.group_complaint_manager")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaint.property_complaint_reopen_action"
        )
        action["context"] = {"default_complaint_id": self.id}
        return action

    def _reopen(self, reason):
        """Reopen closed complaints (managers only), with the reason in the chatter."""
        self._check_group("property_complaint.group_complaint_manager")
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for reopening the complaint."))
        for complaint in self:
            if not complaint.is_closed:
                raise UserError(
                    self.env._(
                        "Complaint %(number)s is not closed.", number=complaint.name
                    )
                )
        self._write_action({"state": "progress", "date_closed": False})
        # handled again: the handler's to-do
        self._activity_update()
        for complaint in self:
            complaint.message_post(
                body=self.env._("Reopened: %(reason)s", reason=reason),
                subtype_xmlid="mail.mt_note",
            )
