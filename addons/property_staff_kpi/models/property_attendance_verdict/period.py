from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from odoo.addons.resource.models.utils import Intervals

# the computed values of a verdict (see _employee_days)
VERDICT_VALUES = [
    "status",
    "planned_start",
    "planned_stop",
    "planned_minutes",
    "late_minutes",
    "early_minutes",
    "away_minutes",
    "long_stretch",
    "disciplinary",
    "handover_missed",
    "self_criticism_state",
    "day_pay_forfeited",
    "month_bonus_forfeited",
]


class PropertyAttendanceVerdictPeriodMixin(models.AbstractModel):
    """The verdict pass over a period (A01–A03, A10): the days of many employees
    computed in batch and written in batch, the daily cron, and the recomputation
    after a changed attendance."""

    _name = "property.attendance.verdict.period.mixin"
    _description = "Attendance Verdict: Period Pass"

    @api.model
    def _compute_period(self, employees, date_from, date_to):
        """Compute (create or update) the verdicts of ``employees`` for each planned
        working day from ``date_from`` to ``date_to`` (dates, included), in batch: one
        calendar computation per calendar for all its employees, one attendance search,
        one verdict search. Returns the verdicts of the period."""
        employees = employees.filtered("resource_calendar_id")
        start = datetime.combine(date_from, time.min) - timedelta(days=1)
        stop = datetime.combine(date_to, time.max) + timedelta(days=1)
        start_utc, stop_utc = pytz.utc.localize(start), pytz.utc.localize(stop)
        # planned attendance and leave intervals, per resource in its own time zone
        # official leave (公假, "worked time" types) counts as worked (A04)
        planned, leaves, official = {}, {}, {}
        for calendar, members in employees.grouped("resource_calendar_id").items():
            resources = members.resource_id
            planned.update(
                calendar._attendance_intervals_batch(start_utc, stop_utc, resources)
            )
            leaves.update(
                calendar._leave_intervals_batch(start_utc, stop_utc, resources)
            )
            official.update(
                calendar._leave_intervals_batch(
                    start_utc, stop_utc, resources, domain=[("time_type", "=", "other")]
                )
            )
        attendances = (
            self.env["hr.attendance"]
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "in", employees.ids),
                    ("check_in", "<", stop),
                    "|",
                    ("check_out", "=", False),
                    ("check_out", ">", start),
                ],
                ["employee_id", "check_in", "check_out"],
                order="check_in",
            )
        )
        by_employee = defaultdict(list)
        for attendance in attendances:
            if attendance.check_out:
                by_employee[attendance.employee_id.id].append(attendance)
        existing = self.sudo().search_fetch(
            [
                ("employee_id", "in", employees.ids),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            # company_id: the rules of its company, read per verdict by the ledger
            [*VERDICT_VALUES, "employee_id", "date", "company_id"],
        )
        known = {
            (verdict.employee_id.id, verdict.date): verdict for verdict in existing
        }
        # published rosters, read once for all: their days replace the calendar's;
        # the day after the period is computed too (not written), for the night
        # shift's hand-over to the next morning's shift (A13)
        rosters = self._roster_plan(employees, date_from, date_to)
        days_to = date_to + timedelta(days=1) if rosters else date_to
        days_by_employee = {}
        for employee in employees:
            employee_planned = planned.get(employee.resource_id.id, Intervals())
            plan = rosters.get(employee.id)
            if plan:
                employee_planned = self._planned_with_rosters(
                    employee, employee_planned, plan
                )
            days = self._employee_days(
                employee,
                employee_planned,
                leaves.get(employee.resource_id.id, Intervals()),
                by_employee[employee.id],
                date_from,
                days_to,
                self._settings(employee.company_id),
                official=official.get(employee.resource_id.id, Intervals()),
            )
            if plan:
                for day, values in days.items():
                    if day in plan[0]:
                        values["_post"] = plan[2].get(day)
            days_by_employee[employee.id] = days
        self._handover_pass(employees, days_by_employee)
        if days_to != date_to:
            for days in days_by_employee.values():
                days.pop(days_to, None)
        if rosters:
            self._drop_unfinished(days_by_employee)
        employee_values = self._employee_values(employees)
        to_create, kept_ids = [], []
        changes = defaultdict(list)
        for employee in employees:
            for day, all_values in days_by_employee[employee.id].items():
                values = {
                    key: value for key, value in all_values.items() if key[0] != "_"
                }
                verdict = known.get((employee.id, day))
                if verdict:
                    if (
                        verdict.self_criticism_state == "received"
                        and values["status"] == "absent"
                    ):
                        values.pop("self_criticism_state")
                    # scalar fields only (dates, numbers, flags, selections): the
                    # record's value compares as is with the computed one
                    changed = {
                        key: value
                        for key, value in values.items()
                        if verdict[key] != value
                    }
                    if changed:
                        changes[tuple(sorted(changed.items()))].append(verdict.id)
                    kept_ids.append(verdict.id)
                else:
                    to_create.append(
                        dict(values, date=day, **employee_values[employee.id])
                    )
        # one write per distinct set of changed values, not one per verdict
        for changed, ids in changes.items():
            existing.browse(ids).write(dict(changed))
        return self.sudo().browse(kept_ids) | self.sudo().create(to_create)

    @api.model
    def _employee_values(self, employees):
        """{employee id: the create values of a new verdict of the employee}: the
        employee and the fields related to them (as the related fields read them)."""
        return {
            employee.id: {
                "employee_id": employee.id,
                "employee_user_id": employee.user_id.id,
                "manager_user_id": employee.parent_id.user_id.id,
                "department_id": employee.department_id.id,
                "company_id": employee.company_id.id,
            }
            for employee in employees.sudo()
        }

    @api.model
    def _run_period(self, employees, date_from, date_to):
        """The daily or monthly pass: verdicts, then their assessment lines."""
        verdicts = self._compute_period(employees, date_from, date_to)
        verdicts._sync_kpi_lines()
        return verdicts

    @api.model
    def _cron_daily(self):
        """Verdicts and lines of yesterday for every employee with a calendar, each
        employee's yesterday in the time zone of their working calendar (not the
        scheduler's: at 01:00 in Shanghai it is still the day before in UTC)."""
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search([("resource_calendar_id", "!=", False)])
        )
        now = pytz.utc.localize(fields.Datetime.now())
        by_day = defaultdict(lambda: self.env["hr.employee"].sudo())
        for employee in employees:
            by_day[
                now.astimezone(self._employee_tz(employee)).date() - timedelta(days=1)
            ] |= employee
        verdicts = self.sudo().browse()
        for yesterday, members in sorted(by_day.items()):
            # a rostered night shift of the day before ended yesterday morning, after
            # the previous run (which left it unjudged): judged now
            nights = self._rostered_on(members, yesterday - timedelta(days=1))
            if nights:
                verdicts |= self._run_period(
                    nights, yesterday - timedelta(days=1), yesterday
                )
            if members - nights:
                verdicts |= self._run_period(members - nights, yesterday, yesterday)
        return verdicts

    @api.model
    def _employee_tz(self, employee):
        """The time zone of the employee's working days: their calendar's, else their
        site's, else their own, else the suite's default (Shanghai)."""
        name = (
            employee.resource_calendar_id.tz
            or employee.property_site_id.calendar_id.tz
            or employee.resource_id.tz
            or employee.tz
            or "Asia/Shanghai"
        )
        try:
            return pytz.timezone(name)
        except pytz.UnknownTimeZoneError:
            return pytz.timezone("Asia/Shanghai")

    @api.model
    def _property_recompute_for(self, data):
        """Recompute the verdicts already computed around the given (employee,
        check_in, check_out) attendances; days never judged wait for the daily pass."""
        if not data:
            return
        employees = self.env["hr.employee"].union(
            *(employee for employee, _i, _o in data)
        )
        dates = [
            moment.date()
            for _e, check_in, check_out in data
            for moment in (check_in, check_out)
            if moment
        ]
        date_from = min(dates) - timedelta(days=1)
        date_to = max(dates) + timedelta(days=1)
        judged = self.sudo().search(
            [
                ("employee_id", "in", employees.ids),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ]
        )
        if judged:
            self._run_period(
                judged.employee_id,
                min(judged.mapped("date")),
                max(judged.mapped("date")),
            )
