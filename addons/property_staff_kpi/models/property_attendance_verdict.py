from bisect import bisect_left, bisect_right
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

from odoo.addons.resource.models.utils import Intervals

STATUSES = [
    ("present", "Present"),
    ("absent", "Absent (旷工)"),
    ("leave", "On Leave"),
    ("holiday", "Public Holiday"),
]

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


def _merged_spans(attendances):
    """The closed attendances as sorted, disjoint (check_in, check_out) pairs in UTC
    (aware), touching ones merged, as Odoo's Intervals would have them."""
    spans = sorted(
        (pytz.utc.localize(att.check_in), pytz.utc.localize(att.check_out))
        for att in attendances
        if att.check_in < att.check_out
    )
    return _normalized(spans)


def _normalized(spans):
    """Sorted, disjoint spans, overlapping or touching ones merged (Odoo's Intervals)."""
    merged = []
    for start, stop in sorted(spans):
        if start >= stop:
            continue
        if merged and start <= merged[-1][1]:
            if stop > merged[-1][1]:
                merged[-1] = (merged[-1][0], stop)
        else:
            merged.append((start, stop))
    return merged


def _intersected(spans, others):
    """``spans & others`` of two normalised lists (Odoo's Intervals.__and__)."""
    result = []
    position = 0
    for start, stop in spans:
        while position < len(others) and others[position][1] <= start:
            position += 1
        index = position
        while index < len(others) and others[index][0] < stop:
            begin, end = max(start, others[index][0]), min(stop, others[index][1])
            if begin < end:
                result.append((begin, end))
            index += 1
    return result


def _subtracted(spans, others):
    """``spans - others`` of two normalised lists (Odoo's Intervals.__sub__)."""
    result = []
    position = 0
    for start, stop in spans:
        while position < len(others) and others[position][1] <= start:
            position += 1
        cursor = start
        index = position
        while index < len(others) and others[index][0] < stop:
            if others[index][0] > cursor:
                result.append((cursor, others[index][0]))
            cursor = max(cursor, others[index][1])
            index += 1
        if cursor < stop:
            result.append((cursor, stop))
    return result


def _span_minutes(spans):
    return round(sum((stop - start).total_seconds() for start, stop in spans) / 60)


