"""pytest-odoo defaults for this repository (see the README, "Running the tests with
pytest-odoo").

`python3 -m pytest --odoo-database=DB addons/...` runs the addons' Odoo tests on
the existing database DB of the private cluster. Unless given on the command line,
this file supplies what `scripts/lib.sh` gives Odoo: the configuration `odoo.conf`
(the cluster's address and role), the addons path (Odoo's own addons next to the
`odoo` package, then ./addons), the data directory under .local/ and a database
filter on DB alone (for HttpCase with --odoo-http)."""

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent


def _addons_path():
    """The addons path exactly as scripts/lib.sh composes it, for this Python."""
    return subprocess.run(
        ["bash", "-c", '. "$1/scripts/lib.sh" && odoo_addons_path', "-", str(ROOT)],
        env=dict(os.environ, PYTHON=sys.executable),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _under_addons(arg):
    path = Path(arg.split("::", 1)[0]).resolve()
    addons = ROOT / "addons"
    return path == addons or addons in path.parents


class _TestFrameworkImport(logging.Filter):
    """pytest-odoo imports odoo.tests before it switches test mode on for each test
    module, so Odoo 18 logs "Importing test framework, avoid importing ... when
    not running in test mode" as an ERROR with a stack: a false alarm under
    pytest, dropped here."""

    def filter(self, record):
        return not record.getMessage().startswith("Importing test framework, avoid")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_cmdline_main(config):
    # A wrapper around pytest-odoo's own (a wrapper too, which hands these options to
    # Odoo).
    _odoo_defaults(config)
    return (yield)


def _odoo_defaults(config):
    opt = config.option
    database = getattr(opt, "odoo_database", None)
    if not database:
        if not (opt.odoo_config or os.environ.get("ODOO_RC")) and any(
            _under_addons(arg) for arg in config.args
        ):
            raise pytest.UsageError(
                "The addons' tests run on an existing database where they are "
                "installed: "
                "give it with --odoo-database=DB (see the README, "
                '"Running the tests with pytest-odoo").'
            )
        return
    if not opt.odoo_config:
        opt.odoo_config = str(ROOT / "odoo.conf")
        extra = " ".join(opt.odoo_extra)
        # odoo.conf's data_dir is relative and its dbfilter names the demo database.
        if "data-dir" not in extra and "data_dir" not in extra:
            opt.odoo_extra.append(f"data-dir={ROOT / '.local' / 'data'}")
        if "db-filter" not in extra and "db_filter" not in extra:
            opt.odoo_extra.append(f"db-filter=^{re.escape(database)}$")
    if not opt.odoo_addons_path:
        opt.odoo_addons_path = _addons_path()
    logging.getLogger("odoo.tests.common").addFilter(_TestFrameworkImport())
