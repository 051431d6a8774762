"""An upgrade from an earlier release keeps the data (stdlib only: Odoo runs in
subprocesses).

Needs the private cluster running (`make test` starts it before the harness tests)
and the repository's history (a clone, not an export): the addons of RELEASE are
taken with `git archive`, installed with their demo data in a throwaway database,
given the data that the later releases move (the rule numbers as system
parameters, a complaint suspended the old way, a phone typed as people type it),
then upgraded with the addons of this checkout. The database is dropped at the
end."""

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unittest
from io import BytesIO
from pathlib import Path

from tests.cluster import lib

ROOT = Path(__file__).resolve().parent.parent
# The release whose data the upgrade must keep: the last one with the rule numbers as
# system parameters, the suspension on the complaint and no complaint state.
RELEASE = "089f24583c2bec31679fd928f5ce49fa606b41c4"

SETUP = """
P = env["ir.config_parameter"].sudo()
P.set_param("property_complaint.days_class3", "7")
P.set_param("property_visitor.max_stay_hours", "6")
P.set_param("property_staff_kpi.attendance_grace_minutes", "3")
site = env["property.site"].search([], limit=1)
complaint = env["property.complaint"].create({
    "site_id": site.id,
    "summary": "Suspended before the upgrade",
    "complainant_name": "Zhang",
    "partner_phone": "138 0013 8006",
    "channel_id": env.ref("property_complaint.channel_phone").id,
})
complaint.action_accept()
complaint.write({
    "suspension_cause": "purchase",
    "suspension_amount": 6000,
    "suspension_reason": "Pump",
})
complaint.action_suspend()
P.set_param("property_complaint.suspension_approval", "True")
env.cr.commit()
print("SETUP " + str(complaint.id))
"""

CHECK = """
import json
complaint = env["property.complaint"].browse(COMPLAINT_ID)
company = complaint.company_id
everything = env["property.complaint"].search([])
P = env["ir.config_parameter"].sudo()
print("CHECK " + json.dumps({
    "state": complaint.state,
    "suspensions": [
        [s.cause, s.amount, s.reason, s.state] for s in complaint.suspension_ids
    ],
    "phone": complaint.partner_phone,
    "phone_shown": complaint.partner_phone_display,
    "settings": [
        company.property_complaint_days_class3,
        company.property_complaint_suspension_approval,
        company.property_visitor_max_stay_hours,
        company.property_staff_kpi_attendance_grace_minutes,
    ],
    "parameters_left": P.search([
        "|", "|",
        ("key", "=like", "property_complaint.%"),
        ("key", "=like", "property_visitor.%"),
        ("key", "=like", "property_staff_kpi.%"),
    ]).filtered(lambda p: p.key != "property_visitor.gate_secret").mapped("key"),
    "complaints": len(everything),
    "state_mismatches": len(everything.filtered(lambda c: c.state != c.stage_id.role)),
    "without_terms": len(everything.filtered(lambda c: not c.deadline_terms)),
    "terms_days_class3": complaint.deadline_terms.get("days_class3"),
}))
"""


def _odoo_paths():
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, odoo; pkg = os.path.dirname(os.path.abspath(odoo.__file__)); "
            "main = os.path.abspath(os.path.join(pkg, '..', 'addons')); "
            "print(','.join([os.path.join(pkg, 'addons')] + "
            "([main] if os.path.isdir(os.path.join(main, 'web')) else [])))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return found.stdout.strip()


def _tail(output, limit=60):
    return "\n".join(
        f"    odoo> {line}" for line in output.strip().splitlines()[-limit:]
    )


