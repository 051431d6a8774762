from odoo import api, fields, models
from odoo.exceptions import UserError

OPEN_STATES = ("to_approve", "suspended")


class PropertyComplaintSuspensionMixin(models.AbstractModel):
    """Suspension of the resolution deadline (C10). The complaint's fields hold the
    suspension being requested; each suspension is a ``property.complaint.suspension``
    record, kept with its cause, amount and reason, so that a second one adds to the
    history instead of overwriting the first."""

    _name = "property.complaint.suspension.mixin"
    _description = "Complaint: Suspension"

    suspension_ids = fields.One2many(
        "property.complaint.suspension",
        "complaint_id",
        string="Suspensions",
        readonly=True,
        groups="property_complaint.group_complaint_agent",
    )
    suspension_state = fields.Selection(
        [("to_approve", "To Approve"), ("suspended", "Suspended")],
        compute="_compute_suspension",
        store=True,
        precompute=True,
        tracking=True,
        help="State of the suspension under way, if any.",
    )
    date_suspended = fields.Datetime(
        string="Suspended On",
        compute="_compute_suspension",
        store=True,
        precompute=True,
    )
    resolution_extra_days = fields.Integer(
        string="Working Days Added",
        compute="_compute_suspension",
        store=True,
        precompute=True,
        tracking=True,
        help="Working days added to the resolution deadline by the ended suspensions.",
    )
    # the suspension being requested
    suspension_cause = fields.Selection(
        [("engineering", "Long Engineering Work"), ("purchase", "Purchase")],
        tracking=True,
    )
    suspension_currency_id = fields.Many2one(
        "res.currency", compute="_compute_suspension_currency_id"
    )
    suspension_amount = fields.Monetary(
        string="Purchase Amount", currency_field="suspension_currency_id", tracking=True
    )
    suspension_reason = fields.Text(tracking=True)

    @api.depends("suspension_ids.state", "suspension_ids.working_days")
    def _compute_suspension(self):
        for complaint in self:
            suspensions = complaint.sudo().suspension_ids
            current = suspensions.filtered(lambda s: s.state in OPEN_STATES)[:1]
            complaint.suspension_state = current.state or False
            complaint.date_suspended = current.date_start or False
            complaint.resolution_extra_days = sum(
                suspensions.filtered(lambda s: s.state == "ended").mapped(
                    "working_days"
                )
            )

    @api.depends("company_id")
    def _compute_suspension_currency_id(self):
        for complaint in self:
            complaint.suspension_currency_id = (
                complaint.company_id.currency_id or self.env.company.currency_id
            )

    def _open_suspensions(self):
        return (
            self.sudo()
            .with_context(active_test=False)
            .suspension_ids.filtered(lambda s: s.state in OPEN_STATES)
        )

    def action_suspend(self):
        """Suspend the resolution deadline (C10): long engineering work or a purchase
        of at least the threshold amount, with the reason recorded."""
        self._check_group("property_complaint.group_complaint_agent")
        self._check_open()
        for complaint in self:
            threshold = complaint.company_id.property_complaint_suspension_amount
            if complaint.suspension_state:
                raise UserError(
                    self.env._(
                        "%(number)s is already suspended.", number=complaint.name
                    )
                )
            if not (complaint.suspension_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Record the reason of the suspension of %(number)s.",
                        number=complaint.name,
                    )
                )
            if complaint.suspension_cause == "purchase":
                if complaint.suspension_amount < threshold:
                    raise UserError(
                        self.env._(
                            "A purchase suspends the deadline from %(amount)s yuan "
                            "only.",
                            amount=threshold,
                        )
                    )
            elif complaint.suspension_cause != "engineering":
                raise UserError(
                    self.env._(
                        "Only long engineering work or a purchase suspends the "
                        "deadline of %(number)s.",
                        number=complaint.name,
                    )
                )
        now = fields.Datetime.now()
        suspensions = (
            self.env["property.complaint.suspension"]
            .sudo()
            .create(
                [
                    {
                        "complaint_id": complaint.id,
                        "cause": complaint.suspension_cause,
                        "amount": complaint.suspension_amount
                        if complaint.suspension_cause == "purchase"
                        else 0.0,
                        "reason": complaint.suspension_reason,
                        "state": "to_approve",
                        "date_requested": now,
                        "requested_by_id": self.env.user.id,
                    }
                    for complaint in self
                ]
            )
        )
        # the approval rules decide (C10: the company's setting turns its rule on)
        suspensions._approval_request()._approval_approved()
        return True

    def _suspensions_to_approve(self):
        for complaint in self:
            if complaint.suspension_state != "to_approve":
                raise UserError(
                    self.env._(
                        "The suspension of %(number)s is not waiting for approval.",
                        number=complaint.name,
                    )
                )
        # decided as the user: the approval checks who may
        return self._open_suspensions().sudo(False)

    def action_approve_suspension(self):
        return self._suspensions_to_approve().action_approval_approve()

    def action_refuse_suspension(self):
        return self._suspensions_to_approve().action_approval_refuse()

    def action_resume(self):
        """End the suspension: the working days it lasted are added to the deadline (a
        suspension still waiting for approval ends without any)."""
        self._check_group("property_complaint.group_complaint_agent")
        now = fields.Datetime.now()
        for complaint in self:
            if not complaint.suspension_state:
                raise UserError(
                    self.env._("%(number)s is not suspended.", number=complaint.name)
                )
        by_days = {}
        open_suspensions = self._open_suspensions()
        open_suspensions._approval_cancel()
        for suspension in open_suspensions:
            days = 0
            if suspension.state == "suspended":
                days = suspension.complaint_id._working_days_between(
                    suspension.date_start, now
                )
            by_days.setdefault(days, []).append(suspension.id)
        Suspension = self.env["property.complaint.suspension"].sudo()
        for days, ids in by_days.items():
            Suspension.browse(ids).write(
                {"state": "ended", "date_end": now, "working_days": days}
            )
        return True

    @api.model
    def _property_migrate_suspensions(self):
        """Upgrade from the suspension held on the complaint itself: one record per
        complaint suspended or waiting for approval (its cause, amount, reason and
        start), and one ended record carrying the working days already added.
        Returns the records created."""
        self.env.cr.execute(
            """
            SELECT id, suspension_state, date_suspended,
            COALESCE(resolution_extra_days, 0),
                   suspension_cause, COALESCE(suspension_amount, 0),
                   suspension_reason,
                   create_date
              FROM property_complaint c
             WHERE (suspension_state IS NOT NULL OR
             COALESCE(resolution_extra_days, 0) > 0)
               AND NOT EXISTS (
                   SELECT 1 FROM property_complaint_suspension s WHERE
                   s.complaint_id = c.id
               )"""
        )
        vals_list = []
        default_reason = self.env._("Recorded before the suspension history was kept.")
        for (
            cid,
            state,
            start,
            extra,
            cause,
            amount,
            reason,
            created,
        ) in self.env.cr.fetchall():
            base = {
                "complaint_id": cid,
                "cause": cause or "engineering",
                "amount": amount if cause == "purchase" else 0.0,
                "reason": reason or default_reason,
            }
            if extra:
                vals_list.append(
                    dict(
                        base, state="ended", date_requested=created, working_days=extra
                    )
                )
            if state:
                vals_list.append(
                    dict(
                        base,
                        state=state,
                        date_requested=start or created,
                        date_start=start if state == "suspended" else False,
                    )
                )
        return self.env["property.complaint.suspension"].sudo().create(vals_list)
