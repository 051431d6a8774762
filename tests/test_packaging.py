"""OCA packaging of the repository: pre-commit configuration, pylint rc, addon readmes.

Nothing in CI runs pre-commit (its hook repositories need the network); these tests
keep its configuration valid and in step with the tools `make test` runs.
"""

import configparser
import io
import re
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent for p in (ROOT / "addons").glob("*/__manifest__.py"))


class TestPreCommitConfig(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        import yaml  # noqa: PLC0415 - PyYAML comes with requirements-test.txt

        text = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
        cls.config = yaml.safe_load(text)
        cls.hooks = {
            hook["id"]: (repo["repo"], hook)
            for repo in cls.config["repos"]
            for hook in repo["hooks"]
        }

    def test_every_repo_is_pinned_and_every_hook_named(self):
        self.assertIsInstance(self.config["exclude"], str)
        re.compile(self.config["exclude"])
        for repo in self.config["repos"]:
            self.assertTrue(repo["hooks"], repo["repo"])
            if repo["repo"] != "local":
                self.assertRegex(repo["rev"], r"^v\d+\.\d+\.\d+$", repo["repo"])
            for hook in repo["hooks"]:
                self.assertTrue(hook.get("id"), repo["repo"])
                if repo["repo"] == "local":
                    for key in ("name", "entry", "language"):
                        self.assertIn(key, hook, hook["id"])

    def test_ruff_not_the_tools_it_replaces(self):
        self.assertIn("ruff-check", self.hooks)
        for replaced in (
            "flake8",
            "black",
            "isort",
            "autoflake",
            "pyupgrade",
            "ruff-format",
        ):
            self.assertNotIn(replaced, self.hooks)

    def test_pylint_odoo_runs_with_our_rc_file(self):
        repo, hook = self.hooks["pylint_odoo"]
        self.assertEqual(repo, "https://github.com/OCA/pylint-odoo")
        rcfiles = [
            a.split("=", 1)[1] for a in hook["args"] if a.startswith("--rcfile=")
        ]
        self.assertEqual(rcfiles, [".pylintrc"])
        for rcfile in rcfiles:
            self.assertTrue((ROOT / rcfile).is_file(), rcfile)

    def test_local_scripts_exist(self):
        for repo, hook in self.hooks.values():
            if repo == "local" and hook["language"] != "fail":
                script = hook["entry"].split()[-1]
                self.assertTrue((ROOT / script).is_file(), script)


class TestPylintrc(unittest.TestCase):
    def test_line_length_is_ocas_88(self):
        """OCA's line length, 88, for ruff (format and E501) and pylint-odoo alike."""
        parser = configparser.ConfigParser()
        parser.read(ROOT / ".pylintrc", encoding="utf-8")
        enabled = {
            name.strip()
            for name in parser["MESSAGES CONTROL"]["enable"].split(",")
            if name.strip()
        }
        self.assertEqual(parser["MESSAGES CONTROL"]["disable"].strip(), "all")
        self.assertIn("line-too-long", enabled)
        self.assertEqual(parser["FORMAT"]["max-line-length"].strip(), "88")
        ruff = (ROOT / "ruff.toml").read_text(encoding="utf-8")
        self.assertRegex(ruff, r"(?m)^line-length = 88$")
        self.assertIn("missing-readme", enabled)


class TestAddonReadme(unittest.TestCase):
    def test_fragments_and_readme_rst(self):
        from docutils.core import publish_string  # noqa: PLC0415 - Odoo requires docutils

        for addon in ADDONS:
            with self.subTest(addon=addon.name):
                for fragment in ("DESCRIPTION.md", "USAGE.md"):
                    self.assertTrue((addon / "readme" / fragment).is_file(), fragment)
                readme = addon / "README.rst"
                self.assertTrue(readme.is_file())
                warnings = io.StringIO()
                publish_string(
                    readme.read_text(encoding="utf-8"),
                    writer_name="null",
                    settings_overrides={"warning_stream": warnings, "report_level": 2},
                )
                self.assertEqual(warnings.getvalue(), "")


if __name__ == "__main__":
    unittest.main()
