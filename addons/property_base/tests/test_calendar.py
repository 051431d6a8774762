from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import PropertyCase


@tagged("post_install", "-at_install")
class TestChinaWorkingDays(PropertyCase):
    def test_base_national_day_2025_is_not_working(self):
        self.calendar._property_import_cn_holidays(2025)
        for day in range(1, 9):
            self.assertFalse(
                self.site._is_working_day(date(2025, 10, day)),
                f"2025-10-0{day} is a holiday",
            )
        # the 调休 make-up days (a Sunday and a Saturday) are working days ...
        self.assertTrue(self.site._is_working_day(date(2025, 9, 28)))
        self.assertTrue(self.site._is_working_day(date(2025, 10, 11)))
        # ... while an ordinary weekend and an ordinary weekday keep the weekly schedule
        self.assertFalse(self.site._is_working_day(date(2025, 10, 12)))
        self.assertTrue(self.site._is_working_day(date(2025, 10, 9)))

    def test_base_three_working_days_after_2025_09_30(self):
        accepted = datetime(2025, 9, 30, 2, 0)  # 10:00 in Shanghai
        # without the holidays the weekly schedule alone gives Friday 3 October
        before = self.site._working_day_deadline(accepted, 3)
        self.assertEqual(self.site._local_date(before), date(2025, 10, 3))
        self.calendar._property_import_cn_holidays(2025)
        deadline = self.site._working_day_deadline(accepted, 3)
        # 10-09 (Thu), 10-10 (Fri), 10-11 (the Saturday make-up day)
        self.assertEqual(self.site._local_date(deadline), date(2025, 10, 11))
        # the end of that day in the site's time zone, stored in UTC
        self.assertEqual(deadline, datetime(2025, 10, 11, 15, 59, 59))
        # the day of acceptance itself is not counted, even late at night local time
        late = datetime(2025, 9, 30, 15, 30)  # 23:30 in Shanghai, still 09-30
        self.assertEqual(
            self.site._local_date(self.site._working_day_deadline(late, 1)),
            date(2025, 10, 9),
        )

    def test_base_holiday_import_is_idempotent(self):
        first = self.calendar._property_import_cn_holidays(2025)
        self.assertGreater(first["holidays"], 5)
        self.assertGreater(first["workdays"], 3)
        leaves = self.calendar.global_leave_ids
        makeup = self.calendar.property_makeup_attendance_ids
        national_day = leaves.filtered(lambda leave: "国庆节" in leave.name)
        self.assertEqual(len(national_day), 1, "1-8 October is one holiday period")
        self.assertEqual(national_day.date_from, datetime(2025, 9, 30, 16, 0))
        self.assertEqual(national_day.date_to, datetime(2025, 10, 8, 15, 59, 59))
        second = self.calendar._property_import_cn_holidays(2025)
        self.assertEqual(second, {"holidays": 0, "workdays": 0, "removed": 0})
        self.assertEqual(self.calendar.global_leave_ids, leaves)
        self.assertEqual(self.calendar.property_makeup_attendance_ids, makeup)

    def test_base_import_keeps_manual_entries(self):
        manual = self.env["resource.calendar.leaves"].create(
            {
                "name": "Company anniversary",
                "calendar_id": self.calendar.id,
                "date_from": datetime(
                    2025, 6, 2, 16, 0
                ),  # 3 June, whole day in Shanghai
                "date_to": datetime(2025, 6, 3, 15, 59, 59),
            }
        )
        self.calendar._property_import_cn_holidays(2025)
        self.calendar._property_import_cn_holidays(2025)
        self.assertTrue(manual.exists())
        self.assertFalse(self.site._is_working_day(date(2025, 6, 3)))

    def test_base_unknown_year_keeps_weekly_schedule_and_reminds(self):
        leaves_before = self.calendar.global_leave_ids
        wizard = self.env["property.holiday.import"].create(
            {
                "year": 2099,
                "calendar_ids": [(6, 0, self.calendar.ids)],
            }
        )
        action = wizard.action_import()
        self.assertEqual(action["params"]["type"], "warning")
        self.assertIn("2099", action["params"]["message"])
        self.assertEqual(self.calendar.global_leave_ids, leaves_before)
        self.assertTrue(
            self.site._is_working_day(date(2099, 1, 1)), "weekly schedule kept"
        )
        activities = self.site.activity_ids.filtered(lambda a: "2099" in a.summary)
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.user_site_manager)
        wizard.action_import()
        self.assertEqual(
            len(self.site.activity_ids.filtered(lambda a: "2099" in a.summary)),
            1,
            "the reminder is given once",
        )

    def test_base_manual_makeup_day_for_an_unknown_year(self):
        # a manager enters a make-up Saturday by hand for a year the data does not cover
        saturday = date(2099, 1, 3)
        self.assertFalse(self.site._is_working_day(saturday))
        self.calendar.write(
            {
                "property_makeup_attendance_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "调休上班",
                            "dayofweek": "5",
                            "date_from": saturday,
                            "date_to": saturday,
                            "hour_from": 8.5,
                            "hour_to": 17.5,
                            "day_period": "morning",
                            "property_makeup_day": True,
                        },
                    )
                ]
            }
        )
        self.assertTrue(self.site._is_working_day(saturday))
        self.assertFalse(
            self.site._is_working_day(date(2099, 1, 10)), "valid on its date only"
        )
        with self.assertRaises(ValidationError):
            self.calendar.write(
                {
                    "property_makeup_attendance_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "wrong weekday",
                                "dayofweek": "0",
                                "date_from": date(2099, 1, 10),
                                "date_to": date(2099, 1, 10),
                                "hour_from": 8.5,
                                "hour_to": 17.5,
                                "property_makeup_day": True,
                            },
                        )
                    ]
                }
            )

    def test_base_cron_imports_current_and_next_year_in_december(self):
        with freeze_time("2025-12-05"):
            self.env["resource.calendar"]._cron_property_import_cn_holidays()
        names = self.calendar.global_leave_ids.mapped("name")
        self.assertTrue(any(n.startswith("2025 ") for n in names))
        self.assertTrue(any(n.startswith("2026 ") for n in names))
        self.assertFalse(self.site.activity_ids)
        # a year the holiday data does not cover: one reminder per missing year
        with freeze_time("2098-12-05"):
            self.env["resource.calendar"]._cron_property_import_cn_holidays()
            self.env["resource.calendar"]._cron_property_import_cn_holidays()
        summaries = self.site.activity_ids.mapped("summary")
        self.assertEqual(len(summaries), 2)
        self.assertTrue(any("2098" in s for s in summaries))
        self.assertTrue(any("2099" in s for s in summaries))
