from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models


class PropertyAttendanceVerdictRosterMixin(models.AbstractModel):
    """The planned intervals of the rostered days (issue #23): where an employee is on
    a published roster for a week, each day of that week is planned from the roster
    (no line that day: a rest day) instead of the working-time calendar; holidays and
    approved leave still remove planned time as on the calendar's days."""

    _name = "property.attendance.verdict.roster.mixin"
    _description = "Attendance Verdict: Rosters"

    @api.model
    def _roster_plan(self, employees, date_from, date_to):
        """{employee id: (rostered days, [(begin, end, day)], {day: post})}
        of the published roster lines of ``employees`` for the weeks around the
        period, in one read for all employees. The post is (site id, post) when the
        roster requires a hand-over (A13), else None."""
        lines = (
            self.env["property.roster.line"]
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "=", "published"),
                    ("date", ">=", date_from - timedelta(days=7)),
                    ("date", "<=", date_to + timedelta(days=7)),
                ],
                [
                    "employee_id",
                    "roster_id",
                    "date",
                    "start_datetime",
                    "stop_datetime",
                    "split_start_datetime",
                    "split_stop_datetime",
                ],
            )
        )
        if not lines:
            return {}
        # the weeks' rosters in one read (prefetched together)
        lines.roster_id.fetch(["week_start", "site_id", "post", "handover_required"])
        plans = defaultdict(lambda: (set(), [], {}))
        for line in lines:
            days, spans, posts = plans[line.employee_id.id]
            roster = line.roster_id
            days.update(roster.week_start + timedelta(days=n) for n in range(7))
            # the interval names its day: the roster's (the site's), whatever the
            # employee's time zone
            spans.extend((begin, end, line.date) for begin, end in line._spans())
            posts[line.date] = (
                (roster.site_id.id, roster.post) if roster.handover_required else None
            )
        return dict(plans)

    @api.model
    def _planned_with_rosters(self, employee, planned, plan):
        """The calendar's planned intervals of ``employee`` with its rostered days
        replaced by its roster's."""
        days, spans, _posts = plan
        tz = self._days_tz(employee)
        kept = [
            interval
            for interval in planned
            if interval[0].astimezone(tz).date() not in days
        ]
        return sorted(kept + spans, key=lambda interval: interval[:2])

    @api.model
    def _drop_unfinished(self, days_by_employee):
        """Rostered days whose planned work has not ended yet are not judged (the
        night shift still on duty when the daily pass runs after midnight): the next
        daily pass judges them (see ``_rostered_on``)."""
        now = fields.Datetime.now()
        for days in days_by_employee.values():
            unfinished = [
                day
                for day, values in days.items()
                if "_post" in values
                and values["planned_stop"]
                and values["planned_stop"] > now
            ]
            for day in unfinished:
                del days[day]

    @api.model
    def _rostered_on(self, employees, day):
        """The employees of ``employees`` with a published roster shift on ``day``
        that ends after it (a night shift), in one read."""
        lines = (
            self.env["property.roster.line"]
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "=", "published"),
                    ("date", "=", day),
                ],
                ["employee_id", "site_id", "stop_datetime", "split_stop_datetime"],
            )
        )
        return lines.filtered(
            lambda line: (
                line.site_id._local_date(line.split_stop_datetime or line.stop_datetime)
                > day
            )
        ).employee_id
