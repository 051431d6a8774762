"""Tests of the two README commands' harness itself (stdlib only)."""

import os
import subprocess
import sys
import tempfile
import unittest
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class TestMissingOdoo(unittest.TestCase):
    """Without Odoo, both commands say what is missing and exit with status 2."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        venv.create(cls.tmp.name, with_pip=False)
        cls.python = str(Path(cls.tmp.name, "bin", "python"))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def _run(self, script):
        env = dict(os.environ, PYTHON=self.python)
        return subprocess.run(
            ["bash", str(ROOT / "scripts" / script)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def test_run_without_odoo_exits_2_with_one_sentence(self):
        result = self._run("run.sh")
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("Odoo 18.0 cannot be imported", result.stderr)
        self.assertIn("README", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1)
        self.assertNotIn("PostgreSQL", result.stdout)

    def test_test_without_odoo_exits_2_with_one_sentence(self):
        result = self._run("test.sh")
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("Odoo 18.0 cannot be imported", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1)


class TestLogSummary(unittest.TestCase):
    """A skipped test, an install error or a stray error never reads as a pass."""

    LINE = "2025-01-01 00:00:00,000 1 {level} db {logger}: {message}\n"

    def _summary(self, lines):
        with tempfile.NamedTemporaryFile("w", suffix=".log", delete=False) as log:
            log.writelines(self.LINE.format(**line) for line in lines)
        try:
            out = subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "scripts" / "summarize_odoo_log.py"),
                    log.name,
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        finally:
            os.unlink(log.name)
        return tuple(int(n) for n in out.split())

    def _report(self, failed=0, errors=0, ran=3):
        return {
            "level": "INFO",
            "logger": "odoo.tests.result",
            "message": f"{failed} failed, {errors} error(s) of {ran} tests "
            "when loading database 'x'",
        }

    def test_clean_run_counts_passes(self):
        self.assertEqual(self._summary([self._report()]), (3, 0, 0))

    def test_skipped_tour_counts_as_skipped(self):
        skipped = {
            "level": "INFO",
            "logger": "odoo.addons.property_base.tests.test_tour",
            "message": "skipped test_tour : websocket-client module is not installed",
        }
        self.assertEqual(self._summary([skipped, self._report()]), (2, 1, 0))

    def test_no_report_is_a_failure(self):
        crash = {
            "level": "CRITICAL",
            "logger": "odoo.service.server",
            "message": "Failed to initialize database `x`.",
        }
        self.assertEqual(self._summary([crash]), (0, 0, 1))

    def test_error_outside_tests_is_a_failure(self):
        stray = {"level": "ERROR", "logger": "odoo.modules.loading", "message": "boom"}
        self.assertEqual(self._summary([stray, self._report()]), (3, 0, 1))

    def test_failures_are_counted(self):
        self.assertEqual(
            self._summary([self._report(failed=1, errors=1, ran=5)]), (3, 0, 2)
        )


if __name__ == "__main__":
    unittest.main()
