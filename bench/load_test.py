"""Load test against a real Odoo server in multi-worker mode, as in production.

A throwaway database of the private cluster gets the suite and generated data (a
site, AGENTS customer-service agents, GUARDS gate guards, active passes, 2,000
complaints); Odoo then starts on loopback with ``--workers`` (5 by default: Odoo's
deployment rule of 2 x CPU cores + 1 for this 2-core machine) and every simulated
user logs in over JSON-RPC (``/web/session/authenticate``) and works for DURATION
seconds:

- an agent registers a complaint (``call_kw`` create), then searches the register
  (``search_read`` of the latest complaints of the site) and reads one complaint;
- a guard scans a pass at the gate (``property.gate.verify`` create +
  ``action_verify``).

It prints the requests per second, p50/p95/max latency per kind of request and the
errors, and exits 1 when there was any error (the goal: 20 concurrent users, zero
errors, p95 under 500 ms on a 2-core machine). Figures depend on the machine and
its load.

Run: python3 bench/load_test.py [--agents 16] [--guards 4] [--duration 60]
     [--workers 5] [--port 18115]  (or `make load`)."""

import argparse
import http.cookiejar
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import date, datetime
from pathlib import Path

from harness import ROOT, addons_path, bench_env, db_name

import odoo
from odoo import Command

PASSWORD = "load-test"  # throwaway users of a throwaway database


def setup(db, agents, guards):
    """The database with the suite and generated data; returns (logins, tokens)."""
    modules = ["property_complaint", "property_visitor"]
    # LOAD_KEEP=1 reuses the database of a previous run
    with bench_env(db, modules, fresh=not os.environ.get("LOAD_KEEP")) as env:
        site = env["property.site"].search([("code", "=", "LOAD")])
        if site:
            users = site.user_ids.sorted("id")
            agents_and_guards = (
                users.filtered(lambda u: u.login.startswith("load_agent_"))[:agents]
                | users.filtered(lambda u: u.login.startswith("load_guard_"))[:guards]
            )
            passes = env["property.pass"].search([("site_id", "=", site.id)])
            return (
                site.id,
                env["property.unit"].search([("site_id", "=", site.id)], limit=1).id,
                env.ref("property_complaint.channel_phone").id,
                agents_and_guards.mapped("login"),
                passes.mapped("gate_token"),
            )
        site = env["property.site"].create(
            {
                "name": "Load site",
                "code": "LOAD",
                "calendar_id": env.company.resource_calendar_id.id,
            }
        )
        building = env["property.building"].create(
            {"name": "B1", "code": "B1", "site_id": site.id}
        )
        unit = env["property.unit"].create(
            {"building_id": building.id, "number": "101"}
        )
        users = env["res.users"].with_context(no_reset_password=True)
        agent_group = env.ref("property_complaint.group_complaint_agent")
        guard_group = env.ref("property_visitor.group_visitor_guard")
        created = users.create(
            [
                {
                    "name": f"Agent {n}",
                    "login": f"load_agent_{n}",
                    "password": PASSWORD,
                    "groups_id": [Command.link(agent_group.id)],
                }
                for n in range(agents)
            ]
            + [
                {
                    "name": f"Guard {n}",
                    "login": f"load_guard_{n}",
                    "password": PASSWORD,
                    "groups_id": [Command.link(guard_group.id)],
                }
                for n in range(guards)
            ]
        )
        site.user_ids = [Command.set(created.ids)]
        channel = env.ref("property_complaint.channel_phone")
        complaints = env["property.complaint"]
        for chunk in range(0, 2000, 500):
            complaints.create(
                [
                    {
                        "site_id": site.id,
                        "summary": f"Generated complaint {n}",
                        "channel_id": channel.id,
                        "complainant_name": f"Customer {n}",
                        "unit_id": unit.id,
                        "date_received": datetime(2025, 3, 3, 2),
                    }
                    for n in range(chunk, chunk + 500)
                ]
            )
        passes = env["property.pass"].create(
            [
                {
                    "site_id": site.id,
                    "holder_name": f"Holder {n}",
                    "holder_category": "decoration",
                    "date_from": date.today(),
                }
                for n in range(200)
            ]
        )
        passes.action_activate()
        tokens = passes.mapped("gate_token")
        env.cr.commit()
        return site.id, unit.id, channel.id, created.mapped("login"), tokens


