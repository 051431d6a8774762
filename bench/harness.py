"""Shared set-up of the benchmark scripts: a throwaway database on the project's
cluster with the given addons installed, an environment on it, and a timer.

Benchmarks print figures and ratios; they never pass or fail on a figure, but a
script that raises exits non-zero.

Tiny size (``BENCH_TINY=1`` or ``--tiny``): every script runs its whole path over a
handful of records, in a database of its own (``property_bench_tiny_<name>``, made
afresh), so that `make test` can run it in seconds and see it rot. With
``BENCH_TEMPLATE=<db>`` that database is a copy of ``<db>`` (the addons already
installed there; the missing ones are installed on top) instead of a new install.
"""

import contextlib
import logging
import os
import shutil
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
TINY = os.environ.get("BENCH_TINY", "") not in ("", "0") or "--tiny" in sys.argv[1:]


def size(full, tiny):
    """``full`` for a benchmark run, ``tiny`` at the tiny size."""
    return tiny if TINY else full


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
    is created on first use; ``fresh`` drops it first; a database kept from an earlier
    run has ``modules`` upgraded, so that it runs the current code). Commits nothing
    unless the caller does."""
    config.parse_config(
        [
            "-c",
            str(ROOT / "odoo.conf"),
            "--addons-path",
            addons_path(),
            "--log-level",
            "warn",
        ]
    )
    config["data_dir"] = str(ROOT / ".local" / "data")
    # the database service refuses to drop a database while listing is off (odoo.conf
    # turns it off for the served product); this process serves nothing
    config["list_db"] = True
    config["without_demo"] = "all"
    if (fresh or TINY) and db_service.exp_db_exist(db):
        db_service.exp_drop(db)
    template = os.environ.get("BENCH_TEMPLATE")
    if not db_service.exp_db_exist(db):
        if template:
            _copy_database(template, db)
            modules = _missing_modules(db, modules)
        else:
            db_service._create_empty_database(db)
        config["init"] = dict.fromkeys(modules, 1)
    else:
        # every addon of the suite in it: one of them may have gained a model or a
        # dependency that the others now need
        config["update"] = dict.fromkeys([*modules, *_installed_suite_modules(db)], 1)
    registry = odoo.modules.registry.Registry.new(
        db, update_module=bool(config["init"] or config["update"])
    )
    config["init"] = {}
    config["update"] = {}
    with registry.cursor() as cr:
        yield api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})


def _copy_database(template, db):
    """``db`` as a copy of the database ``template`` and of its filestore."""
    with contextlib.closing(odoo.sql_db.db_connect("postgres").cursor()) as cr:
        cr._cnx.autocommit = True
        cr.execute(f'CREATE DATABASE "{db}" ENCODING \'unicode\' TEMPLATE "{template}"')
    source, target = Path(config.filestore(template)), Path(config.filestore(db))
    if source.is_dir() and not target.exists():
        shutil.copytree(source, target)


def _installed_suite_modules(db):
    """The names of the suite's addons installed in ``db``."""
    with contextlib.closing(odoo.sql_db.db_connect(db).cursor()) as cr:
        cr.execute(
            "SELECT name FROM ir_module_module WHERE state = 'installed' "
            "AND name LIKE 'property\\_%'"
        )
        return [row[0] for row in cr.fetchall()]


def _missing_modules(db, modules):
    """The names among ``modules`` that are not installed in ``db``."""
    with contextlib.closing(odoo.sql_db.db_connect(db).cursor()) as cr:
        cr.execute(
            "SELECT name FROM ir_module_module WHERE state = 'installed' AND name IN "
            "%s",
            (tuple(modules),),
        )
        installed = {row[0] for row in cr.fetchall()}
    return [name for name in modules if name not in installed]


class Timer:
    """``with Timer() as t: ...`` then ``t.seconds`` (and ``t.queries`` when
    counted)."""

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


def vacuum(db, tables):
    """VACUUM (ANALYZE) ``tables`` of ``db``: a benchmark that rolls back what it
    generated leaves dead rows, which autovacuum would otherwise clean while the
    next run is timing."""
    with contextlib.closing(odoo.sql_db.db_connect(db).cursor()) as cr:
        cr._cnx.autocommit = True
        for table in tables:
            cr.execute(f'VACUUM (ANALYZE) "{table}"')


def db_name(suffix):
    if TINY:
        return f"property_bench_tiny_{suffix}"
    return os.environ.get("BENCH_DB", f"property_bench_{suffix}")


class _ErrorCount(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record):
        self.count += 1


def run(main):
    """Run a script's ``main`` and exit: non-zero on an exception (its traceback is
    printed) or when Odoo logged an error (a benchmark that rotted must not print
    figures and pass), else with ``main``'s status."""
    errors = _ErrorCount()
    logging.getLogger().addHandler(errors)
    status = main() or 0
    if errors.count:
        sys.stderr.write(f"{errors.count} error(s) logged during the run\n")
        status = status or 1
    sys.exit(status)
