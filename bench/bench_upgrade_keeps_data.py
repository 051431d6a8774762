"""Nothing lost on upgrade: a throwaway database with the whole suite and generated
data (complaints with callbacks and escalations, assessments with approved lines,
visits, passes and gate logs), then ``-u`` of every project addon; the number of
records of every table of the project's models is compared before and after.

Unlike the other bench scripts this one is a check: it exits 1 when a table lost
rows. Run: make bench (or python3 bench/bench_upgrade_keeps_data.py); it takes a few
minutes (a full install then an upgrade). `make test` runs it at its tiny size (a few
records, the upgrade of a copy of the shared install).
"""

import os
import subprocess
import sys
from datetime import date, datetime, timedelta

from harness import ROOT, Timer, bench_env, db_name, report, run, size

import odoo
from odoo import SUPERUSER_ID, Command, api

ADDONS = [
    "property_base",
    "property_complaint",
    "property_staff_kpi",
    "property_visitor",
]
COUNT = size(200, 8)
AGENTS = size(20, 3)


def generate(env):
    site = env["property.site"].create({"name": "Upgrade site", "code": "UPG"})
    building = env["property.building"].create(
        {"name": "B1", "code": "B1", "site_id": site.id}
    )
    unit = env["property.unit"].create({"building_id": building.id, "number": "101"})
    channel = env.ref("property_complaint.channel_phone")
    complaints = env["property.complaint"].create(
        [
            {
                "site_id": site.id,
                "summary": f"Leak {n}",
                "channel_id": channel.id,
                "complainant_name": f"Customer {n}",
                "partner_phone": f"138{n:08d}",
                "unit_id": unit.id,
                "date_received": datetime(2025, 3, 3, 2) + timedelta(hours=n),
            }
            for n in range(COUNT)
        ]
    )
    env["property.complaint.callback"].create(
        [{"complaint_id": c.id, "date_due": date(2025, 4, 1)} for c in complaints]
    )
    level = env.ref("property_complaint.escalation_level_supervisor")
    env["property.complaint.escalation"].create(
        [{"complaint_id": c.id, "level_id": level.id} for c in complaints[: COUNT // 2]]
    )
    # assessments with approved lines
    user_group = env.ref("property_staff_kpi.group_kpi_employee")
    users = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "name": f"Agent {n}",
                    "login": f"upg_agent_{n}",
                    "groups_id": [Command.link(user_group.id)],
                }
                for n in range(AGENTS)
            ]
        )
    )
    employees = env["hr.employee"].create(
        [
            {
                "name": u.name,
                "user_id": u.id,
                "property_site_id": site.id,
                "kpi_role": "frontline",
            }
            for u in users
        ]
    )
    env.ref("property_staff_kpi.scheme_standard").site_ids = [Command.link(site.id)]
    assessments = env["property.kpi.assessment"].create(
        [{"employee_id": e.id, "date_month": date(2025, 3, 1)} for e in employees]
    )
    item = env.ref("property_staff_kpi.item_k03_late")
    # approved lines as the suite's own code writes them: through the model's internal
    # flag (property.integrity.mixin; a plain ``True`` is what a client could send)
    env["property.kpi.line"]._property_internal().create(
        [
            {
                "assessment_id": a.id,
                "item_id": item.id,
                "points": 3,
                "date": date(2025, 3, 4),
                "reason": "Late",
                "state": "approved",
            }
            for a in assessments
        ]
    )
    # visits, passes and gate logs
    env["property.visit"].create(
        [
            {
                "site_id": site.id,
                "visitor_name": f"Visitor {n}",
                "phone_masked": f"139{n:08d}",
                "purpose": "Delivery",
                "host_person": "Ms Zhang",
            }
            for n in range(COUNT)
        ]
    )
    passes = env["property.pass"].create(
        [
            {
                "site_id": site.id,
                "holder_name": f"Holder {n}",
                "holder_category": "decoration",
                "date_from": date(2025, 3, 3),
            }
            for n in range(COUNT // 4)
        ]
    )
    env["property.gate.log"].create(
        [{"site_id": site.id, "result": "valid", "pass_id": p.id} for p in passes]
    )


def counts(env):
    """{table: rows} for every table of the project's models."""
    models = env["ir.model"].search([("model", "=like", "property.%")])
    tables = {}
    for model in models:
        if model.model not in env:
            continue
        Model = env[model.model]
        if Model._abstract or Model._transient or not Model._auto:
            continue
        tables[Model._table] = None
    for table in tables:  # table names come from the registry, not from input
        env.cr.execute(f'SELECT count(*) FROM "{table}"')
        tables[table] = env.cr.fetchone()[0]
    return tables


def main():
    db = db_name("upgrade")
    # BENCH_KEEP=1 reuses the database of a previous run (no new install)
    with bench_env(db, ADDONS, fresh=not os.environ.get("BENCH_KEEP")) as env:
        if not env["property.site"].search_count([("code", "=", "UPG")]):
            generate(env)
            env.cr.commit()
        before = counts(env)
    with Timer() as timer:
        subprocess.run(
            [
                "bash",
                "-c",
                f'. "{ROOT}/scripts/lib.sh" && odoo_cmd -d {db} -u {",".join(ADDONS)} '
                "--stop-after-init --no-http --log-level warn",
            ],
            check=True,
        )
    registry = odoo.modules.registry.Registry.new(db)
    with registry.cursor() as cr:
        after = counts(api.Environment(cr, SUPERUSER_ID, {}))
    lost = {t: (n, after.get(t, 0)) for t, n in before.items() if after.get(t, 0) < n}
    report(
        "Upgrade of the suite over generated data",
        [
            ("tables of the project's models", len(before), "tables"),
            ("records before the upgrade", sum(before.values()), "rows"),
            ("records after the upgrade", sum(after.values()), "rows"),
            ("tables that lost rows", len(lost), "tables"),
            ("upgrade time", timer.seconds, "s"),
        ],
    )
    for table, (old, new) in sorted(lost.items()):
        sys.stdout.write(f"  LOST {table}: {old} -> {new}\n")
    return 1 if lost else 0


if __name__ == "__main__":
    run(main)
