"""Attendance verdicts (A01–A03, A10, K13, K14): the monthly verdict and ledger pass
for 500 employees over 22 working days of realistic attendances, measured in the same
run against Odoo's own overtime recomputation (``hr.attendance._update_overtime``) for
the same attendances.

Run: make bench (or python3 bench/bench_attendance.py). Prints figures only; the goal
(issue 18) is a verdict + ledger pass within 0.3x Odoo's overtime recomputation.
With ``--rosters`` (or BENCH_ROSTERS=1; bench_attendance_rosters.py runs it) every
employee works from published weekly rosters of one site's post (issue #23) instead
of the calendar, at the same hours (a split shift 08:30-12:00 and 13:30-17:30 on
weekdays), so that the figures compare.
"""

import datetime
import os
import random
import sys

from harness import Timer, bench_env, db_name, report, run, size
from psycopg2.extras import execute_values

EMPLOYEES = size(500, 3)
MONTH_FROM = datetime.date(2025, 5, 1)  # 22 weekdays, no holiday imported
MONTH_TO = datetime.date(2025, 5, 31)
# Shanghai 08:30-12:00 and 13:30-17:30 are 00:30-04:00 and 05:30-09:30 UTC
MORNING = (datetime.time(0, 30), datetime.time(4, 0))
AFTERNOON = (datetime.time(5, 30), datetime.time(9, 30))
ROSTERS = (
    os.environ.get("BENCH_ROSTERS", "") not in ("", "0") or "--rosters" in sys.argv[1:]
)


def _calendar(env):
    return env["resource.calendar"].create(
        {
            "name": "Bench Shanghai office hours",
            "tz": "Asia/Shanghai",
            "attendance_ids": [
                (
                    0,
                    0,
                    {
                        "name": f"{day} {period}",
                        "dayofweek": str(day),
                        "hour_from": hour_from,
                        "hour_to": hour_to,
                        "day_period": period,
                    },
                )
                for day in range(5)
                for period, hour_from, hour_to in (
                    ("morning", 8.5, 12.0),
                    ("afternoon", 13.5, 17.5),
                )
            ],
        }
    )


def _rosters(env, calendar, employees):
    """Published weekly rosters of one site's gate covering the month, a line per
    employee and weekday (the calendar's hours as a split shift)."""
    site = env["property.site"].create(
        {"name": "Bench roster site", "code": "BENCH-R", "calendar_id": calendar.id}
    )
    shift = env["property.shift.type"].create(
        {
            "name": "Bench office hours",
            "code": "BENCH-S",
            "hour_start": 8.5,
            "hour_end": 12.0,
            "split": True,
            "split_hour_start": 13.5,
            "split_hour_end": 17.5,
        }
    )
    first_monday = MONTH_FROM - datetime.timedelta(days=MONTH_FROM.weekday())
    mondays = []
    while first_monday <= MONTH_TO:
        mondays.append(first_monday)
        first_monday += datetime.timedelta(days=7)
    rosters = env["property.roster"].create(
        [{"site_id": site.id, "post": "gate", "week_start": day} for day in mondays]
    )
    env["property.roster.line"].create(
        [
            {
                "roster_id": roster.id,
                "employee_id": employee.id,
                "date": day,
                "shift_type_id": shift.id,
            }
            for roster in rosters
            for day in (
                roster.week_start + datetime.timedelta(days=n) for n in range(5)
            )
            if MONTH_FROM <= day <= MONTH_TO
            for employee in employees
        ]
    )
    rosters.action_publish()
    return len(rosters.line_ids)


def _day_spans(rng, day):
    """The attendances of one employee on one working day (UTC), or none."""

    def at(moment, minutes=0):
        return datetime.datetime.combine(day, moment) + datetime.timedelta(
            minutes=minutes
        )

    draw = rng.random()
    if draw < 0.02:  # absent
        return []
    check_in = at(MORNING[0], rng.randint(-15, 0))
    check_out = at(AFTERNOON[1], rng.randint(0, 10))
    if draw < 0.10:  # late
        check_in = at(MORNING[0], rng.randint(1, 40))
    elif draw < 0.15:  # early leave
        check_out = at(AFTERNOON[1], -rng.randint(1, 30))
    elif draw < 0.27:  # overtime in the evening
        check_out = at(AFTERNOON[1], rng.randint(30, 150))
    spans = [(check_in, at(MORNING[1], rng.randint(0, 5)))]
    if 0.27 <= draw < 0.32:  # away from the post mid-afternoon
        spans += [
            (at(AFTERNOON[0], rng.randint(-5, 0)), at(AFTERNOON[0], 90)),
            (at(AFTERNOON[0], 90 + rng.randint(6, 30)), check_out),
        ]
    else:
        spans.append((at(AFTERNOON[0], rng.randint(-5, 0)), check_out))
    return spans


