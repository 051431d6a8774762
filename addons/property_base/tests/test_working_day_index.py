"""The working-day index (resource.calendar._property_working_ordinals) against Odoo's
own interval computation (plan_days, _work_intervals_batch), which the deadlines used
before: the fixed cases of the suite, then random calendars and dates (hypothesis)."""

import contextlib
import os
from datetime import date, datetime, time, timedelta

import pytz
from hypothesis import given, settings
from hypothesis import strategies as st

from odoo import Command
from odoo.tests import tagged

from .common import PropertyCase

EXAMPLES = int(os.environ.get("PROPERTY_HYPOTHESIS_EXAMPLES", "25"))

# the periods a random calendar's weekday is made of (hour_from, hour_to, day_period)
PERIODS = {
    "morning": [(8.5, 12.0, "morning")],
    "afternoon": [(13.5, 17.5, "afternoon")],
    "both": [(8.5, 12.0, "morning"), (13.5, 17.5, "afternoon")],
    "night": [(20.0, 24.0, "afternoon")],
    "whole": [(0.0, 24.0, "morning")],
}
TIME_ZONES = [
    "Asia/Shanghai",
    "UTC",
    "Europe/Paris",
    "America/New_York",
    "Pacific/Auckland",
]


def _reference_deadline(site, start, days):
    """The deadline as it was computed before the index: Odoo's plan_days."""
    tz = site._site_tz()
    next_day = site._local_date(start) + timedelta(days=1)
    day_start = tz.localize(datetime.combine(next_day, time.min))
    reached = site.calendar_id.plan_days(days, day_start, compute_leaves=True)
    if not reached:
        return False
    last_day = reached.astimezone(tz).date()
    end = tz.localize(datetime.combine(last_day, time(23, 59, 59)))
    return end.astimezone(pytz.utc).replace(tzinfo=None)


def _reference_is_working_day(calendar, day):
    tz = pytz.timezone(calendar.tz)
    start = tz.localize(datetime.combine(day, time.min))
    end = tz.localize(datetime.combine(day, time.max))
    return bool(list(calendar._work_intervals_batch(start, end)[False]))


calendars = st.fixed_dictionaries(
    {
        "tz": st.sampled_from(TIME_ZONES),
        "week": st.lists(st.sampled_from([None, *PERIODS]), min_size=7, max_size=7),
        # global leaves, one after the other (Time Off refuses overlapping public
        # holidays): (hours after the end of the previous one, length in hours)
        "leaves": st.lists(
            st.tuples(st.integers(0, 90 * 24), st.integers(1, 12 * 24)), max_size=12
        ),
        # an employee's own leave must not count
        "resource_leaves": st.lists(
            st.tuples(st.integers(0, 2 * 365 * 24), st.integers(1, 12 * 24)), max_size=3
        ),
        # make-up working days: offsets in days from 2025-01-01
        "makeup": st.lists(st.integers(0, 2 * 365), max_size=6),
    }
)
queries = st.lists(
    st.tuples(
        st.integers(0, 2 * 365 * 24 * 60),  # minutes after 2025-01-01 00:00 UTC
        st.sampled_from([1, 2, 3, 5, 15, 40]),
    ),
    min_size=1,
    max_size=6,
)


