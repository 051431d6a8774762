from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .hr_leave_certificate import CERTIFICATE_TODO

CERTIFICATE_STATES = [
    ("due", "Due"),
    ("received", "Received"),
    ("missing", "Missing"),
]


class HrLeave(models.Model):
    """The guards of the leave regulation (A06–A09, A11) on Odoo's time off:
    notice, in person only, level-by-level approval within the department, the
    approver group and the medical certificate."""

    _name = "hr.leave"
    _inherit = ["hr.leave", "hr.leave.certificate.mixin"]

    property_late_notice = fields.Boolean(
        string="Late Notice",
        readonly=True,
        copy=False,
        tracking=True,
        help="Filed later than the notice of its type before the shift start: only the "
        "direct manager may approve it, and a day not approved by that day counts as "
        "absenteeism (A06).",
    )
    property_late_notice_approver_id = fields.Many2one(
        "res.users",
        string="Late Notice Accepted By",
        readonly=True,
        copy=False,
    )
    property_validated_on = fields.Datetime(
        string="Approved On",
        readonly=True,
        copy=False,
        help="When the leave was finally approved; the days before that day count as "
        "absenteeism (A06).",
    )
    property_certificate_state = fields.Selection(
        CERTIFICATE_STATES,
        string="Medical Certificate",
        readonly=True,
        copy=False,
        tracking=True,
    )
    property_certificate_due = fields.Date(
        string="Certificate Due",
        readonly=True,
        copy=False,
        help="The first working day back (A09).",
    )
    property_certificate_date_from = fields.Date(string="Certificate From", copy=False)
    property_certificate_date_to = fields.Date(string="Certificate To", copy=False)

    # ------------------------------------------------------------------ constraints
    @api.constrains(
        "property_certificate_date_from",
        "property_certificate_date_to",
        "request_date_from",
        "request_date_to",
    )
    def _check_property_certificate_dates(self):
        for leave in self:
            start, end = (
                leave.property_certificate_date_from,
                leave.property_certificate_date_to,
            )
            if not start and not end:
                continue
            if (
                not (start and end)
                or start > leave.request_date_from
                or end < leave.request_date_to
            ):
                raise ValidationError(
                    self.env._(
                        "The medical certificate of %(employee)s must cover the whole "
                        "leave, %(start)s to %(end)s, with continuous dates (A09).",
                        employee=leave.employee_id.name,
                        start=leave.request_date_from,
                        end=leave.request_date_to,
                    )
                )

    # ------------------------------------------------------------------ create
    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        if not self.env.context.get("leave_fast_create"):
            leaves._property_check_in_person()
            leaves._property_check_department()
            leaves._property_flag_late_notice()
        return leaves

    def write(self, vals):
        result = super().write(vals)
        if {"employee_id", "holiday_status_id"} & set(
            vals
        ) and not self.env.context.get("leave_fast_create"):
            self._property_check_in_person()
            self._property_check_department()
        return result

    def _property_check_in_person(self):
        """A08: a leave of an in-person type is requested by the employee's own user."""
        if self.env.su:
            return
        for leave in self:
            employee = leave.sudo().employee_id
            if leave.holiday_status_id.property_in_person_only and employee.user_id != (
                self.env.user
            ):
                raise ValidationError(
                    self.env._(
                        "%(employee)s must request a %(type)s in person; nobody may "
                        "file it on their behalf (A08).",
                        employee=employee.name,
                        type=leave.holiday_status_id.name,
                    )
                )

    def _property_check_department(self):
        """A07: the approver of a level-by-level leave is the employee's direct
        manager, in their department or one above it (不得交叉请假)."""
        for leave in self.sudo().filtered("holiday_status_id.property_strict_levels"):
            employee = leave.employee_id
            manager_user = employee.leave_manager_id
            if not manager_user:
                raise ValidationError(
                    self.env._(
                        "%(employee)s has no time off approver: set their direct "
                        "manager before requesting a %(type)s (A07).",
                        employee=employee.name,
                        type=leave.holiday_status_id.name,
                    )
                )
            department = employee.department_id
            manager = manager_user.employee_ids.filtered(
                lambda e, c=employee.company_id: e.company_id == c
            )[:1]
            if (
                not department
                or not manager.department_id
                or manager == department.manager_id
            ):
                continue
            if not (department.parent_path or "").startswith(
                manager.department_id.parent_path
            ):
                raise ValidationError(
                    self.env._(
                        "%(employee)s's leave cannot go to %(manager)s, a manager of "
                        "another department (%(department)s); requests go to the "
                        "direct manager of their own department (A07).",
                        employee=employee.name,
                        manager=manager_user.name,
                        department=manager.department_id.name,
                    )
                )

    def _property_shift_start(self):
        """Start of the employee's first planned attendance on the first day of the
        leave, from their working-time calendar (UTC, naive); the leave's own start
        when the calendar plans nothing that day."""
        self.ensure_one()
        employee = self.sudo().employee_id
        calendar = employee.resource_calendar_id or self.resource_calendar_id
        if not calendar or not self.request_date_from:
            return self.date_from
        tz = pytz.timezone(employee.tz or calendar.tz or "UTC")
        start = tz.localize(datetime.combine(self.request_date_from, time.min))
        intervals = calendar._attendance_intervals_batch(
            start, start + timedelta(days=1), employee.resource_id
        )[employee.resource_id.id]
        first = min((begin for begin, _end, _rec in intervals), default=None)
        if not first:
            return self.date_from
        return first.astimezone(pytz.utc).replace(tzinfo=None)

    def _property_flag_late_notice(self):
        """A06: flag the requests filed later than their type's notice."""
        now = fields.Datetime.now()
        late = self.browse()
        for leave in self.filtered("holiday_status_id.property_notice_hours"):
            notice = timedelta(hours=leave.holiday_status_id.property_notice_hours)
            if now > leave._property_shift_start() - notice:
                late |= leave
        if late:
            late.sudo().write({"property_late_notice": True})
            for leave in late:
                leave.sudo().message_post(
                    body=self.env._(
                        "Late notice: filed less than %(hours)s hours before the "
                        "shift; only the direct manager may approve it, and until "
                        "then the absence counts as absenteeism (A06).",
                        hours=leave.holiday_status_id.property_notice_hours,
                    )
                )

    # ------------------------------------------------------------------ approval
    def _property_first_level(self, state):
        """Whether moving to ``state`` is this leave's first approval."""
        self.ensure_one()
        return state == "validate1" or (
            state == "validate" and self.validation_type != "both"
        )

    def _check_approval_update(self, state):
        """A07, A11, A06: level by level, by the approver group, late notice by the
        direct manager. Officers and administrators are held to it too, in the form,
        from the list (bulk approval) and from the dashboard."""
        super()._check_approval_update(state)
        if self.env.is_superuser() or state not in ("validate1", "validate"):
            return
        user = self.env.user
        for leave in self:
            leave_type = leave.holiday_status_id
            manager = leave.sudo().employee_id.leave_manager_id
            group = leave_type.sudo().property_approver_group_id
            if group and group not in user.groups_id:
                raise UserError(
                    self.env._(
                        "Only %(group)s may approve a %(type)s (A11).",
                        group=group.full_name,
                        type=leave_type.name,
                    )
                )
            if leave_type.property_strict_levels and leave.validation_type == "both":
                if state == "validate1" and user != manager:
                    raise UserError(
                        self.env._(
                            "The direct manager %(manager)s approves %(employee)s's "
                            "%(type)s first; officers and administrators cannot skip "
                            "that level (A07).",
                            manager=manager.name or "-",
                            employee=leave.employee_id.name,
                            type=leave_type.name,
                        )
                    )
                if state == "validate" and leave.state != "validate1":
                    raise UserError(
                        self.env._(
                            "%(employee)s's %(type)s is not approved by the direct "
                            "manager yet; no level may be skipped (A07).",
                            employee=leave.employee_id.name,
                            type=leave_type.name,
                        )
                    )
            if leave.property_late_notice and leave._property_first_level(state):
                if user != manager:
                    raise UserError(
                        self.env._(
                            "%(employee)s's %(type)s was filed late; only the direct "
                            "manager %(manager)s may approve it (A06).",
                            employee=leave.employee_id.name,
                            type=leave_type.name,
                            manager=manager.name or "-",
                        )
                    )

    def action_approve(self, check_state=True):
        late = self.filtered("property_late_notice")
        result = super().action_approve(check_state)
        if late:
            late.sudo().write({"property_late_notice_approver_id": self.env.uid})
        return result

    def action_validate(self, check_state=True):
        result = super().action_validate(check_state)
        validated = self.filtered(lambda leave: leave.state == "validate")
        if validated:
            validated.sudo().write({"property_validated_on": fields.Datetime.now()})
            validated._property_schedule_certificate()
            validated._property_recompute_verdicts()
        return result

    def action_refuse(self):
        result = super().action_refuse()
        self._property_recompute_verdicts()
        return result

    def _property_recompute_verdicts(self):
        self.env["property.attendance.verdict"].sudo()._property_recompute_for(
            [
                (leave.employee_id, leave.date_from, leave.date_to)
                for leave in self.sudo()
            ]
        )

    # ------------------------------------------------------------------ to-dos
    def activity_update(self):
        """Odoo's to-dos of the time off (the approvals), then the suite's, in batch:
        the employee's to-do to hand in the medical certificate while it is due
        (A09), done once it is received. Idempotent: nothing scheduled twice."""
        result = super().activity_update()
        leaves = self.sudo()
        todo_type = self.env.ref("mail.mail_activity_data_todo")
        langs = {"en_US", *(code for code, _n in self.env["res.lang"].get_installed())}
        summaries = {CERTIFICATE_TODO._translate(lang) for lang in langs}
        todos = leaves.activity_ids.filtered(
            lambda a: a.activity_type_id == todo_type and a.summary in summaries
        )
        scheduled = set(todos.mapped("res_id"))
        received = todos.filtered(
            lambda a: leaves.browse(a.res_id).property_certificate_state == "received"
        )
        if received:
            received.action_feedback(
                feedback=self.env._("Medical certificate received.")
            )
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = [
            {
                "res_model_id": model_id,
                "res_id": leave.id,
                "activity_type_id": todo_type.id,
                "automated": True,
                "date_deadline": leave.property_certificate_due,
                "summary": self.env._(CERTIFICATE_TODO),
                "note": self.env._(
                    "The certificate must cover %(start)s to %(end)s with "
                    "continuous dates (A09).",
                    start=leave.request_date_from,
                    end=leave.request_date_to,
                ),
                "user_id": (
                    leave.employee_id.user_id or leave.employee_id.leave_manager_id
                ).id
                or self.env.uid,
            }
            for leave in leaves
            if leave.property_certificate_state == "due" and leave.id not in scheduled
        ]
        if vals_list:
            self.env["mail.activity"].sudo().create(vals_list)
        return result
