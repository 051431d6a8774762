"""Working-day deadlines: how fast the site's calendar answers "N working days after
this day" with China's holidays and 调休 loaded, compared with the weekly schedule alone.

Run: make bench (or python3 bench/bench_base_deadlines.py). Prints figures only.
"""

import random
from datetime import datetime, timedelta

from harness import Timer, bench_env, db_name, report, run, size

SAMPLES = size(2000, 20)


def main():
    with bench_env(db_name("base"), ["property_base"]) as env:
        calendar = env["resource.calendar"].create({"name": "Bench hours", "tz": "Asia/Shanghai"})
        site = env["property.site"].create(
            {"name": "Bench site", "code": "BENCH", "calendar_id": calendar.id}
        )
        rng = random.Random(42)
        starts = [
            datetime(2025, 1, 1) + timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
            for _ in range(SAMPLES)
        ]
        days = [rng.choice((1, 3, 5, 15)) for _ in range(SAMPLES)]
        with Timer() as plain:
            for start, n in zip(starts, days, strict=True):
                site._working_day_deadline(start, n)
        calendar._property_import_cn_holidays(2025)
        calendar._property_import_cn_holidays(2026)
        with Timer() as holidays:
            for start, n in zip(starts, days, strict=True):
                site._working_day_deadline(start, n)
        env.cr.rollback()
    report(
        f"{SAMPLES} working-day deadlines (1/3/5/15 days, random 2025 start times)",
        [
            ("weekly schedule only: ms per deadline", plain.seconds * 1000 / SAMPLES, "ms"),
            (
                "with 2025-2026 holidays and 调休: ms per deadline",
                holidays.seconds * 1000 / SAMPLES,
                "ms",
            ),
            ("queries per deadline (with holidays)", holidays.queries / SAMPLES, ""),
            ("ratio holidays / weekly", holidays.seconds / plain.seconds, "x"),
        ],
    )


if __name__ == "__main__":
    run(main)
