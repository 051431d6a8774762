from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    def _property_demo_setup(self):
        """Attendances of the demo staff from the first day of last month to
        yesterday: each planned working day worked as planned, so that nobody is
        judged absent (A03, 旷工)."""
        res = super()._property_demo_setup()
        today = fields.Date.context_today(self)
        self._property_demo_attendances(today.replace(day=1) - relativedelta(months=1), today)
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
        vals_list = []
        for calendar, members in employees.grouped("resource_calendar_id").items():
            # a day around the period: a working day is whole in its own time zone
            start = pytz.utc.localize(datetime.combine(date_from - timedelta(days=1), time.min))
            stop = pytz.utc.localize(datetime.combine(date_to + timedelta(days=1), time.min))
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
                            ("check_in", ">=", start.astimezone(pytz.utc).replace(tzinfo=None)),
                            ("check_in", "<", stop.astimezone(pytz.utc).replace(tzinfo=None)),
                        ]
                    )
                }
                for day, spans in sorted(days.items()):
                    check_in = min(b for b, _e in spans).astimezone(pytz.utc).replace(tzinfo=None)
                    check_out = max(e for _b, e in spans).astimezone(pytz.utc).replace(tzinfo=None)
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