class Client:
    """One logged-in user: a cookie jar and JSON-RPC calls."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.ids = 0

    def rpc(self, path, params):
        self.ids += 1
        body = json.dumps(
            {"jsonrpc": "2.0", "method": "call", "params": params, "id": self.ids}
        )
        request = urllib.request.Request(
            self.base + path, body.encode(), {"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=60) as response:
            answer = json.loads(response.read())
        if answer.get("error"):
            raise RuntimeError(
                answer["error"].get("data", {}).get("message") or answer["error"]
            )
        return answer["result"]

    def call(self, model, method, args, kwargs=None):
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples = {}
        self.errors = []

    def timed(self, kind, func):
        start = time.perf_counter()
        try:
            return func()
        except Exception as error:  # counted and reported, whatever it is
            with self.lock:
                self.errors.append(f"{kind}: {error}")
            return None
        finally:
            with self.lock:
                self.samples.setdefault(kind, []).append(time.perf_counter() - start)


def log_in(client, db, login, ready, stats):
    """Log in, then wait for every user (the clock starts when all are logged in)."""
    stats.timed(
        "login",
        lambda: client.rpc(
            "/web/session/authenticate",
            {"db": db, "login": login, "password": PASSWORD},
        ),
    )
    ready.wait(timeout=300)


def agent_loop(base, db, login, site_id, unit_id, channel_id, ready, stop, stats):
    client = Client(base)
    log_in(client, db, login, ready, stats)
    n = 0
    while not stop.is_set():
        n += 1
        new_id = stats.timed(
            "complaint create",
            lambda n=n: client.call(
                "property.complaint",
                "create",
                [
                    {
                        "site_id": site_id,
                        "summary": f"Load {login} {n}",
                        "channel_id": channel_id,
                        "complainant_name": "Mr Load",
                        "partner_phone": "13800138000",
                        "unit_id": unit_id,
                    }
                ],
            ),
        )
        stats.timed(
            "complaint search",
            lambda: client.call(
                "property.complaint",
                "search_read",
                [[("site_id", "=", site_id)]],
                {
                    "fields": ["name", "summary", "stage_id", "complaint_class"],
                    "limit": 80,
                },
            ),
        )
        if new_id:
            stats.timed(
                "complaint read",
                lambda new_id=new_id: client.call(
                    "property.complaint",
                    "web_read",
                    [new_id],
                    {"specification": {"name": {}}},
                ),
            )


def guard_loop(base, db, login, tokens, ready, stop, stats):
    client = Client(base)
    log_in(client, db, login, ready, stats)
    n = 0
    while not stop.is_set():
        token = tokens[n % len(tokens)]
        n += 1

        def scan(token=token):
            wizard = client.call("property.gate.verify", "create", [{"token": token}])
            wizard = wizard[0] if isinstance(wizard, list) else wizard
            return client.call("property.gate.verify", "action_verify", [[wizard]])

        stats.timed("pass verify", scan)


def wait_for(base, seconds=180):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(base + "/web/login", timeout=5):
                return True
        except OSError:
            time.sleep(1)
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agents", type=int, default=16)
    parser.add_argument("--guards", type=int, default=4)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("LOAD_PORT", 18115))
    )
    args = parser.parse_args()
    db = db_name("load")
    site_id, unit_id, channel_id, logins, tokens = setup(db, args.agents, args.guards)
    base = f"http://127.0.0.1:{args.port}"
    # odoo-bin rather than `python -m odoo`: in multi-worker mode Odoo starts its
    # websocket (gevent) process again with sys.argv[0], which `-m odoo` breaks
    odoo_bin = Path(odoo.__file__).resolve().parent.parent / "odoo-bin"
    launcher = (
        [sys.executable, str(odoo_bin)]
        if odoo_bin.exists()
        else [sys.executable, "-m", "odoo"]
    )
    server = subprocess.Popen(
        [
            *launcher,
            "-c",
            str(ROOT / "odoo.conf"),
            f"--addons-path={addons_path()}",
            "-d",
            db,
            f"--db-filter=^{db}$",
            f"--workers={args.workers}",
            "--max-cron-threads=0",
            "--http-interface=127.0.0.1",
            f"--http-port={args.port}",
            f"--gevent-port={args.port + 1}",
            "--limit-time-real=600",
            "--log-level=warn",
        ],
        cwd=ROOT,
        env=dict(os.environ, TZ="UTC"),
        start_new_session=True,
    )
    try:
        if not wait_for(base):
            sys.stdout.write("the server did not start\n")
            return 1
        stats, stop = Stats(), threading.Event()
        ready = threading.Barrier(args.agents + args.guards + 1)
        threads = [
            threading.Thread(
                target=agent_loop,
                args=(
                    base,
                    db,
                    login,
                    site_id,
                    unit_id,
                    channel_id,
                    ready,
                    stop,
                    stats,
                ),
            )
            for login in logins[: args.agents]
        ] + [
            threading.Thread(
                target=guard_loop, args=(base, db, login, tokens, ready, stop, stats)
            )
            for login in logins[args.agents :]
        ]
        for thread in threads:
            thread.start()
        ready.wait(timeout=300)  # every user logged in
        started = time.perf_counter()
        time.sleep(args.duration)
        stop.set()
        for thread in threads:
            thread.join(timeout=120)
        elapsed = time.perf_counter() - started
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    report(args, stats, elapsed)
    return 1 if stats.errors else 0


def report(args, stats, elapsed):
    out = sys.stdout
    total = sum(len(v) for k, v in stats.samples.items() if k != "login")
    out.write(
        f"\n== Load: {args.agents} agents + {args.guards} guards, {args.workers} "
        f"workers, {elapsed:.0f} s ==\n"
    )
    out.write(
        f"  requests (login excluded) {total:>8}   throughput {total / elapsed:8.1f} "
        f"req/s\n"
    )
    every = []
    for kind, samples in sorted(stats.samples.items()):
        ms = sorted(s * 1000 for s in samples)
        if kind != "login":
            every += ms
        p95 = ms[max(0, int(len(ms) * 0.95) - 1)]
        out.write(
            f"  {kind:<18} n={len(ms):>6}  p50 {statistics.median(ms):7.0f} ms  "
            f"p95 {p95:7.0f} ms  max {ms[-1]:7.0f} ms\n"
        )
    every.sort()
    if every:
        out.write(
            f"  {'all requests':<18} n={len(every):>6}  p50 "
            f"{statistics.median(every):7.0f} ms  p95 "
            f"{every[max(0, int(len(every) * 0.95) - 1)]:7.0f} ms\n"
        )
    out.write(f"  errors {len(stats.errors)}\n")
    for error in stats.errors[:10]:
        out.write(f"    {error}\n")


if __name__ == "__main__":
    sys.exit(main())
