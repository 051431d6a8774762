from odoo import fields, models
from odoo.exceptions import AccessError, UserError


class PropertyComplaintOnlineMixin(models.AbstractModel):
    """Online complaints (C27): the department complained about answers in writing."""

    _name = "property.complaint.online.mixin"
    _description = "Complaint: Online Complaints"

    # ------------------------------------------------------------------
    # Online complaints (C27)
    # ------------------------------------------------------------------
    date_department_notified = fields.Datetime(
        string="Department Head Notified On", readonly=True, copy=False
    )
    department_answer_facts = fields.Text(string="Facts (Department's Answer)")
    department_answer_measures = fields.Text(string="Planned Measures")
    date_department_answer = fields.Datetime(string="Answered On", readonly=True, copy=False)
    department_answer_user_id = fields.Many2one(
        "res.users", string="Answered By", readonly=True, copy=False
    )

    # ------------------------------------------------------------------
    # Online complaints (C27)
    # ------------------------------------------------------------------
    def _notify_department_head(self):
        """Notify at once the head of the department complained about of an online
        complaint, with an activity asking for the written answer."""
        to_notify = self.filtered(
            lambda c: c.is_online and c.complained_department_id and not c.date_department_notified
        )
        if not to_notify:
            return
        activity_type = self.env.ref("property_complaint.mail_activity_type_complaint_answer")
        for complaint in to_notify:
            head = complaint.complained_department_id.manager_id.user_id
            if head:
                complaint.activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=head.id,
                    summary=self.env._(
                        "Online complaint %(number)s: answer in writing", number=complaint.name
                    ),
                    note=self.env._(
                        "Your department is the subject of an online complaint. Record the "
                        "facts and the planned measures on the complaint."
                    ),
                )
                complaint.message_subscribe(partner_ids=head.partner_id.ids)
            else:
                complaint.message_post(
                    body=self.env._(
                        "The department %(department)s has no head with a user account to "
                        "notify of this online complaint.",
                        department=complaint.complained_department_id.name,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        to_notify._write_action({"date_department_notified": fields.Datetime.now()})

    def action_record_department_answer(self):
        """The department complained about answers in writing (C27)."""
        user = self.env.user

        def check(complaint):
            head = complaint.complained_department_id.manager_id.user_id
            if not (
                self.env.su
                or user == head
                or user.has_group("property_complaint.group_complaint_agent")
            ):
                raise AccessError(
                    self.env._(
                        "Only the head of the department complained about or customer service "
                        "can record its answer."
                    )
                )
            if (
                not (complaint.department_answer_facts or "").strip()
                or not (complaint.department_answer_measures or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "The written answer of %(number)s needs the facts and the planned "
                        "measures.",
                        number=complaint.name,
                    )
                )

        self._run_handling_step(
            {"date_department_answer": fields.Datetime.now(), "department_answer_user_id": user.id},
            check,
            may_handle=False,
        )
        self.activity_feedback(["property_complaint.mail_activity_type_complaint_answer"])
        return True
