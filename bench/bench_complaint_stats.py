"""Complaint statistics (C20, C21): the monthly figures of the statistics screen and
the printed monthly report over 100,000 complaints and 60,000 callbacks generated in
the database, the half-year and annual summaries (C26), and the size of each printed
form.

Run: make bench (or python3 bench/bench_complaint_stats.py). Prints figures only; the
issue's goals are 2 s for the screen's figures, 10 s for the printed monthly report
and 500 KB for a one-page form.
"""

import datetime

from harness import Timer, bench_env, db_name, report, run, size

COMPLAINTS = size(100_000, 300)
CALLBACKS = size(60_000, 180)
# the complaints span July 2024 to June 2025 whatever their number
STEP_MINUTES = 5 * 100_000 // COMPLAINTS
MONTH = datetime.date(2025, 6, 1)


def _generate(env, site, user):
    """Bulk rows through SQL: the ORM would take minutes for 160,000 records."""
    cr = env.cr
    channels = env["property.complaint.channel"].search([]).ids
    categories = env["property.complaint.category"].search([]).ids
    departments = env["hr.department"].search([]).ids
    stage = env.ref("property_complaint.stage_callback").id
    levels = env["property.complaint.satisfaction"].search([]).ids
    cr.execute(
        """
        INSERT INTO property_complaint (
            name, summary, site_id, company_id, kind, validity, channel_id,
            category_id, stage_id, state, department_id, responsible_department_id,
            date_received, active,
            is_closed, is_second_complaint, is_typical_case, user_id,
            create_uid, write_uid, create_date, write_date)
        SELECT 'BENCH-' || n, 'Complaint ' || n, %(site)s, %(company)s,
               CASE WHEN n %% 3 = 0 THEN 'demand' ELSE 'complaint' END, 'valid',
               (%(channels)s::int[])[1 + n %% array_length(%(channels)s::int[], 1)],
               (%(categories)s::int[])[1 + n %% array_length(%(categories)s::int[], 1)],
               %(stage)s, 'callback',
               (%(departments)s::int[])[
                   1 + n %% array_length(%(departments)s::int[], 1)
               ],
               (%(departments)s::int[])[
                   1 + (n / 7) %% array_length(%(departments)s::int[], 1)
               ],
               timestamp '2024-07-01' + (n * %(step)s * interval '1 minute'),
               TRUE, FALSE,
               n %% 97 = 0, n %% 500 = 0, %(user)s, %(user)s, %(user)s, now(), now()
          FROM generate_series(1, %(count)s) AS n
        """,
        {
            "site": site.id,
            "company": site.company_id.id,
            "user": user.id,
            "count": COMPLAINTS,
            "step": STEP_MINUTES,
            "channels": channels,
            "categories": categories,
            "departments": departments,
            "stage": stage,
        },
    )
    cr.execute(
        """
        INSERT INTO property_complaint_callback (
            complaint_id, site_id, company_id, kind, state, user_id, date_due,
            date_done,
            method, satisfaction_id, is_satisfied, is_dissatisfied,
            create_uid, write_uid, create_date, write_date)
        SELECT c.id, c.site_id, c.company_id, c.kind,
               (ARRAY['done', 'done', 'done', 'todo', 'exempted'])[1 + (c.id / 5) %% 5],
               %(user)s, (c.date_received + interval '14 days')::date,
               c.date_received + interval '3 days', 'phone',
               l.id, l.is_satisfied, l.is_dissatisfied,
               %(user)s, %(user)s, now(), now()
          FROM (SELECT * FROM property_complaint WHERE name LIKE 'BENCH-%%'
                   AND id %% 5 < 3 ORDER BY id LIMIT %(count)s) c
          JOIN property_complaint_satisfaction l
            ON l.id = (%(levels)s::int[])[
                1 + (c.id / 25) %% array_length(%(levels)s::int[], 1)
            ]
        """,
        {"user": user.id, "count": CALLBACKS, "levels": levels},
    )
    cr.execute(
        """
        UPDATE property_complaint c
           SET callback_state = cb.state,
               is_callback_satisfied = cb.state = 'done' AND cb.is_satisfied
          FROM property_complaint_callback cb WHERE cb.complaint_id = c.id
        """
    )
    # every 97th complaint is the second complaint of the one before it
    cr.execute(
        """
        UPDATE property_complaint c SET parent_complaint_id = p.id
          FROM property_complaint p
         WHERE c.is_second_complaint AND p.name = 'BENCH-' || (substr(c.name,
         7)::int - 1)"""
    )
    cr.execute("ANALYZE property_complaint")
    cr.execute("ANALYZE property_complaint_callback")
    env.invalidate_all()


