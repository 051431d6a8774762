from collections import defaultdict
from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

# the employee's to-do while the medical certificate is due (A09)
CERTIFICATE_TODO = _lt("Hand in the medical certificate")


class HrLeaveCertificateMixin(models.AbstractModel):
    """The medical certificate of a sick leave (A09): due the first day back,
    received by the direct manager or a Time Off officer, missing when late. A room
    of ``hr.leave`` (its fields are the model's; its to-do is in ``activity_update``).
    """

    _name = "hr.leave.certificate.mixin"
    _description = "Time Off: Medical Certificate"

    def _property_first_day_back(self):
        """The employee's first working day after the leave (calendar, public
        holidays and other leave taken into account)."""
        self.ensure_one()
        employee = self.sudo().employee_id
        calendar = employee.resource_calendar_id or self.resource_calendar_id
        start = pytz.utc.localize(self.date_to)
        intervals = calendar._work_intervals_batch(
            start, start + timedelta(days=31), employee.resource_id
        )[employee.resource_id.id]
        tz = pytz.timezone(employee.tz or calendar.tz or "UTC")
        first = min((begin for begin, _end, _rec in intervals), default=None)
        return (
            first.astimezone(tz).date()
            if first
            else self.request_date_to + timedelta(days=1)
        )

    def _property_schedule_certificate(self):
        """A09: a sick leave of a full day or more waits for its medical certificate,
        due the first day back (its to-do: ``activity_update``)."""
        by_due = defaultdict(lambda: self.browse())
        for leave in self:
            days = leave.holiday_status_id.property_certificate_days
            if (
                days
                and leave.number_of_days >= days
                and not leave.property_certificate_state
            ):
                by_due[leave._property_first_day_back()] |= leave
        for due, leaves in by_due.items():
            leaves.sudo().write(
                {"property_certificate_state": "due", "property_certificate_due": due}
            )
        if by_due:
            self.browse().union(*by_due.values()).activity_update()

    def action_property_certificate_received(self):
        """The direct manager or a Time Off officer records the medical certificate."""
        is_officer = self.env.user.has_group("hr_holidays.group_hr_holidays_user")
        for leave in self:
            if leave.property_certificate_state not in ("due", "missing"):
                raise UserError(
                    self.env._(
                        "%(employee)s's leave does not wait for a medical certificate.",
                        employee=leave.employee_id.name,
                    )
                )
            if (
                not is_officer
                and leave.sudo().employee_id.leave_manager_id != self.env.user
            ):
                raise UserError(
                    self.env._(
                        "Only the direct manager or a Time Off officer records a "
                        "medical certificate."
                    )
                )
            if not (
                leave.property_certificate_date_from
                and leave.property_certificate_date_to
            ):
                raise UserError(
                    self.env._(
                        "Enter the dates the medical certificate of %(employee)s "
                        "covers.",
                        employee=leave.employee_id.name,
                    )
                )
        self.sudo().write({"property_certificate_state": "received"})
        self.sudo().activity_update()
        return True

    @api.model
    def _cron_property_certificate_missing(self):
        """A09: flag the certificates not handed in by the first day back."""
        today = fields.Date.context_today(self)
        overdue = self.sudo().search(
            [
                ("property_certificate_state", "=", "due"),
                ("property_certificate_due", "<", today),
            ]
        )
        overdue.write({"property_certificate_state": "missing"})
        return overdue
