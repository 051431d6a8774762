from odoo import fields, models
from odoo.exceptions import UserError


class PropertyComplaintVerdictMixin(models.AbstractModel):
    """The verdict on a complaint (C03) and the responsibility for it (C19)."""

    _name = "property.complaint.verdict.mixin"
    _description = "Complaint: Verdict"

    # ------------------------------------------------------------------
    # Verdict (C03)
    # ------------------------------------------------------------------
    validity = fields.Selection(
        [("pending", "To Verify"), ("valid", "Valid"), ("invalid", "Invalid")],
        required=True,
        default="pending",
        tracking=True,
        readonly=True,
        copy=False,
    )
    validity_reason = fields.Text(string="Verdict Reason")
    customer_explanation = fields.Text(
        string="Explanation to the Customer",
        help="Why the complaint is not valid, as explained to the customer.",
    )

    # ------------------------------------------------------------------
    # Responsibility (C19)
    # ------------------------------------------------------------------
    responsible_department_id = fields.Many2one("hr.department", tracking=True)
    staff_at_fault = fields.Boolean(string="Staff at Fault", tracking=True)
    responsible_employee_ids = fields.Many2many(
        "hr.employee",
        "property_complaint_responsible_employee_rel",
        "complaint_id",
        "employee_id",
        string="Responsible Employees",
    )

    def action_confirm_valid(self):
        """Verdict (C03): the complaint is valid."""
        self._check_group("property_complaint.group_complaint_agent")
        self._check_open()
        for complaint in self:
            if complaint.kind != "complaint" or complaint.validity != "pending":
                raise UserError(
                    self.env._(
                        "Only a complaint still to verify can be confirmed valid "
                        "(%(number)s).",
                        number=complaint.name,
                    )
                )
            if not (complaint.validity_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Record the reason of the verdict on %(number)s.",
                        number=complaint.name,
                    )
                )
        self._write_action({"validity": "valid"})
        return True

    def action_confirm_invalid(self):
        """Verdict (C03): the complaint is not valid; it becomes a demand with the same
        number and history, and the explanation to the customer is recorded."""
        self._check_group("property_complaint.group_complaint_agent")
        self._check_open()
        for complaint in self:
            if complaint.kind != "complaint" or complaint.validity != "pending":
                raise UserError(
                    self.env._(
                        "Only a complaint still to verify can be judged invalid "
                        "(%(number)s).",
                        number=complaint.name,
                    )
                )
            missing = []
            if not (complaint.validity_reason or "").strip():
                missing.append(self.env._("the reason of the verdict"))
            if not (complaint.customer_explanation or "").strip():
                missing.append(self.env._("the explanation to the customer"))
            if missing:
                raise UserError(
                    self.env._(
                        "Record %(missing)s on %(number)s.",
                        missing=self.env._(" and ").join(missing),
                        number=complaint.name,
                    )
                )
        self._write_action(
            {
                "validity": "invalid",
                "kind": "demand",
                "demand_type": "invalid_complaint",
                "responsible_department_id": False,
                "staff_at_fault": False,
                "responsible_employee_ids": [fields.Command.clear()],
            }
        )
        for complaint in self:
            complaint.message_post(
                body=self.env._(
                    "Judged not valid, registered as a demand. Explanation to the "
                    "customer: %(explanation)s",
                    explanation=complaint.customer_explanation,
                )
            )
        return True