class TestUpgradeFromRelease(unittest.TestCase):
    """The data of RELEASE, upgraded by `-u` with this checkout's addons."""

    DB = f"property_upgrade_{os.getpid()}"

    @classmethod
    def setUpClass(cls):
        if lib("pg_is_up").returncode:
            raise AssertionError(
                "The private PostgreSQL cluster does not answer: `make test` starts it "
                "(scripts/pg.sh start on its own)."
            )
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", RELEASE, "addons"],
            capture_output=True,
            check=False,
        )
        if archive.returncode:
            raise AssertionError(
                f"Release {RELEASE[:7]} is not in this repository's history (a shallow "
                f"clone?): {archive.stderr.decode(errors='replace').strip()}"
            )
        cls.tmp = tempfile.mkdtemp(prefix="property-upgrade-")
        with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
            tar.extractall(cls.tmp, filter="data")
        cls.data_dir = os.path.join(cls.tmp, "data")
        cls.odoo_paths = _odoo_paths()
        cls._drop()
        created = lib(f'"$PG_BIN/createdb" -T template0 -E UTF8 {cls.DB}')
        if created.returncode:
            raise AssertionError(created.stderr)
        try:
            cls._prepare()
        except BaseException:
            cls._drop()
            shutil.rmtree(cls.tmp, ignore_errors=True)
            raise

    @classmethod
    def tearDownClass(cls):
        cls._drop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def _drop(cls):
        lib(f'"$PG_BIN/dropdb" --if-exists {cls.DB}')

    @classmethod
    def _odoo(cls, addons_dir, *args, stdin=None, shell=False, timeout=1800):
        command = [sys.executable, "-m", "odoo"]
        if shell:
            command.append("shell")
        command += [
            "-c",
            str(ROOT / "odoo.conf"),
            f"--addons-path={cls.odoo_paths},{addons_dir}",
            f"--data-dir={cls.data_dir}",
            "-d",
            cls.DB,
            "--db-filter",
            f"^{cls.DB}$",
            "--log-level=warn",
            *args,
        ]
        if shell:
            command.append("--no-http")
        else:
            command += [
                "--stop-after-init",
                "--max-cron-threads=0",
                "--http-port=18299",
            ]
        result = subprocess.run(
            command,
            input=stdin,
            env=dict(os.environ, TZ="UTC"),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        output = result.stdout + result.stderr
        if result.returncode or re.search(r" (ERROR|CRITICAL) ", output):
            raise AssertionError(f"Odoo failed ({' '.join(args)}):\n{_tail(output)}")
        return output

    @classmethod
    def _prepare(cls):
        old = os.path.join(cls.tmp, "addons")
        names = sorted(p.parent.name for p in Path(old).glob("*/__manifest__.py"))
        cls._odoo(old, "-i", ",".join(names))
        found = re.search(
            r"^SETUP (\d+)$", cls._odoo(old, stdin=SETUP, shell=True), re.M
        )
        if not found:
            raise AssertionError("The release's data could not be set up.")
        cls.complaint_id = int(found.group(1))
        current = sorted(
            p.parent.name for p in (ROOT / "addons").glob("*/__manifest__.py")
        )
        cls._odoo(str(ROOT / "addons"), "-u", ",".join(current))
        output = cls._odoo(
            str(ROOT / "addons"),
            stdin=CHECK.replace("COMPLAINT_ID", str(cls.complaint_id)),
            shell=True,
        )
        found = re.search(r"^CHECK (.*)$", output, re.M)
        if not found:
            raise AssertionError(
                f"The upgraded data could not be read:\n{_tail(output)}"
            )
        cls.after = json.loads(found.group(1))

    def test_c10_suspension_becomes_its_history(self):
        self.assertEqual(
            self.after["suspensions"], [["purchase", 6000.0, "Pump", "suspended"]]
        )
        self.assertEqual(self.after["state"], "progress")

    def test_state_follows_the_stage_of_every_complaint(self):
        self.assertGreater(self.after["complaints"], 1)
        self.assertEqual(self.after["state_mismatches"], 0)

    def test_settings_move_to_the_company_and_no_parameter_is_left(self):
        self.assertEqual(self.after["settings"], [7, True, 6.0, 3])
        self.assertEqual(self.after["parameters_left"], [])

    def test_phone_is_stored_in_e164_and_shown_in_the_national_format(self):
        self.assertEqual(self.after["phone"], "+8613800138006")
        self.assertEqual(self.after["phone_shown"], "138 0013 8006")

    def test_c08_c09_every_complaint_keeps_its_deadline_terms(self):
        self.assertEqual(self.after["without_terms"], 0)
        self.assertEqual(self.after["terms_days_class3"], 7)


if __name__ == "__main__":
    unittest.main()
