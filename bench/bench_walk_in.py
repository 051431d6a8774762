"""The front desk's walk-in (issue #19): what the clerk types and clicks, counted from
the steps of the walk-in tour (property_visitor_walk_in_tour), and the server time of
each step of the walk-in — the repeat-visitor lookup on the phone (the form's onchange),
the unit's household (onchange), the save, the one-button "host agreed: check in" and
the pass read back for the form.

Run: make bench (or python3 bench/bench_walk_in.py). Prints figures only; the issue's
goal is at most 6 typed fields per walk-in.
"""

import re
import statistics

from harness import ROOT, Timer, bench_env, db_name, report, run, size

from odoo import Command

TOUR = ROOT / "addons/property_visitor/static/tests/tours/property_visitor_tour.js"
WALK_INS = size(100, 3)


def tour_counts():
    """{walk-in label: (typed fields, clicks, choices)} from the tour's steps between a
    ``// walk-in: <label>`` marker and the next ``// end walk-in``."""
    counts = {}
    marked = re.findall(
        r"// walk-in: ([^\n]+)\n(.*?)// end walk-in", TOUR.read_text(), re.S
    )
    for label, body in marked:
        runs = re.findall(r'run: "([^"]*)"', body)
        actions = [action.strip() for run_ in runs for action in run_.split("&&")]
        typed = sum(1 for a in actions if a.startswith("edit "))
        clicks = sum(1 for a in actions if a.startswith("click"))
        choices = sum(1 for a in actions if a.startswith("select "))
        counts[label.strip()] = (typed, clicks, choices)
    return counts


def _ms(samples):
    ms = sorted(s * 1000 for s in samples)
    return statistics.median(ms), ms[max(int(len(ms) * 0.95) - 1, 0)]


def main():
    counts = tour_counts()
    if not counts:
        raise RuntimeError(f"no walk-in marked in {TOUR}")
    report(
        "walk-in as the clerk does it (the tour's steps)",
        [
            row
            for label, (typed, clicks, choices) in counts.items()
            for row in (
                (f"{label}: typed fields", typed, ""),
                (f"{label}: clicks", clicks, ""),
                (f"{label}: choices in a list", choices, ""),
            )
        ]
        + [("goal: typed fields per walk-in at most", 6, "")],
    )
    with bench_env(db_name("walk_in"), ["property_visitor"]) as env:
        env.company.write(
            {
                "property_visitor_night_start_hour": 0,
                "property_visitor_night_end_hour": 0,
            }
        )
        site = env["property.site"].create({"name": "Bench walk-in", "code": "BENCHW"})
        building = env["property.building"].create(
            {"name": "W1", "code": "W1", "site_id": site.id}
        )
        household = env["res.partner"].create({"name": "Bench household"})
        unit = env["property.unit"].create(
            {
                "building_id": building.id,
                "number": "101",
                "occupant_ids": [Command.link(household.id)],
            }
        )
        frontdesk = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "Bench walk-in desk",
                    "login": "bench_walk_in_desk",
                    "groups_id": [
                        Command.link(
                            env.ref("property_visitor.group_visitor_frontdesk").id
                        )
                    ],
                }
            )
        )
        site.user_ids = [Command.link(frontdesk.id)]
        Visit = (
            env["property.visit"]
            .with_user(frontdesk)
            .with_context(tracking_disable=False)
        )
        spec = {
            name: {}
            for name in (
                "state",
                "visitor_id",
                "visitor_name",
                "company_name",
                "id_type",
                "id_number_masked",
                "phone_masked",
                "host_unit_id",
                "host_partner_id",
            )
        }
        steps = {"lookup": [], "unit": [], "save": [], "agreed": [], "pass": []}
        queries = 0
        for n in range(WALK_INS):
            phone = f"139{n:08d}"
            # a first visit makes the visitor a repeat visitor
            first = Visit.create(
                {
                    "site_id": site.id,
                    "visitor_name": f"Walk-in {n}",
                    "phone_masked": phone,
                    "id_type": "passport",
                    "id_number_masked": f"E{n:08d}",
                    "company_name": "Courier Ltd",
                    "purpose": "Delivery",
                    "host_unit_id": unit.id,
                }
            )
            first.action_walk_in_check_in()
            first.action_check_out()
            env.flush_all()
            env.invalidate_all()
            with Timer() as total:
                with Timer() as t:
                    values = Visit.onchange(
                        {
                            "phone_masked": phone,
                            "state": "planned",
                            "id_type": "resident_id",
                        },
                        ["phone_masked"],
                        spec,
                    )["value"]
                steps["lookup"].append(t.seconds)
                if not values.get("visitor_id"):
                    raise RuntimeError("the phone did not find the repeat visitor")
                with Timer() as t:
                    Visit.onchange({"host_unit_id": unit.id}, ["host_unit_id"], spec)
                steps["unit"].append(t.seconds)
                with Timer() as t:
                    visit = Visit.create(
                        {
                            "site_id": site.id,
                            "visitor_id": values["visitor_id"],
                            "visitor_name": values["visitor_name"],
                            "id_type": values["id_type"],
                            "phone_masked": phone,
                            "purpose": "Delivery",
                            "host_unit_id": unit.id,
                        }
                    )
                    env.flush_all()
                steps["save"].append(t.seconds)
                with Timer() as t:
                    visit.action_walk_in_check_in()
                    env.flush_all()
                steps["agreed"].append(t.seconds)
                with Timer() as t:
                    visit.invalidate_recordset()
                    visit.read(
                        [
                            "name",
                            "visitor_name",
                            "host_unit_id",
                            "contact_person",
                            "state",
                        ]
                    )
                steps["pass"].append(t.seconds)
            queries += total.queries
            if visit.state != "checked_in" or visit.contact_answer != "agreed":
                raise RuntimeError("the walk-in did not check the visitor in")
        env.cr.rollback()

    labels = {
        "lookup": "repeat visitor found by phone (onchange)",
        "unit": "host unit -> household (onchange)",
        "save": "save the registration",
        "agreed": "host agreed: check in (one button)",
        "pass": "the pass read back for the form",
    }
    rows = []
    for key, label in labels.items():
        med, p95 = _ms(steps[key])
        rows += [
            (f"{label}: median", med, "ms"),
            (f"{label}: 95th percentile", p95, "ms"),
        ]
    rows.append(("queries per walk-in", queries / WALK_INS, ""))
    report(
        f"server time of the walk-in's steps (repeat visitor), {WALK_INS} samples", rows
    )


if __name__ == "__main__":
    run(main)
