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
    date_department_answer = fields.Datetime(
        string="Answered On", readonly=True, copy=False
    )
    department_answer_user_id = fields.Many2one(
        "res.users", string="Answered By", readonly=True, copy=False
    )

    # ------------------------------------------------------------------
    # Online complaints (C27)
    # ------------------------------------------------------------------
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
                        "Only the head of the department complained about or customer "
                        "service can record its answer."
                    )
                )
            if (
                not (complaint.department_answer_facts or "").strip()
                or not (complaint.department_answer_measures or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "The written answer of %(number)s needs the facts and the "
                        "planned measures.",
                        number=complaint.name,
                    )
                )

        self._run_handling_step(
            {
                "date_department_answer": fields.Datetime.now(),
                "department_answer_user_id": user.id,
            },
            check,
            may_handle=False,
        )
        # the head's to-do is done
        self._activity_update()
        return True