@tagged("post_install", "-at_install")
class TestWorkingDayIndex(PropertyCase):
    def _random_calendar(self, spec):
        week = spec["week"]
        lines = [
            Command.create(
                {
                    "name": f"{day} {hour_from}",
                    "dayofweek": str(day),
                    "hour_from": hour_from,
                    "hour_to": hour_to,
                    "day_period": period,
                }
            )
            for day, kind in enumerate(week)
            if kind
            for hour_from, hour_to, period in PERIODS[kind]
        ]
        origin = date(2025, 1, 1)
        for offset in spec["makeup"]:
            day = origin + timedelta(days=offset)
            if week[day.weekday()]:
                continue  # a make-up day falls on a day off of the weekly schedule
            lines.append(
                Command.create(
                    {
                        "name": f"调休 {day}",
                        "dayofweek": str(day.weekday()),
                        "date_from": day,
                        "date_to": day,
                        "hour_from": 9.0,
                        "hour_to": 17.0,
                        "day_period": "morning",
                        "property_makeup_day": True,
                    }
                )
            )
        calendar = self.env["resource.calendar"].create(
            {
                "name": "Random hours",
                "tz": spec["tz"],
                "global_leave_ids": [Command.clear()],
                "attendance_ids": [Command.clear(), *lines]
                if lines
                else [Command.clear()],
            }
        )
        moment = datetime(2025, 1, 1)
        closures, end = [], 0
        for gap, length in spec["leaves"]:
            closures.append((end + gap, length))
            end += gap + length + 1
        resource = self.env["resource.resource"].create(
            {"name": "Somebody", "calendar_id": calendar.id, "tz": spec["tz"]}
        )
        self.env["resource.calendar.leaves"].create(
            [
                {
                    "name": "closed",
                    "calendar_id": calendar.id,
                    "date_from": moment + timedelta(hours=start),
                    "date_to": moment + timedelta(hours=start + length),
                }
                for start, length in closures
            ]
            + [
                {
                    "name": "own leave",
                    "calendar_id": calendar.id,
                    "resource_id": resource.id,
                    "date_from": moment + timedelta(hours=start),
                    "date_to": moment + timedelta(hours=start + length),
                }
                for start, length in spec["resource_leaves"]
            ]
        )
        site = self.site.copy({"code": f"R{calendar.id}", "calendar_id": calendar.id})
        return calendar, site

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True)
    @given(spec=calendars, asked=queries)
    def test_base_index_matches_plan_days(self, spec, asked):
        # each example in a savepoint rolled back afterwards
        with contextlib.closing(self.env.cr.savepoint()):
            self._check_index_example(spec, asked)
        self.env.invalidate_all()

    def _check_index_example(self, spec, asked):
        calendar, site = self._random_calendar(spec)
        for minutes, days in asked:
            start = datetime(2025, 1, 1) + timedelta(minutes=minutes)
            self.assertEqual(
                site._working_day_deadline(start, days),
                _reference_deadline(site, start, days),
                f"{days} working days after {start} UTC, {spec}",
            )
            first = site._local_date(start)
            last = first + timedelta(days=20)
            expected = [
                first + timedelta(days=n)
                for n in range(21)
                if _reference_is_working_day(calendar, first + timedelta(days=n))
            ]
            self.assertEqual(calendar._property_working_dates(first, last), expected)
            self.assertEqual(site._working_days_between(first, last), len(expected))

    def test_base_index_follows_leaves_and_attendances(self):
        """The cached index is forgotten when a leave or an attendance line changes."""
        monday = date(2025, 6, 2)
        self.assertTrue(self.site._is_working_day(monday))
        leave = self.env["resource.calendar.leaves"].create(
            {
                "name": "Site closed",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2025, 6, 1, 16, 0),
                "date_to": datetime(2025, 6, 2, 15, 59, 59),
            }
        )
        self.assertFalse(self.site._is_working_day(monday))
        leave.date_to = datetime(
            2025, 6, 2, 2, 0
        )  # a half day: the afternoon is worked
        self.assertTrue(self.site._is_working_day(monday))
        leave.unlink()
        self.assertEqual(
            self.site._working_days_between(monday, monday + timedelta(days=6)), 5
        )
        self.calendar.attendance_ids.filtered(lambda a: a.dayofweek == "0").unlink()
        self.assertFalse(self.site._is_working_day(monday))
        self.assertEqual(
            self.site._working_days_between(monday, monday + timedelta(days=6)), 4
        )
        saturday = date(2025, 6, 7)
        self.calendar.attendance_ids[:1].write({"dayofweek": "5"})
        self.assertTrue(self.site._is_working_day(saturday))

    def test_base_index_no_working_day_within_reach(self):
        self.calendar.attendance_ids.unlink()
        self.assertFalse(self.site._working_day_deadline(datetime(2025, 3, 3), 1))
        self.assertEqual(
            _reference_deadline(self.site, datetime(2025, 3, 3), 1),
            False,
        )

    def test_base_index_time_zone_change(self):
        """A calendar moved to another time zone works on other UTC hours."""
        start = datetime(2025, 3, 3, 2, 0)
        shanghai = self.site._working_day_deadline(start, 1)
        self.assertEqual(shanghai, datetime(2025, 3, 4, 15, 59, 59))
        self.calendar.tz = "Europe/Paris"
        self.assertEqual(
            self.site._working_day_deadline(start, 1), datetime(2025, 3, 4, 22, 59, 59)
        )
