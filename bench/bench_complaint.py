"""Complaint register: (a) the cost of registering a complaint through the ORM (number,
class, deadlines, tracking) against a ticket of OCA helpdesk_mgmt 18.0 in the same run;
(b) the escalation, one run of Odoo's automation scheduler over the ladder's rules, on
many open complaints of which 1,000 are late, with 10,000 and 100,000 open complaints:
seconds and SQL queries.

helpdesk_mgmt is installed for this benchmark only, from its PyPI wheel, into
.local/bench-addons (never a dependency of the product).

Run: make bench (or python3 bench/bench_complaint.py). Prints figures only.
"""

import os
import subprocess
import sys
from datetime import datetime, timedelta

from harness import ROOT, Timer, bench_env, db_name, report, run, size, vacuum

BENCH_ADDONS = ROOT / ".local" / "bench-addons"
REGISTER = size(300, 5)
LATE = size(1000, 5)
OPEN_TOTALS = size((10_000, 100_000), (20, 50))
# what a registration writes to (vacuumed before the timed part)
REGISTER_TABLES = (
    "property_complaint",
    "helpdesk_ticket",
    "mail_message",
    "mail_followers",
    "mail_activity",
    "property_complaint_escalation",
)


def install_helpdesk():
    """The helpdesk_mgmt wheel, outside site-packages; returns its addons directory."""
    addons = BENCH_ADDONS / "odoo" / "addons"
    if not (addons / "helpdesk_mgmt").is_dir():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--no-deps",
                "--target",
                str(BENCH_ADDONS),
                "odoo-addon-helpdesk-mgmt>=18.0,<18.1",
            ],
            check=True,
        )
    return str(addons)