def _generate(env, employees):
    """Attendances through SQL (the ORM would recompute overtime on each create)."""
    rng = random.Random(8)
    days = [
        MONTH_FROM + datetime.timedelta(days=n)
        for n in range((MONTH_TO - MONTH_FROM).days + 1)
        if (MONTH_FROM + datetime.timedelta(days=n)).weekday() < 5
    ]
    rows = []
    uid = env.uid
    for employee in employees:
        for day in days:
            for check_in, check_out in _day_spans(rng, day):
                hours = (check_out - check_in).total_seconds() / 3600
                rows.append((employee.id, check_in, check_out, hours, uid, uid))
    execute_values(
        env.cr._obj,
        """
        INSERT INTO hr_attendance (employee_id, check_in, check_out, worked_hours,
                                   in_mode, out_mode, overtime_status,
                                   property_overtime_compensation,
                                   create_uid, write_uid,
                                   create_date, write_date)
        VALUES %s
        """,
        rows,
        template="(%s, %s, %s, %s, 'manual', 'manual', 'to_approve', 'pay', %s, %s, "
        "now(), now())",
        page_size=5000,
    )
    env.cr.execute("ANALYZE hr_attendance")
    env.invalidate_all()
    return len(days), len(rows)


def main(rosters=ROSTERS):
    name = "attendance_rosters" if rosters else "attendance"
    with bench_env(db_name(name), ["property_staff_kpi"]) as env:
        calendar = _calendar(env)
        department = env["hr.department"].create({"name": "Bench customer service"})
        employees = env["hr.employee"].create(
            [
                {
                    "name": f"Bench employee {n}",
                    "resource_calendar_id": calendar.id,
                    "tz": "Asia/Shanghai",
                    "department_id": department.id,
                }
                for n in range(EMPLOYEES)
            ]
        )
        with Timer() as gen:
            days, rows = _generate(env, employees)
        roster_lines = _rosters(env, calendar, employees) if rosters else 0
        env.flush_all()
        attendances = env["hr.attendance"].search(
            [("employee_id", "in", employees.ids)]
        )
        dates = attendances._get_attendances_dates()
        Verdict = env["property.attendance.verdict"]
        # warm-up on one employee (caches, prepared plans), then the timed runs
        Verdict._run_period(employees[:1], MONTH_FROM, MONTH_TO)
        env.flush_all()
        env.invalidate_all()

        with Timer() as odoo_overtime:
            env["hr.attendance"]._update_overtime(dates)
            env.flush_all()
        env.invalidate_all()
        with Timer() as ours:
            verdicts = Verdict._run_period(employees, MONTH_FROM, MONTH_TO)
            env.flush_all()
        env.invalidate_all()
        with Timer() as rerun:
            Verdict._run_period(employees, MONTH_FROM, MONTH_TO)
            env.flush_all()
        statuses = dict(
            Verdict._read_group([("id", "in", verdicts.ids)], ["status"], ["__count"])
        )
        lines = env["property.kpi.line"].search_count([("origin", "=", "automatic")])
        overtimes = env["hr.attendance.overtime"].search_count(
            [("employee_id", "in", employees.ids)]
        )
        report(
            f"Monthly attendance pass: {EMPLOYEES} employees x {days} working days"
            + (" (rosters)" if rosters else ""),
            [
                ("attendances generated (SQL)", rows, ""),
                ("roster lines (published)", roster_lines, ""),
                ("generation", gen.seconds, "s"),
                (
                    "Odoo overtime recomputation (_update_overtime)",
                    odoo_overtime.seconds,
                    "s",
                ),
                ("  queries", odoo_overtime.queries, ""),
                ("  overtime records", overtimes, ""),
                ("verdicts + ledger lines (_run_period)", ours.seconds, "s"),
                ("  queries", ours.queries, ""),
                ("  verdicts", len(verdicts), ""),
                ("  absent", statuses.get("absent", 0), ""),
                ("  present", statuses.get("present", 0), ""),
                ("  automatic ledger lines", lines, ""),
                ("second pass, nothing to change", rerun.seconds, "s"),
                ("  queries", rerun.queries, ""),
                (
                    "ratio ours / Odoo's overtime (goal: <= 0.3)",
                    ours.seconds / odoo_overtime.seconds,
                    "",
                ),
            ],
        )
        env.cr.rollback()


if __name__ == "__main__":
    run(main)
