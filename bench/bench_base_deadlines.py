"""Working-day deadlines: how fast the site's calendar answers "N working days after
this day" with China's holidays and 调休 loaded, compared with the weekly schedule alone
and with Odoo's own interval computation (``resource.calendar.plan_days``, what the
deadlines used before the working-day index).

Run: make bench (or python3 bench/bench_base_deadlines.py). Prints figures only.
"""

import random
from datetime import datetime, time, timedelta

from harness import Timer, bench_env, db_name, report, run, size

SAMPLES = size(2000, 20)
ANCHOR_SAMPLES = size(200, 5)


def _plan_days_deadline(site, start, days):
    """The deadline through Odoo's plan_days (the computation before the index)."""
    tz = site._site_tz()
    next_day = site._local_date(start) + timedelta(days=1)
    day_start = tz.localize(datetime.combine(next_day, time.min))
    reached = site.calendar_id.plan_days(days, day_start, compute_leaves=True)
    return reached and reached.astimezone(tz).date()


def main():
    with bench_env(db_name("base"), ["property_base"]) as env:
        calendar = env["resource.calendar"].create(
            {"name": "Bench hours", "tz": "Asia/Shanghai"}
        )
        site = env["property.site"].create(
            {"name": "Bench site", "code": "BENCH", "calendar_id": calendar.id}
        )
        rng = random.Random(42)
        starts = [
            datetime(2025, 1, 1) + timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
            for _ in range(SAMPLES)
        ]
        days = [rng.choice((1, 3, 5, 15)) for _ in range(SAMPLES)]
        pairs = list(zip(starts, days, strict=True))
        with Timer() as plain_first:  # builds the 2025 (and 2026) index
            for start, n in pairs[:1]:
                site._working_day_deadline(start, n)
        with Timer() as plain:
            for start, n in pairs:
                site._working_day_deadline(start, n)
        calendar._property_import_cn_holidays(2025)
        calendar._property_import_cn_holidays(2026)
        with Timer() as holidays_first:  # the import forgot the index: built again
            for start, n in pairs[:1]:
                site._working_day_deadline(start, n)
        with Timer() as holidays:
            for start, n in pairs:
                site._working_day_deadline(start, n)
        with Timer() as anchor:
            for start, n in pairs[:ANCHOR_SAMPLES]:
                _plan_days_deadline(site, start, n)
        for start, n in pairs[:ANCHOR_SAMPLES]:
            expected = _plan_days_deadline(site, start, n)
            if site._local_date(site._working_day_deadline(start, n)) != expected:
                raise AssertionError(
                    f"index and plan_days differ: {n} days after {start}"
                )
        env.cr.rollback()
    per_deadline = holidays.seconds * 1000 / SAMPLES
    per_anchor = anchor.seconds * 1000 / ANCHOR_SAMPLES
    report(
        f"{SAMPLES} working-day deadlines (1/3/5/15 days, random 2025 start times)",
        [
            (
                "weekly schedule only: first deadline (index built)",
                plain_first.seconds * 1000,
                "ms",
            ),
            (
                "weekly schedule only: ms per deadline",
                plain.seconds * 1000 / SAMPLES,
                "ms",
            ),
            (
                "with holidays and 调休: first deadline (index built)",
                holidays_first.seconds * 1000,
                "ms",
            ),
            (
                "with 2025-2026 holidays and 调休: ms per deadline (goal <= 0.1)",
                per_deadline,
                "ms",
            ),
            ("queries per deadline (with holidays)", holidays.queries / SAMPLES, ""),
            ("ratio holidays / weekly", holidays.seconds / plain.seconds, "x"),
            (
                f"anchor: Odoo plan_days, ms per deadline ({ANCHOR_SAMPLES})",
                per_anchor,
                "ms",
            ),
            ("ratio index / plan_days", per_deadline / per_anchor, "x"),
        ],
    )


if __name__ == "__main__":
    run(main)