def main():
    with bench_env(db_name("complaint_stats"), ["property_complaint"]) as env:
        site = env["property.site"].create({"name": "Bench site", "code": "BENCHC"})
        for name in ("Engineering", "Security", "Cleaning", "Customer Service"):
            env["hr.department"].create({"name": name})
        user = env.ref("base.user_admin")
        user.property_site_ids = [(4, site.id)]
        with Timer() as gen:
            _generate(env, site, user)
        env.flush_all()

        Statistics = env["property.complaint.statistics"].with_user(user)
        with Timer() as screen:
            total = Statistics._monthly_figures(site, MONTH)
            for fname in (
                "kind",
                "category_id",
                "channel_id",
                "department_id",
                "site_id",
            ):
                Statistics._monthly_figures(site, MONTH, groupby=(fname,))
        with Timer() as quarter:
            Statistics._read_group(
                [("site_id", "=", site.id)],
                ["date_received:quarter", "kind"],
                list(Statistics._MEASURES),
            )
        Report = env["ir.actions.report"].with_context(force_report_rendering=True)
        with Timer() as monthly:
            pdf_monthly, _kind = Report._render_qweb_pdf(
                "property_complaint.action_report_complaint_monthly",
                site.ids,
                {"month": MONTH.isoformat()},
            )
        Summary = env["report.property_complaint.report_complaint_summary"].with_user(
            user
        )
        with Timer() as half_year:
            Summary._summary(site, "half_year", datetime.date(2025, 1, 1))
        summaries = {}
        for period_type, start in (
            ("half_year", datetime.date(2025, 1, 1)),
            ("year", datetime.date(2024, 1, 1)),
        ):
            with Timer() as timer:
                pdf, _kind = Report._render_qweb_pdf(
                    "property_complaint.action_report_complaint_summary",
                    site.ids,
                    {"period_type": period_type, "date_from": start.isoformat()},
                )
            summaries[period_type] = (timer.seconds, len(pdf) // 1024)
        complaint = env["property.complaint"].search([("name", "=", "BENCH-1")])
        callback = complaint.callback_ids[:1]
        sizes = []
        for label, xmlid, records in (
            ("processing form", "action_report_complaint_form", complaint),
            ("internal review form", "action_report_complaint_review", complaint),
            ("callback record", "action_report_complaint_callback", callback),
        ):
            pdf, _kind = Report._render_qweb_pdf(
                f"property_complaint.{xmlid}", records.ids
            )
            sizes.append((f"PDF size: {label}", len(pdf) // 1024, "KB"))
        month_start, month_end = site._month_bounds(MONTH)
        month_rows = env["property.complaint"].search_count(
            [("date_received", ">=", month_start), ("date_received", "<", month_end)]
        )
        current = total["current"][()]
        report(
            f"Complaint statistics over {COMPLAINTS:,} complaints and {CALLBACKS:,} "
            f"callbacks",
            [
                ("generation (SQL)", gen.seconds, "s"),
                ("complaints in the month (June 2025)", month_rows, ""),
                ("screen figures: total + 5 dimensions, 2 months", screen.seconds, "s"),
                ("  queries", screen.queries, ""),
                ("quarterly figures by kind", quarter.seconds, "s"),
                ("printed monthly report (PDF)", monthly.seconds, "s"),
                ("PDF size: monthly report", len(pdf_monthly) // 1024, "KB"),
                (
                    "half-year summary figures (2025 H1, 5 dimensions)",
                    half_year.seconds,
                    "s",
                ),
                ("  queries", half_year.queries, ""),
                ("printed half-year summary (PDF)", summaries["half_year"][0], "s"),
                ("PDF size: half-year summary", summaries["half_year"][1], "KB"),
                ("printed annual summary 2024 (PDF)", summaries["year"][0], "s"),
                ("PDF size: annual summary", summaries["year"][1], "KB"),
                *sizes,
                ("June: count", current["nbr"], ""),
                ("June: callback rate", current["callback_rate"] or 0.0, "%"),
                ("June: satisfaction rate", current["satisfaction_rate"] or 0.0, "%"),
                (
                    "June: second-complaint rate",
                    current["second_complaint_rate"] or 0.0,
                    "%",
                ),
            ],
        )
        env.cr.rollback()


if __name__ == "__main__":
    run(main)
