from bisect import bisect_left, bisect_right
from collections import defaultdict
from datetime import date, datetime, time, timedelta

import pytz

from odoo import api, models

from odoo.addons.resource.models.utils import Intervals

from .spans import _intersected, _merged_spans, _normalized, _span_minutes, _subtracted


class PropertyAttendanceVerdictDaysMixin(models.AbstractModel):
    """The verdict values of the planned days of one employee, in plain Python (A01–A04,
    A06, A12–A14): lateness, early leave, time away, absence, hand-over."""

    _name = "property.attendance.verdict.days.mixin"
    _description = "Attendance Verdict: Day Computation"

    @api.model
    def _handover_pass(self, employees, days_by_employee):
        """A13: on a post (work location) that requires a hand-over, a shift whose
        last attendance ends before the first check-in of the next shift of the same
        day on that post is flagged (not blocked). On a rostered day (``_post`` in the
        values: the roster's site and post, None without hand-over) the next shift is
        the next one of the roster's post, whatever its day (a night shift hands over
        to the next morning's), provided it begins by the end of this one."""
        shifts = defaultdict(list)
        rostered = defaultdict(list)
        for employee in employees:
            location = employee.work_location_id
            for day, values in days_by_employee[employee.id].items():
                if not values["planned_start"] or not values.get("_first_in"):
                    continue
                if "_post" in values:
                    if values["_post"]:
                        rostered[values["_post"]].append(values)
                elif location.property_handover_required:
                    shifts[(location.id, day)].append(values)
        for day_shifts in shifts.values():
            self._handover_check(day_shifts, follows=lambda values, start: True)
        for post_shifts in rostered.values():
            self._handover_check(
                post_shifts,
                follows=lambda values, start: start <= values["planned_stop"],
            )

    @api.model
    def _handover_check(self, shifts, follows):
        """Flag the shifts of one post whose last check-out comes before the first
        check-in of the next shift (the next planned start that ``follows`` them)."""
        starts = sorted({values["planned_start"] for values in shifts})
        first_in = {
            start: min(v["_first_in"] for v in shifts if v["planned_start"] == start)
            for start in starts
        }
        for values in shifts:
            later = [start for start in starts if start > values["planned_start"]]
            if (
                later
                and follows(values, later[0])
                and values["_last_out"] < first_in[later[0]]
            ):
                values["handover_missed"] = True

    @api.model
    def _days_tz(self, employee):
        """The time zone whose dates the planned intervals of ``employee`` fall on."""
        return pytz.timezone(employee.resource_id.tz or employee.tz or "UTC")

    @api.model
    def _employee_days(
        self,
        employee,
        planned,
        leaves,
        attendances,
        date_from,
        date_to,
        settings,
        official=None,
    ):
        """Verdict values per planned day of one employee (plain Python, no query).
        ``official`` leave counts as worked time (A04); leave approved after its day
        does not cover the days before its approval (A06)."""
        tz = self._days_tz(employee)
        official = official if official is not None else Intervals()
        void = self._late_approval_intervals(leaves, official, tz)
        if void:
            leaves, official = leaves - void, official - void
        days = defaultdict(list)
        for begin, end, record in planned:
            # a roster's interval names its day (see _roster_plan); a calendar's
            # falls on its local date
            day = record if isinstance(record, date) else begin.astimezone(tz).date()
            if date_from <= day <= date_to:
                days[day].append((begin, end, record))
        # plain (start, stop) spans from here on: the day's computation needs no
        # records, and Odoo's Intervals would union recordsets at every operation;
        # all in UTC like the attendances: two datetimes of the same time zone object
        # compare without asking it their offsets (the calendar's are local)
        utc = pytz.utc
        leave_spans = [
            (begin.astimezone(utc), end.astimezone(utc)) for begin, end, _r in leaves
        ]
        official_spans = [
            (begin.astimezone(utc), end.astimezone(utc)) for begin, end, _r in official
        ]
        worked = _merged_spans(attendances)
        worked_stops = [stop for _start, stop in worked]
        result = {}
        for day, intervals in days.items():
            shift = _normalized(
                [
                    (begin.astimezone(utc), end.astimezone(utc))
                    for begin, end, _r in intervals
                ]
            )
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
                    *(
                        records
                        for begin, end, records in leaves
                        if begin < last and end > first
                    )
                )
                global_leave = any(not record.resource_id for record in leave_records)
                values["status"] = "holiday" if global_leave else "leave"
                result[day] = values
                continue
            first_start, last_stop = work[0][0], work[-1][1]
            values["planned_start"] = first_start.astimezone(pytz.utc).replace(
                tzinfo=None
            )
            values["planned_stop"] = last_stop.astimezone(pytz.utc).replace(tzinfo=None)
            # the attendances within 12 hours of the shift, by bisection on the
            # month's sorted spans
            window_start = first_start - timedelta(hours=12)
            window_stop = last_stop + timedelta(hours=12)
            day_worked = [
                (max(begin, window_start), min(end, window_stop))
                for begin, end in worked[
                    bisect_right(worked_stops, window_start) : bisect_left(
                        worked, (window_stop,)
                    )
                ]
            ]
            covered = (
                _normalized(day_worked + official_spans)
                if official_spans
                else day_worked
            )
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
                values["_first_in"] = (
                    day_worked[0][0].astimezone(pytz.utc).replace(tzinfo=None)
                )
                values["_last_out"] = (
                    day_worked[-1][1].astimezone(pytz.utc).replace(tzinfo=None)
                )
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
                values["late_minutes"] >= settings["threshold"]
                or away >= settings["threshold"]
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