class PropertyAttendanceVerdict(models.Model):
    """The verdict of one planned working day of an employee (A01–A03, A10, K14),
    computed in batch from the working-time calendar, approved time off, public
    holidays and the attendances of hr_attendance."""

    _name = "property.attendance.verdict"
    _description = "Attendance Day Verdict"
    _inherit = ["property.input.mixin"]
    _order = "date desc, employee_id"
    _rec_name = "employee_id"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    employee_user_id = fields.Many2one(related="employee_id.user_id", store=True)
    manager_user_id = fields.Many2one(
        related="employee_id.parent_id.user_id", store=True, string="Manager User"
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    company_id = fields.Many2one(related="employee_id.company_id", store=True)
    date = fields.Date(required=True, index=True)
    status = fields.Selection(STATUSES, required=True, default="present")
    planned_start = fields.Datetime(help="Start of the planned work, leave removed.")
    planned_stop = fields.Datetime(help="End of the planned work, leave removed.")
    planned_minutes = fields.Integer()
    late_minutes = fields.Integer(help="Minutes late beyond the grace minutes (A01).")
    early_minutes = fields.Integer(help="Minutes left before the end of the shift (A01).")
    away_minutes = fields.Integer(
        help="Minutes away from the post between attendances inside the shift (A02)."
    )
    long_stretch = fields.Boolean(
        string="Over 8 Hours at a Stretch", help="An attendance lasted over 8 hours (K14)."
    )
    disciplinary = fields.Boolean(
        help="Late or away from the post for the disciplinary threshold or more, or "
        "absent (A03, A10)."
    )
    handover_missed = fields.Boolean(
        string="Left Before Hand-over",
        help="The last attendance ended before the next shift's first check-in on a post "
        "that requires a hand-over (A13).",
    )
    self_criticism_state = fields.Selection(
        [("due", "Due"), ("received", "Received")],
        string="Written Self-criticism",
        help="An absenteeism day calls for a written self-criticism (A12).",
    )
    day_pay_forfeited = fields.Boolean(
        string="Day's Pay Forfeited", help="For payroll: absenteeism loses the day's pay (A12)."
    )
    month_bonus_forfeited = fields.Boolean(
        string="Month's Bonus Forfeited",
        help="For payroll: absenteeism loses the month's bonuses (A12).",
    )
    summary = fields.Char(compute="_compute_summary")
    kpi_line_ids = fields.One2many(
        "property.kpi.line", compute="_compute_kpi_line_ids", string="Assessment Lines"
    )

    _sql_constraints = [
        ("employee_date_unique", "unique(employee_id, date)", "One verdict per employee and day.")
    ]

    @api.depends(
        "status",
        "late_minutes",
        "early_minutes",
        "away_minutes",
        "long_stretch",
        "handover_missed",
    )
    def _compute_summary(self):
        labels = dict(self._fields["status"]._description_selection(self.env))
        for verdict in self:
            parts = []
            if verdict.late_minutes:
                parts.append(self.env._("late %(m)s min", m=verdict.late_minutes))
            if verdict.early_minutes:
                parts.append(self.env._("left early %(m)s min", m=verdict.early_minutes))
            if verdict.away_minutes:
                parts.append(self.env._("away %(m)s min", m=verdict.away_minutes))
            if verdict.long_stretch:
                parts.append(self.env._("over 8 h at a stretch"))
            if verdict.handover_missed:
                parts.append(self.env._("left before the hand-over"))
            if not parts:
                parts.append(
                    self.env._("on time") if verdict.status == "present" else labels[verdict.status]
                )
            verdict.summary = ", ".join(parts)

    def _compute_kpi_line_ids(self):
        refs = [f"{self._name},{verdict.id}" for verdict in self]
        lines = self.env["property.kpi.line"].search([("source_ref", "in", refs)])
        by_ref = defaultdict(lambda: self.env["property.kpi.line"])
        for line in lines:
            by_ref[line.source_ref.id] |= line
        for verdict in self:
            verdict.kpi_line_ids = by_ref[verdict.id]

    def action_self_criticism_received(self):
        """A12: the manager records the written self-criticism of an absenteeism day."""
        is_manager = self.env.user.has_group("property_staff_kpi.group_kpi_manager")
        if not is_manager and any(v.manager_user_id != self.env.user for v in self):
            raise UserError(
                self.env._(
                    "Only the employee's manager or an assessment manager records a self-criticism."
                )
            )
        if any(verdict.self_criticism_state != "due" for verdict in self):
            raise UserError(self.env._("No written self-criticism is due for this day."))
        self.sudo().write({"self_criticism_state": "received"})
        return True

    # ------------------------------------------------------------------ settings
    @api.model
    def _settings(self, company=None):
        """The attendance rules of ``company`` (the record's, else the current one)."""
        company = company or self[:1].company_id or self.env.company
        return {
            "grace": company.property_staff_kpi_attendance_grace_minutes,
            "threshold": company.property_staff_kpi_attendance_disciplinary_minutes,
            "away": company.property_staff_kpi_attendance_away_minutes,
            "stretch": company.property_staff_kpi_attendance_max_hours,
        }

    # ------------------------------------------------------------------ batch computation
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
            planned.update(calendar._attendance_intervals_batch(start_utc, stop_utc, resources))
            leaves.update(calendar._leave_intervals_batch(start_utc, stop_utc, resources))
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
        known = {(verdict.employee_id.id, verdict.date): verdict for verdict in existing}
        days_by_employee = {
            employee.id: self._employee_days(
                employee,
                planned.get(employee.resource_id.id, Intervals()),
                leaves.get(employee.resource_id.id, Intervals()),
                by_employee[employee.id],
                date_from,
                date_to,
                self._settings(employee.company_id),
                official=official.get(employee.resource_id.id, Intervals()),
            )
            for employee in employees
        }
        self._handover_pass(employees, days_by_employee)
        to_create, kept_ids = [], []
        for employee in employees:
            for day, all_values in days_by_employee[employee.id].items():
                values = {key: value for key, value in all_values.items() if key[0] != "_"}
                verdict = known.get((employee.id, day))
                if verdict:
                    if verdict.self_criticism_state == "received" and values["status"] == "absent":
                        values.pop("self_criticism_state")
                    # scalar fields only (dates, numbers, flags, selections): the
                    # record's value compares as is with the computed one
                    changed = {key: value for key, value in values.items() if verdict[key] != value}
                    if changed:
                        verdict.write(changed)
                    kept_ids.append(verdict.id)
                else:
                    to_create.append(dict(values, employee_id=employee.id, date=day))
        return self.sudo().browse(kept_ids) | self.sudo().create(to_create)

    @api.model
    def _handover_pass(self, employees, days_by_employee):
        """A13: on a post (work location) that requires a hand-over, a shift whose
        last attendance ends before the first check-in of the next shift of the same
        day on that post is flagged (not blocked)."""
        shifts = defaultdict(list)
        for employee in employees:
            location = employee.work_location_id
            if not location.property_handover_required:
                continue
            for day, values in days_by_employee[employee.id].items():
                if values["planned_start"] and values.get("_first_in"):
                    shifts[(location.id, day)].append(values)
        for day_shifts in shifts.values():
            starts = sorted({values["planned_start"] for values in day_shifts})
            first_in = {
                start: min(v["_first_in"] for v in day_shifts if v["planned_start"] == start)
                for start in starts
            }
            for values in day_shifts:
                later = [start for start in starts if start > values["planned_start"]]
                if later and values["_last_out"] < first_in[later[0]]:
                    values["handover_missed"] = True

    @api.model
    def _employee_days(
        self, employee, planned, leaves, attendances, date_from, date_to, settings, official=None
    ):
        """Verdict values per planned day of one employee (plain Python, no query).
        ``official`` leave counts as worked time (A04); leave approved after its day
        does not cover the days before its approval (A06)."""
        tz = pytz.timezone(employee.resource_id.tz or employee.tz or "UTC")
        official = official if official is not None else Intervals()
        void = self._late_approval_intervals(leaves, official, tz)
        if void:
            leaves, official = leaves - void, official - void
        days = defaultdict(list)
        for begin, end, record in planned:
            day = begin.astimezone(tz).date()
            if date_from <= day <= date_to:
                days[day].append((begin, end, record))
        # plain (start, stop) spans from here on: the day's computation needs no
        # records, and Odoo's Intervals would union recordsets at every operation
        leave_spans = [(begin, end) for begin, end, _records in leaves]
        official_spans = [(begin, end) for begin, end, _records in official]
        worked = _merged_spans(attendances)
        worked_stops = [stop for _start, stop in worked]
        result = {}
        for day, intervals in days.items():
            shift = _normalized([(begin, end) for begin, end, _record in intervals])
            work = _subtracted(shift, leave_spans)
            values = {
                "status": "present",
                "planned_start": False,
                "planned_stop": False,
                "planned_minutes": _span_minutes(work),
                "late_minutes": 0,
                "early_minutes": 0,
                "away_minutes": 0,
                "long_stretch": False,
                "disciplinary": False,
                "handover_missed": False,
                "self_criticism_state": False,
                "day_pay_forfeited": False,
                "month_bonus_forfeited": False,
            }
            if not work:
                first, last = min(i[0] for i in intervals), max(i[1] for i in intervals)
                leave_records = self.env["resource.calendar.leaves"].union(
                    *(records for begin, end, records in leaves if begin < last and end > first)
                )
                global_leave = any(not record.resource_id for record in leave_records)
                values["status"] = "holiday" if global_leave else "leave"
                result[day] = values
                continue
            first_start, last_stop = work[0][0], work[-1][1]
            values["planned_start"] = first_start.astimezone(pytz.utc).replace(tzinfo=None)
            values["planned_stop"] = last_stop.astimezone(pytz.utc).replace(tzinfo=None)
            # the attendances within 12 hours of the shift, by bisection on the
            # month's sorted spans
            window_start = first_start - timedelta(hours=12)
            window_stop = last_stop + timedelta(hours=12)
            day_worked = [
                (max(begin, window_start), min(end, window_stop))
                for begin, end in worked[
                    bisect_right(worked_stops, window_start) : bisect_left(worked, (window_stop,))
                ]
            ]
            covered = _normalized(day_worked + official_spans) if official_spans else day_worked
            present = _intersected(work, covered)
            if not present:
                values.update(
                    status="absent",
                    disciplinary=True,
                    self_criticism_state="due",
                    day_pay_forfeited=True,
                    month_bonus_forfeited=True,
                )
                result[day] = values
                continue
            missing = _subtracted(work, covered)
            if day_worked:
                values["_first_in"] = day_worked[0][0].astimezone(pytz.utc).replace(tzinfo=None)
                values["_last_out"] = day_worked[-1][1].astimezone(pytz.utc).replace(tzinfo=None)
            late = early = away = 0
            for begin, end in missing:
                minutes = round((end - begin).total_seconds() / 60)
                if begin == first_start and end <= present[0][0]:
                    late += minutes
                elif end == last_stop and begin >= present[-1][1]:
                    early += minutes
                else:
                    away += minutes
            values["late_minutes"] = late if late > settings["grace"] else 0
            values["early_minutes"] = early
            values["away_minutes"] = away
            values["long_stretch"] = any(
                (end - begin).total_seconds() > settings["stretch"] * 3600
                for begin, end in day_worked
            )
            values["disciplinary"] = (
                values["late_minutes"] >= settings["threshold"] or away >= settings["threshold"]
            )
            result[day] = values
        return result

    @api.model
    def _late_approval_intervals(self, leaves, official, tz):
        """A06: the part of each leave lying before the local day of its approval, for
        the leave types that need an approval."""
        records = self.env["resource.calendar.leaves"].union(
            *(records for _b, _e, records in list(leaves) + list(official))
        )
        void = []
        for record in records:
            holiday = record.holiday_id
            if (
                not holiday
                or not holiday.property_validated_on
                or holiday.validation_type == "no_validation"
            ):
                continue
            approved = pytz.utc.localize(holiday.property_validated_on).astimezone(tz)
            approved_day = tz.localize(datetime.combine(approved.date(), time.min))
            begin = pytz.utc.localize(record.date_from)
            if begin < approved_day:
                end = min(pytz.utc.localize(record.date_to), approved_day)
                void.append((begin, end, record))
        return Intervals(void)

    # ------------------------------------------------------------------ ledger (K13)
    @api.model
    def _kpi_items(self):
        Item = self.env["property.kpi.item"]
        xmlids = {
            "late": "property_staff_kpi.item_k03_late",
            "away": "property_staff_kpi.item_k03_left_post",
            "absent": "property_staff_kpi.item_k05_absenteeism",
        }
        return {
            key: (self.env.ref(xmlid, raise_if_not_found=False) or Item).sudo()
            for key, xmlid in xmlids.items()
        }

    def _due_lines(self, items, settings):
        """The automatic lines this verdict calls for: {item: (points, reason)}."""
        self.ensure_one()
        due = {}
        # written in the employee's language, the date as that language writes it
        env = self.employee_id._property_kpi_env()
        day = format_date(env, self.date)
        if self.status == "absent" and items["absent"]:
            due[items["absent"]] = (
                items["absent"].points_min,
                env._("Absent on %(date)s without approved leave (A03)", date=day),
            )
        minutes = max(self.late_minutes, self.early_minutes)
        if minutes and items["late"]:
            scheme = self.env["property.kpi.scheme"]._for_employee(self.employee_id)
            points = scheme._late_points(minutes, items["late"])
            reason = env._(
                "%(date)s: late %(late)s min, left early %(early)s min (A01)",
                date=day,
                late=self.late_minutes,
                early=self.early_minutes,
            )
            if self.late_minutes >= settings["threshold"]:
                reason += " " + env._("- disciplinary violation (A10)")
            due[items["late"]] = (points, reason)
        if self.away_minutes > settings["away"] and items["away"]:
            reason = env._(
                "%(date)s: away from the post %(away)s min (A02)",
                date=day,
                away=self.away_minutes,
            )
            if self.away_minutes >= settings["threshold"]:
                reason += " " + env._("- disciplinary violation (A10)")
            due[items["away"]] = (items["away"].points_min, reason)
        return due

    def _sync_kpi_lines(self):
        """K13: add, update or remove the automatic assessment lines of these verdicts.
        Each line is keyed on verdict + item + assessment, so a second or concurrent
        run changes nothing; a corrected verdict updates its lines until the month is
        confirmed."""
        if not self:
            return
        items = self._kpi_items()
        Line = self.env["property.kpi.line"].sudo()
        refs = [f"{self._name},{verdict.id}" for verdict in self]
        existing = Line.search([("source_ref", "in", refs), ("origin", "=", "automatic")])
        by_key = {(line.source_ref.id, line.item_id.id): line for line in existing}
        entries, to_remove, kept = [], Line, set()
        for verdict in self:
            due = verdict._due_lines(items, verdict._settings())
            for item, (points, reason) in due.items():
                line = by_key.get((verdict.id, item.id))
                kept.add((verdict.id, item.id))
                if not line:
                    entries.append(
                        {
                            "employee": verdict.employee_id,
                            "item": item,
                            "source": verdict,
                            "date": verdict.date,
                            "points": points,
                            "reason": reason,
                        }
                    )
                elif line.assessment_id.state != "confirmed" and (
                    line.points != points or line.reason != reason
                ):
                    line._property_internal().write({"points": points, "reason": reason})
        for key, line in by_key.items():
            if key not in kept and line.assessment_id.state != "confirmed":
                to_remove |= line
        if to_remove:
            to_remove._property_internal().unlink()
        self.env["property.kpi.assessment"]._add_automatic_lines(entries)

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
        employees = self.env["hr.employee"].sudo().search([("resource_calendar_id", "!=", False)])
        now = pytz.utc.localize(fields.Datetime.now())
        by_day = defaultdict(lambda: self.env["hr.employee"].sudo())
        for employee in employees:
            by_day[now.astimezone(self._employee_tz(employee)).date() - timedelta(days=1)] |= (
                employee
            )
        verdicts = self.sudo().browse()
        for yesterday, members in sorted(by_day.items()):
            verdicts |= self._run_period(members, yesterday, yesterday)
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
        employees = self.env["hr.employee"].union(*(employee for employee, _i, _o in data))
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
                judged.employee_id, min(judged.mapped("date")), max(judged.mapped("date"))
            )
