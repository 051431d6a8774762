from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # The rule numbers of attendance and call-outs (RULES.md), per company: each
    # default is here and only here; read from the record's company.
    property_staff_kpi_attendance_grace_minutes = fields.Integer(
        string="Grace Minutes",
        default=0,
        help="Arriving this many minutes after the shift start or less is on time "
        "(A01).",
    )
    property_staff_kpi_attendance_disciplinary_minutes = fields.Integer(
        string="Disciplinary Threshold (minutes)",
        default=20,
        help="Late or away from the post this many minutes or more is a disciplinary "
        "violation (A10).",
    )
    property_staff_kpi_attendance_away_minutes = fields.Integer(
        string="Away from Post Deduction After (minutes)",
        default=5,
        help="Away from the post longer than this adds a deduction (K03).",
    )
    property_staff_kpi_attendance_max_hours = fields.Float(
        string="Longest Stretch (hours)",
        default=8,
        help="An attendance longer than this at a stretch is flagged (K14).",
    )
    property_staff_kpi_emergency_response_minutes = fields.Integer(
        string="Emergency Time Limit (minutes)",
        default=15,
        help="Default minutes allowed between an emergency call and the arrival on "
        "the spot.",
    )
    property_staff_kpi_emergency_band_1_minutes = fields.Integer(
        string="Emergency Light Band Up To (minutes)",
        default=10,
        help="Late by 1 to this many minutes: a light deduction (K03, 5 points).",
    )
    property_staff_kpi_emergency_band_2_minutes = fields.Integer(
        string="Emergency Medium Band Up To (minutes)",
        default=30,
        help="Late up to this many minutes: a medium deduction (K04, 10 points); "
        "later, a severe one (K05, 20 points).",
    )

    property_staff_kpi_appeal_days = fields.Integer(
        string="Days to Appeal an Assessment",
        default=3,
        help="An employee appeals a submitted assessment within this many days of its "
        "submission (K12).",
    )

    def _property_demo_setup(self):
        """Attendances of the demo staff from the first day of last month to
        yesterday: each planned working day worked as planned, so that nobody is
        judged absent (A03, 旷工)."""
        res = super()._property_demo_setup()
        today = fields.Date.context_today(self)
        self._property_demo_attendances(
            today.replace(day=1) - relativedelta(months=1), today
        )
        return res

    def _property_demo_staff_employees(self):
        """The employees of the suite's users in this company (the demo staff)."""
        staff = self.env.ref("property_base.group_property_user").sudo().users
        return (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("user_id", "in", staff.filtered(lambda u: not u.share).ids),
                    ("company_id", "=", self.id),
                    ("resource_calendar_id", "!=", False),
                ]
            )
        )

    def _property_demo_attendances(self, date_from, date_to):
        """One attendance per planned working day (public holidays and leave left
        out) from ``date_from`` (included) to ``date_to`` (excluded) for each demo
        employee, from the first planned hour to the last, unless the day already
        has one."""
        Attendance = self.env["hr.attendance"].sudo()
        employees = self._property_demo_staff_employees()
        # someone with attendances of their own in the period, or still checked in, is
        # left as they are (Odoo refuses overlapping attendances)
        employees -= Attendance.search(
            [
                ("employee_id", "in", employees.ids),
                "|",
                ("check_out", "=", False),
                (
                    "check_in",
                    ">=",
                    datetime.combine(date_from - timedelta(days=1), time.min),
                ),
            ]
        ).employee_id
        vals_list = []
        for calendar, members in employees.grouped("resource_calendar_id").items():
            # a day around the period: a working day is whole in its own time zone
            start = pytz.utc.localize(
                datetime.combine(date_from - timedelta(days=1), time.min)
            )
            stop = pytz.utc.localize(
                datetime.combine(date_to + timedelta(days=1), time.min)
            )
            intervals = calendar._work_intervals_batch(start, stop, members.resource_id)
            for employee in members:
                days = defaultdict(list)
                for begin, end, _rec in intervals.get(employee.resource_id.id, []):
                    # the day of the interval in the time zone it is planned in
                    if date_from <= begin.date() < date_to:
                        days[begin.date()].append((begin, end))
                worked = {
                    att.check_in.date()
                    for att in Attendance.search(
                        [
                            ("employee_id", "=", employee.id),
                            (
                                "check_in",
                                ">=",
                                start.astimezone(pytz.utc).replace(tzinfo=None),
                            ),
                            (
                                "check_in",
                                "<",
                                stop.astimezone(pytz.utc).replace(tzinfo=None),
                            ),
                        ]
                    )
                }
                for day, spans in sorted(days.items()):
                    check_in = (
                        min(b for b, _e in spans)
                        .astimezone(pytz.utc)
                        .replace(tzinfo=None)
                    )
                    check_out = (
                        max(e for _b, e in spans)
                        .astimezone(pytz.utc)
                        .replace(tzinfo=None)
                    )
                    if check_in.date() in worked or day in worked:
                        continue
                    vals_list.append(
                        {
                            "employee_id": employee.id,
                            # on post a few minutes early, as a careful employee is
                            "check_in": check_in - timedelta(minutes=5),
                            "check_out": check_out + timedelta(minutes=5),
                        }
                    )
        return Attendance.create(vals_list)
