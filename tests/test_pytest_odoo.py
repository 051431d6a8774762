"""The addons' tests also run under pytest-odoo (stdlib only: pytest runs in a
subprocess).

Needs the private cluster running (`make test` starts it before the harness tests)
and the packages of requirements-test.txt. It installs property_base alone in a
throwaway database, runs a few of its test modules with `python -m pytest
--odoo-database=...` as the README documents, and drops the database. pytest's
output is captured, never printed as is: on a failure it appears in the assertion
message with every line prefixed, so that no line of it can pass for the suite's
summary."""

import os
import re
import subprocess
import sys
import unittest
from pathlib import Path

from tests.cluster import lib

ROOT = Path(__file__).resolve().parent.parent
# Fast modules: plain TransactionCase, and one HttpCase over JSON-RPC (with
# --odoo-http).
MODULES = [
    "addons/property_base/tests/test_unit.py",
    "addons/property_base/tests/test_calendar.py",
    "addons/property_base/tests/test_privacy_rpc.py",
]
# e.g. "==== 14 passed in 4.64s ====", "==== 1 failed, 13 passed, 6 subtests passed in
# 5.1s ===="
SUMMARY = re.compile(
    r"^=+ (?P<counts>\d+ [a-z ]+(?:, \d+ [a-z ]+)*) in [\d.]+s(?: \([\d:]+\))? =+$",
    re.M,
)


def _quoted(output, limit=200):
    lines = output.strip().splitlines()[-limit:]
    return "\n".join(f"    pytest> {line}" for line in lines)


def _pytest(*args, timeout=600):
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


class TestPytestOdoo(unittest.TestCase):
    """`python -m pytest --odoo-database=DB addons/...` collects and passes the
    addons' tests."""

    DB = f"property_pytest_odoo_{os.getpid()}"

    @classmethod
    def setUpClass(cls):
        up = lib("pg_is_up")
        if up.returncode:
            raise AssertionError(
                "The private PostgreSQL cluster does not answer: `make test` starts it "
                "(scripts/pg.sh start on its own)."
            )
        found = subprocess.run(
            [sys.executable, "-c", "import pytest_odoo"],
            capture_output=True,
            check=False,
        )
        if found.returncode:
            raise AssertionError(
                "pytest-odoo is not installed: pip install -r requirements-test.txt"
            )
        cls._drop()
        install = lib(
            f'"$PG_BIN/createdb" -T template0 -E UTF8 {cls.DB} && '
            f"odoo_cmd -d {cls.DB} -i property_base --stop-after-init --no-http "
            f'--max-cron-threads 0 --log-level warn --logfile ""'
        )
        if install.returncode:
            cls._drop()
            raise AssertionError(
                f"Installing property_base in {cls.DB} failed:\n"
                + _quoted(install.stdout + install.stderr)
            )

    @classmethod
    def tearDownClass(cls):
        cls._drop()

    @classmethod
    def _drop(cls):
        lib(
            f'"$PG_BIN/dropdb" --if-exists {cls.DB} && rm -rf '
            f'"$LOCAL/data/filestore/{cls.DB}"'
        )

    def test_addon_tests_collected_and_passed(self):
        result = _pytest(f"--odoo-database={self.DB}", "--odoo-http", *MODULES)
        output = result.stdout + result.stderr
        self.assertEqual(result.returncode, 0, "pytest failed:\n" + _quoted(output))
        summary = SUMMARY.findall(output)
        self.assertTrue(summary, "no pytest summary line:\n" + _quoted(output))
        counts = {
            word: int(number)
            for number, _sep, word in (
                part.partition(" ") for part in summary[-1].split(", ")
            )
        }
        collected = re.search(r"^collected (\d+) items?", output, re.M)
        self.assertTrue(collected, "no collection line:\n" + _quoted(output))
        self.assertGreater(counts.get("passed", 0), 0, _quoted(output))
        self.assertEqual(counts.get("passed"), int(collected.group(1)), _quoted(output))
        # nothing failed, erred or was skipped (an HttpCase skipped without --odoo-http)
        allowed = {"passed", "subtests passed", "warning", "warnings"}
        self.assertLessEqual(set(counts), allowed, _quoted(output))
        # every module given ran
        for module in MODULES:
            self.assertRegex(
                output, rf"(?m)^{re.escape(module)} \.+\s+\[", _quoted(output)
            )


class TestPytestOdooUsage(unittest.TestCase):
    """Without --odoo-database, pytest on the addons says what to give instead of
    failing on an import."""

    def test_without_a_database_says_so(self):
        result = _pytest(MODULES[0], timeout=120)
        self.assertEqual(result.returncode, 4, _quoted(result.stdout + result.stderr))
        self.assertIn("--odoo-database=DB", result.stderr)
        self.assertIn("README", result.stderr)


if __name__ == "__main__":
    unittest.main()
