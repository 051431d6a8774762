"""Shared set-up of the benchmark scripts: a throwaway database on the project's
cluster with the given addons installed, an environment on it, and a timer.

Benchmarks print figures and ratios; they never pass or fail.
"""

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import odoo
import odoo.sql_db
from odoo import api
from odoo.service import db as db_service
from odoo.tools import config

ROOT = Path(__file__).resolve().parent.parent


def addons_path():
    out = subprocess.run(
        ["bash", "-c", f'. "{ROOT}/scripts/lib.sh" && odoo_addons_path'],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


@contextlib.contextmanager
def bench_env(db, modules, fresh=False):
    """Yield a superuser environment on ``db`` with ``modules`` installed (the database
    is created on first use; ``fresh`` drops it first). Commits nothing unless the
    caller does."""
    config.parse_config(
        ["-c", str(ROOT / "odoo.conf"), "--addons-path", addons_path(), "--log-level", "warn"]
    )
    config["data_dir"] = str(ROOT / ".local" / "data")
    # the database service refuses to drop a database while listing is off (odoo.conf
    # turns it off for the served product); this process serves nothing
    config["list_db"] = True
    if fresh and db_service.exp_db_exist(db):
        db_service.exp_drop(db)
    if not db_service.exp_db_exist(db):
        db_service._create_empty_database(db)
        config["init"] = dict.fromkeys(modules, 1)
        config["without_demo"] = "all"
    registry = odoo.modules.registry.Registry.new(db, update_module=bool(config["init"]))
    config["init"] = {}
    with registry.cursor() as cr:
        yield api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})


class Timer:
    """``with Timer() as t: ...`` then ``t.seconds`` (and ``t.queries`` when counted)."""

    def __enter__(self):
        self._queries = odoo.sql_db.sql_counter
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self._start
        self.queries = odoo.sql_db.sql_counter - self._queries
        return False


def report(title, rows):
    """Print a small table: rows of (label, value, unit)."""
    sys.stdout.write(f"\n== {title} ==\n")
    for label, value, unit in rows:
        shown = f"{value:,.3f}" if isinstance(value, float) else f"{value:,}"
        sys.stdout.write(f"  {label:<55} {shown:>14} {unit}\n")
    sys.stdout.flush()


def db_name(suffix):
    return os.environ.get("BENCH_DB", f"property_bench_{suffix}")
