"""One word per notion in Simplified Chinese (issue #19): the suite's glossary
(property_base/tools/glossary_zh_CN.json) holds against every project addon's
i18n/zh_CN.po and the Chinese text of its printed forms."""

import glob
import json
import os
import re

import polib

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader


def load_glossary():
    path = os.path.join(
        get_module_path("property_base"), "tools", "glossary_zh_CN.json"
    )
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)["terms"]


@tagged("post_install", "-at_install")
class TestGlossary(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.terms = load_glossary()
        modules = cls.env["ir.module.module"].search(
            [("name", "=like", "property\\_%"), ("state", "=", "installed")]
        )
        cls.paths = {name: get_module_path(name) for name in modules.mapped("name")}

    def test_glossary_forbidden_variant_fails(self):
        """The check itself: a msgstr with a variant the glossary avoids is caught."""
        self.assertTrue(self._offences("回访天数（一级投诉）"))
        self.assertTrue(self._offences("待办投诉与报事"))
        self.assertFalse(self._offences("顾客投诉分类统计表"))

    def _offences(self, text):
        return [
            (variant, term["zh"])
            for term in self.terms
            for variant in term["avoid"]
            if re.search(variant, text)
        ]

    def test_glossary_every_zh_cn_po(self):
        """Every translation users can meet (the strings of the addon's current code,
        views and data) keeps to the glossary."""
        self.assertIn("property_complaint", self.paths)
        for module, path in self.paths.items():
            reader = TranslationModuleReader(self.env.cr, modules=[module])
            sources = {row[4].strip() for row in reader if row[0] == module}
            po = polib.pofile(os.path.join(path, "i18n", "zh_CN.po"))
            for entry in po:
                if (
                    entry.obsolete
                    or not entry.msgstr
                    or entry.msgid.strip() not in sources
                ):
                    continue
                with self.subTest(module=module, msgid=entry.msgid):
                    self.assertFalse(
                        self._offences(entry.msgstr),
                        f"{module}: {entry.msgid} → {entry.msgstr}",
                    )
                    for term in self.terms:
                        expected = term.get("msgids", {}).get(entry.msgid)
                        if expected:
                            self.assertEqual(
                                entry.msgstr, expected, f"{module}: {entry.msgid}"
                            )

    def test_glossary_printed_forms(self):
        """The Chinese text of the printed forms (templates and report models)."""
        files = [
            name
            for path in self.paths.values()
            for pattern in ("*.xml", "*.py")
            for name in glob.glob(os.path.join(path, "report", pattern))
        ]
        self.assertTrue(files)
        for name in files:
            with open(name, encoding="utf-8") as handle:
                text = handle.read()
            with self.subTest(report=os.path.basename(name)):
                self.assertFalse(self._offences(text), name)
