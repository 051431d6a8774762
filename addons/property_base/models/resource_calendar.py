from bisect import bisect_left, bisect_right
from datetime import date, datetime, time, timedelta

import pytz

from odoo import api, fields, models, tools
from odoo.tools import groupby

try:
    import chinese_calendar
except ImportError:  # pragma: no cover - declared in external_dependencies
    chinese_calendar = None


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    property_makeup_attendance_ids = fields.One2many(
        "resource.calendar.attendance",
        "calendar_id",
        string="Make-up Working Days",
        domain=[("property_makeup_day", "=", True)],
        context={"default_property_makeup_day": True},
    )

    # Odoo's plan_days looks 100 windows of 14 days ahead before giving up
    PROPERTY_REACH_DAYS = 1400

    def write(self, vals):
        res = super().write(vals)
        if {"tz", "two_weeks_calendar"} & vals.keys():
            self._property_index_changed()
        return res

    # ------------------------------------------------------------------
    # The working-day index
    # ------------------------------------------------------------------
    @api.model
    def _property_index_changed(self):
        """Forget every calendar's working-day index (the registry's default cache,
        also cleared in the other workers at the end of the transaction)."""
        self.env.registry.clear_cache()

    @tools.ormcache("self.id")
    def _property_tz_name(self):
        """The calendar's time zone name (cached with the index, forgotten with it)."""
        self.ensure_one()
        return self.sudo().tz or False

    @tools.ormcache("self.id", "year")
    def _property_working_ordinals(self, year):
        """The working dates of ``year`` in the calendar's time zone, as a sorted tuple
        of date ordinals: the days with working time left once the global leaves
        (public holidays, site closures) are removed, make-up days (调休) included.

        The same days as ``plan_days(compute_leaves=True)`` finds (the same interval
        computation, done once for the whole year); cached per calendar and year and
        forgotten whenever an attendance line, a leave or the time zone changes.
        """
        self.ensure_one()
        calendar = self.sudo().with_context(employee_timezone=False)
        tz = pytz.timezone(calendar.tz or "Asia/Shanghai")
        start = tz.localize(datetime(year, 1, 1))
        stop = tz.localize(datetime(year + 1, 1, 1))
        intervals = calendar._work_intervals_batch(start, stop, tz=tz)[False]
        return tuple(
            sorted({begin.date().toordinal() for begin, _stop, _rec in intervals})
        )

    def _property_nth_working_day(self, first_day, days):
        """The date of the ``days``-th working day counted from ``first_day`` (a date,
        counted itself when it is a working day), or False when the calendar has no
        such day within Odoo's reach (1,400 days)."""
        self.ensure_one()
        ordinal = first_day.toordinal()
        last = ordinal + self.PROPERTY_REACH_DAYS - 1
        remaining = days
        for year in range(first_day.year, date.fromordinal(last).year + 1):
            ordinals = self._property_working_ordinals(year)
            position = bisect_left(ordinals, ordinal) if year == first_day.year else 0
            available = len(ordinals) - position
            if available >= remaining:
                found = ordinals[position + remaining - 1]
                return date.fromordinal(found) if found <= last else False
            remaining -= available
        return False

    def _property_working_dates(self, date_from, date_to):
        """The working dates from ``date_from`` to ``date_to`` (both included)."""
        self.ensure_one()
        first, last = date_from.toordinal(), date_to.toordinal()
        result = []
        for year in range(date_from.year, date_to.year + 1):
            ordinals = self._property_working_ordinals(year)
            result += ordinals[
                bisect_left(ordinals, first) : bisect_right(ordinals, last)
            ]
        return [date.fromordinal(ordinal) for ordinal in result]

    def _property_count_working_days(self, date_from, date_to):
        """The number of working days from ``date_from`` to ``date_to`` (both
        included)."""
        self.ensure_one()
        first, last = date_from.toordinal(), date_to.toordinal()
        count = 0
        for year in range(date_from.year, date_to.year + 1):
            ordinals = self._property_working_ordinals(year)
            count += bisect_right(ordinals, last) - bisect_left(ordinals, first)
        return count

    def _property_is_working_day(self, day):
        """Whether ``day`` (a date) has working time in the calendar."""
        self.ensure_one()
        ordinals = self._property_working_ordinals(day.year)
        position = bisect_left(ordinals, day.toordinal())
        return position < len(ordinals) and ordinals[position] == day.toordinal()

    # ------------------------------------------------------------------
    # The official schedule
    # ------------------------------------------------------------------
    @api.model
    def _property_cn_schedule(self, year):
        """Mainland China's public holidays and make-up working days of ``year``.

        Returns ``(holidays, workdays)``: lists of ``(first_day, last_day, name)`` for
        each run of consecutive holidays, and the sorted make-up working days; or
        ``None`` when the installed holiday data does not cover ``year``.
        """
        if chinese_calendar is None:
            return None
        days = sorted(d for d in chinese_calendar.holidays if d.year == year)
        if not days:
            return None
        names = {h.value: h.chinese for h in chinese_calendar.Holiday}
        runs = []
        # consecutive days share the same (ordinal - position)
        for _key, group in groupby(
            enumerate(days), key=lambda p: p[1].toordinal() - p[0]
        ):
            run = sorted(day for _index, day in group)
            labels = []
            for day in run:
                label = names.get(
                    chinese_calendar.holidays[day], chinese_calendar.holidays[day]
                )
                if label not in labels:
                    labels.append(label)
            runs.append((run[0], run[-1], "、".join(labels)))
        workdays = sorted(d for d in chinese_calendar.workdays if d.year == year)
        return runs, workdays

    def _property_local_bounds(self, first_day, last_day):
        """Naive UTC datetimes of the local start of ``first_day`` and end of
        ``last_day``."""
        self.ensure_one()
        tz = pytz.timezone(self.tz or "Asia/Shanghai")
        start = tz.localize(datetime.combine(first_day, time.min))
        end = tz.localize(datetime.combine(last_day, time(23, 59, 59)))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    def _property_regular_lines(self):
        """The weekly lines (no dates, no resource) of the calendar."""
        self.ensure_one()
        return self.attendance_ids.filtered(
            lambda a: (
                not a.date_from
                and not a.date_to
                and not a.resource_id
                and not a.display_type
            )
        )

    def _property_import_cn_holidays(self, year):
        """Import ``year``'s public holidays as calendar leaves and its make-up working
        days (调休) as attendance lines valid on that date only, on every calendar of
        ``self``; idempotent: what is already there is kept, what the schedule no longer
        lists is removed, and what a manager entered by hand is never touched.

        Returns a dict of counts, or ``None`` when the year is not covered.
        """
        schedule = self._property_cn_schedule(year)
        if schedule is None:
            return None
        holidays, workdays = schedule
        Leave = self.env["resource.calendar.leaves"].sudo()
        Attendance = self.env["resource.calendar.attendance"].sudo()
        year_start, year_end = date(year, 1, 1), date(year, 12, 31)
        margin = timedelta(days=1)
        existing_leaves = Leave.search(
            [
                ("calendar_id", "in", self.ids),
                ("property_cn_holiday", "=", True),
                ("resource_id", "=", False),
                ("date_from", "<=", datetime.combine(year_end + margin, time.max)),
                ("date_to", ">=", datetime.combine(year_start - margin, time.min)),
            ]
        )
        existing_days = Attendance.search(
            [
                ("calendar_id", "in", self.ids),
                ("property_makeup_day", "=", True),
                ("date_from", ">=", year_start),
                ("date_from", "<=", year_end),
            ]
        )
        leaves_by_key = {
            (leave.calendar_id.id, leave.date_from, leave.date_to): leave
            for leave in existing_leaves
        }
        days_by_key = {}
        for line in existing_days:
            days_by_key.setdefault((line.calendar_id.id, line.date_from), Attendance)
            days_by_key[(line.calendar_id.id, line.date_from)] |= line

        leave_vals, day_vals = [], []
        kept_leaves, kept_days = Leave, Attendance
        for calendar in self:
            for first_day, last_day, name in holidays:
                date_from, date_to = calendar._property_local_bounds(
                    first_day, last_day
                )
                found = leaves_by_key.get((calendar.id, date_from, date_to))
                if found:
                    kept_leaves |= found
                    continue
                leave_vals.append(
                    {
                        "name": f"{year} {name}",
                        "calendar_id": calendar.id,
                        "company_id": calendar.company_id.id,
                        "date_from": date_from,
                        "date_to": date_to,
                        "time_type": "leave",
                        "property_cn_holiday": True,
                    }
                )
            regular = calendar._property_regular_lines()
            if not regular:
                continue
            worked_weekdays = set(regular.mapped("dayofweek"))
            reference_day = min(worked_weekdays, key=int)
            reference = regular.filtered(lambda a, d=reference_day: a.dayofweek == d)
            for day in workdays:
                if str(day.weekday()) in worked_weekdays:
                    continue
                found = days_by_key.get((calendar.id, day))
                if found:
                    kept_days |= found
                    continue
                day_vals += [
                    {
                        "name": self.env._("Make-up working day %(date)s", date=day),
                        "calendar_id": calendar.id,
                        "dayofweek": str(day.weekday()),
                        "date_from": day,
                        "date_to": day,
                        "hour_from": line.hour_from,
                        "hour_to": line.hour_to,
                        "day_period": line.day_period,
                        "week_type": line.week_type,
                        "property_makeup_day": True,
                    }
                    for line in reference
                ]
        stale_leaves = existing_leaves - kept_leaves
        stale_days = existing_days - kept_days
        stale_leaves.unlink()
        stale_days.unlink()
        bounds = [(vals["date_from"], vals["date_to"]) for vals in leave_vals]
        created = Leave.create(leave_vals)
        # Odoo's Time Off moves a calendar's public holiday from the creating user's
        # time zone to the calendar's when the two differ; these bounds are already the
        # calendar's (a handful of holidays a year, rewritten only when moved)
        for leave, (date_from, date_to) in zip(created, bounds, strict=True):
            if (leave.date_from, leave.date_to) != (date_from, date_to):
                leave.write({"date_from": date_from, "date_to": date_to})
        Attendance.create(day_vals)
        return {
            "holidays": len(leave_vals),
            "workdays": len({(v["calendar_id"], v["date_from"]) for v in day_vals}),
            "removed": len(stale_leaves) + len(stale_days),
        }

    def _property_remind_manual_entry(self, year):
        """Ask the managers of the sites using these calendars, once, to enter
        ``year``'s holidays and make-up days by hand."""
        sites = (
            self.env["property.site"].sudo().search([("calendar_id", "in", self.ids)])
        )
        if not sites:
            return 0
        summary = self.env._(
            "Enter the %(year)s public holidays and make-up working days", year=year
        )
        todo = self.env.ref("mail.mail_activity_data_todo")
        already = set(
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "property.site"),
                    ("res_id", "in", sites.ids),
                    ("activity_type_id", "=", todo.id),
                    ("summary", "=", summary),
                ]
            )
            .mapped("res_id")
        )
        fallback = self.env.ref("property_base.group_property_manager").sudo().users
        count = 0
        for site in sites.filtered(lambda s: s.id not in already):
            user = site.manager_id or fallback[:1] or self.env.user
            site.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=summary,
                note=self.env._(
                    "The installed holiday data has no schedule for %(year)s yet. "
                    "Open the working time %(calendar)s and enter the public holidays "
                    "(Time Off) and the make-up working days by hand, or import them "
                    "again once the data is updated.",
                    year=year,
                    calendar=site.calendar_id.display_name,
                ),
                user_id=user.id,
            )
            count += 1
        return count

    @api.model
    def _cron_property_import_cn_holidays(self):
        """Keep the sites' calendars in step with the official schedule: this year and,
        from December on, the next one; remind the managers when a year is missing."""
        calendars = (
            self.env["property.site"].sudo().search([("active", "=", True)]).calendar_id
        )
        if not calendars:
            return
        today = fields.Date.context_today(self)
        years = [today.year] + ([today.year + 1] if today.month == 12 else [])
        for year in years:
            if calendars._property_import_cn_holidays(year) is None:
                calendars._property_remind_manual_entry(year)
