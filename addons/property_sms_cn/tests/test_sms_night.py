"""Issue #20, China SMS: the night hours of a company in its time zone (the window the
queue holds non-urgent SMS in)."""

from datetime import datetime

from odoo.tests import BaseCase, tagged

from ..tools.night import night_end


@tagged("post_install", "-at_install")
class TestSmsNight(BaseCase):
    def test_n20_night_window_across_midnight(self):
        """21:00–08:00 Shanghai (UTC+8): held until 08:00 the next morning in the
        evening, the same morning after midnight; not at 08:00 or by day."""
        tz = "Asia/Shanghai"
        self.assertEqual(
            night_end(datetime(2026, 3, 2, 13, 0), 21.0, 8.0, tz),  # 21:00
            datetime(2026, 3, 3, 0, 0),
        )
        self.assertEqual(
            night_end(datetime(2026, 3, 2, 18, 30), 21.0, 8.0, tz),  # 02:30
            datetime(2026, 3, 3, 0, 0),
        )
        self.assertIsNone(night_end(datetime(2026, 3, 2, 12, 59), 21.0, 8.0, tz))
        self.assertIsNone(night_end(datetime(2026, 3, 3, 0, 0), 21.0, 8.0, tz))
        self.assertIsNone(night_end(datetime(2026, 3, 3, 4, 0), 21.0, 8.0, tz))

    def test_n20_night_window_same_day_and_off(self):
        """A window within one day (00:30–06:15), and none when start equals end."""
        tz = "Asia/Shanghai"
        self.assertEqual(
            night_end(datetime(2026, 3, 2, 17, 0), 0.5, 6.25, tz),  # 01:00
            datetime(2026, 3, 2, 22, 15),
        )
        self.assertIsNone(night_end(datetime(2026, 3, 2, 16, 0), 0.5, 6.25, tz))
        self.assertIsNone(night_end(datetime(2026, 3, 2, 14, 0), 8.0, 8.0, tz))