def bulk_copy(env, template_id, count, deadline):
    """Insert ``count`` copies of a complaint in one statement, with a next deadline."""
    env.cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = 'property_complaint'
              AND column_name NOT IN ('id', 'name', 'date_deadline_next')"""
    )
    cols = [row[0] for row in env.cr.fetchall()]
    col_list = ", ".join(f'"{c}"' for c in cols)
    env.cr.execute(
        f"""INSERT INTO property_complaint (name, date_deadline_next, {col_list})
            SELECT 'BULKCOPY-' || g || '-' || %s, %s, {col_list}
              FROM property_complaint, generate_series(1, %s) g
             WHERE id = %s""",
        (str(deadline), deadline, count, template_id),
    )


def escalate(env):
    """One run of Odoo's automation scheduler (the escalation ladder is a set of
    time-based automation rules); returns the escalation log lines it made."""
    Log = env["property.complaint.escalation"]
    last = Log.search([], order="id desc", limit=1).id or 0
    env["base.automation"]._check()
    return Log.search_count([("id", ">", last)])


def remove_registered(env):
    """Remove what the timed registrations committed (the database is kept between
    runs): the complaints and tickets, their messages, followers and activities."""
    env.cr.execute(
        "SELECT id FROM property_complaint WHERE name NOT LIKE 'BULKCOPY-%%'"
    )
    complaints = [row[0] for row in env.cr.fetchall()]
    env.cr.execute("SELECT id FROM helpdesk_ticket")
    tickets = [row[0] for row in env.cr.fetchall()]
    for model, ids in (
        ("property.complaint", complaints),
        ("helpdesk.ticket", tickets),
    ):
        if not ids:
            continue
        for table in ("mail_message", "mail_followers", "mail_activity"):
            env.cr.execute(
                f"DELETE FROM {table} WHERE res_model = %s AND res_id IN %s"
                if table != "mail_message"
                else f"DELETE FROM {table} WHERE model = %s AND res_id IN %s",
                (model, tuple(ids)),
            )
        env.cr.execute(
            f"DELETE FROM {model.replace('.', '_')} WHERE id IN %s",
            (tuple(ids),),
        )
    env.cr.commit()
    env.invalidate_all()


def main():
    os.environ["ODOO_EXTRA_ADDONS"] = install_helpdesk()
    with bench_env(
        db_name("complaint"), ["property_complaint", "helpdesk_mgmt"]
    ) as env:
        env = env(context=dict(env.context, tracking_disable=False))
        site = env["property.site"].search([("code", "=", "BENCH")], limit=1)
        if not site:  # the database is kept between runs
            calendar = env["resource.calendar"].create(
                {"name": "Bench hours", "tz": "Asia/Shanghai"}
            )
            calendar._property_import_cn_holidays(2025)
            supervisor = env["res.users"].create(
                {"name": "Bench supervisor", "login": "bsup"}
            )
            site = env["property.site"].create(
                {
                    "name": "Bench site",
                    "code": "BENCH",
                    "calendar_id": calendar.id,
                    "manager_id": env.uid,
                    "supervisor_ids": [(4, supervisor.id)],
                }
            )
        env.cr.commit()
        # the last run's rolled-back escalation data (110,000 complaints) cleaned
        # now rather than by autovacuum during the timed registrations
        vacuum(env.cr.dbname, REGISTER_TABLES)
        Complaint = env["property.complaint"]
        Ticket = env["helpdesk.ticket"]
        # warm-up (caches, sequences)
        Complaint.create(
            {"site_id": site.id, "summary": "warm-up", "co_complainant_count": 5}
        )
        Ticket.create({"name": "warm-up", "description": "<p>warm-up</p>"})

        env.cr.commit()

        # each record created and committed on its own, as the form view does; the
        # two kinds alternate, so that a change of the machine's load weighs on both
        complaint_t, ticket_t = Timer(), Timer()
        complaint_t.seconds = ticket_t.seconds = 0.0
        complaint_t.queries = ticket_t.queries = 0
        for i in range(REGISTER):
            with Timer() as one:
                Complaint.create(
                    {
                        "site_id": site.id,
                        "summary": f"Water leak {i}",
                        "complainant_name": "Mr Zhang",
                        "description": "<p>Water from the flat above.</p>",
                        "is_written": bool(i % 2),
                    }
                )
                env.cr.commit()
            complaint_t.seconds += one.seconds
            complaint_t.queries += one.queries
            with Timer() as one:
                Ticket.create(
                    {
                        "name": f"Water leak {i}",
                        "description": "<p>Water from the flat above.</p>",
                    }
                )
                env.cr.commit()
            ticket_t.seconds += one.seconds
            ticket_t.queries += one.queries
        remove_registered(env)
        report(
            f"(a) registering {REGISTER} records through the ORM (tracking on)",
            [
                (
                    "property.complaint: ms per complaint",
                    complaint_t.seconds * 1000 / REGISTER,
                    "ms",
                ),
                (
                    "helpdesk.ticket (OCA helpdesk_mgmt): ms per ticket",
                    ticket_t.seconds * 1000 / REGISTER,
                    "ms",
                ),
                (
                    "property.complaint: queries per complaint",
                    complaint_t.queries / REGISTER,
                    "",
                ),
                (
                    "helpdesk.ticket: queries per ticket",
                    ticket_t.queries / REGISTER,
                    "",
                ),
                (
                    "ratio complaint / ticket (goal <= 0.8)",
                    complaint_t.seconds / ticket_t.seconds,
                    "x",
                ),
            ],
        )

        # (b) escalation cron
        template = Complaint.create({"site_id": site.id, "summary": "template"})
        env.flush_all()
        env.cr.commit()
        now = datetime.now().replace(microsecond=0)
        rows = []
        # warm-up run on a few late complaints (caches), rolled back
        bulk_copy(env, template.id, 10, now - timedelta(hours=2))
        escalate(env)
        env.cr.rollback()
        for total in OPEN_TOTALS:
            bulk_copy(env, template.id, LATE, now - timedelta(hours=2))
            bulk_copy(env, template.id, total - LATE, now + timedelta(days=30))
            env.cr.execute("ANALYZE property_complaint")
            env.invalidate_all()
            with Timer() as cron_t:
                escalated = escalate(env)
                env.flush_all()
            rows += [
                (f"{total:,} open, {LATE:,} late: seconds", cron_t.seconds, "s"),
                (f"{total:,} open, {LATE:,} late: SQL queries", cron_t.queries, ""),
                (
                    f"{total:,} open, {LATE:,} late: complaints escalated",
                    escalated,
                    "",
                ),
            ]
            env.cr.rollback()
        env.cr.execute("DELETE FROM property_complaint WHERE id = %s", (template.id,))
        env.cr.commit()
        report(
            "(b) escalation cron (goal <= 1 s, queries independent of the open total)",
            rows,
        )


if __name__ == "__main__":
    run(main)
