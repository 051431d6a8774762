

from odoo import fields, models
from odoo.exceptions import UserError


class PropertyComplaintSuspensionMixin(models.AbstractModel):
    """Suspension of the resolution deadline (C10)."""

    _name = "property.complaint.suspension.mixin"
    _description = "Complaint: Suspension"

    # ------------------------------------------------------------------
    # Suspension, extension (C10)
    # ------------------------------------------------------------------
    suspension_state = fields.Selection(
        [
            ("to_approve", "To Approve"),
            ("suspended", "Suspended"),
        ],
        readonly=True,
        copy=False,
        tracking=True,
    )
    suspension_cause = fields.Selection(
        [("engineering", "Long Engineering Work"), ("purchase", "Purchase")],
        tracking=True,
    )
    suspension_amount = fields.Float(string="Purchase Amount (Yuan)", tracking=True)
    suspension_reason = fields.Text(tracking=True)
    date_suspended = fields.Datetime(string="Suspended On", readonly=True, copy=False)
    resolution_extra_days = fields.Integer(
        string="Working Days Added",
        readonly=True,
        copy=False,
        tracking=True,
        help="Working days added to the resolution deadline by suspensions.",
    )

    # ------------------------------------------------------------------
    # Suspension (C10)
    # ------------------------------------------------------------------
    def action_suspend(self):
        """Suspend the resolution deadline (C10): long engineering work or a purchase
        of at least the threshold amount, with the reason recorded."""
        self._check_group("property_complaint.group_complaint_agent")
        self._check_open()
        for complaint in self:
            threshold = complaint.company_id.property_complaint_suspension_amount
            if complaint.suspension_state:
                raise UserError(
                    self.env._("%(number)s is already suspended.", number=complaint.name)
                )
            if not (complaint.suspension_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Record the reason of the suspension of %(number)s.", number=complaint.name
                    )
                )
            if complaint.suspension_cause == "purchase":
                if complaint.suspension_amount < threshold:
                    raise UserError(
                        self.env._(
                            "A purchase suspends the deadline from %(amount)s yuan only.",
                            amount=threshold,
                        )
                    )
            elif complaint.suspension_cause != "engineering":
                raise UserError(
                    self.env._(
                        "Only long engineering work or a purchase suspends the deadline of "
                        "%(number)s.",
                        number=complaint.name,
                    )
                )
        approval = any(self.mapped("company_id.property_complaint_suspension_approval"))
        if approval and not self.env.user.has_group(
            "property_complaint.group_complaint_manager"
        ):
            self._write_action({"suspension_state": "to_approve"})
            return True
        self._write_action(
            {"suspension_state": "suspended", "date_suspended": fields.Datetime.now()}
        )
        return True

    def action_approve_suspension(self):
        self._check_group("property_complaint.group_complaint_manager")
        for complaint in self:
            if complaint.suspension_state != "to_approve":
                raise UserError(
                    self.env._(
                        "The suspension of %(number)s is not waiting for approval.",
                        number=complaint.name,
                    )
                )
        self._write_action(
            {"suspension_state": "suspended", "date_suspended": fields.Datetime.now()}
        )
        return True

    def action_resume(self):
        """End the suspension: the working days it lasted are added to the deadline."""
        self._check_group("property_complaint.group_complaint_agent")
        now = fields.Datetime.now()
        for complaint in self:
            if not complaint.suspension_state:
                raise UserError(self.env._("%(number)s is not suspended.", number=complaint.name))
        suspended = self.filtered(lambda c: c.suspension_state == "suspended")
        by_extra_days = {}
        for complaint in suspended:
            extra = complaint.resolution_extra_days + complaint._working_days_between(
                complaint.date_suspended, now
            )
            by_extra_days.setdefault(extra, []).append(complaint.id)
        (self - suspended)._write_action({"suspension_state": False})
        for extra, ids in by_extra_days.items():
            self.browse(ids)._write_action(
                {"suspension_state": False, "resolution_extra_days": extra}
            )
        return True
