import os
import re

import polib

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    """Every user-facing string of every installed project addon has its Simplified
    Chinese translation in the addon's i18n/zh_CN.po, and its .pot is up to date."""

    def test_base_every_project_string_has_a_zh_cn_translation(self):
        modules = self.env["ir.module.module"].search(
            [("name", "=like", "property\\_%"), ("state", "=", "installed")]
        )
        self.assertIn("property_base", modules.mapped("name"))
        for module in modules.mapped("name"):
            with self.subTest(module=module):
                reader = TranslationModuleReader(self.env.cr, modules=[module])
                sources = {row[4].strip() for row in reader if row[0] == module}
                i18n = os.path.join(get_module_path(module), "i18n")
                po = polib.pofile(os.path.join(i18n, "zh_CN.po"))
                translated = {
                    e.msgid.strip() for e in po if e.msgstr.strip() and not e.obsolete
                }
                missing = sorted(sources - translated)
                self.assertFalse(
                    missing, f"{module}: untranslated in zh_CN.po: {missing[:20]}"
                )
                pot = polib.pofile(os.path.join(i18n, f"{module}.pot"))
                stale = sorted(sources - {e.msgid.strip() for e in pot})
                self.assertFalse(
                    stale, f"{module}: {module}.pot is out of date: {stale[:20]}"
                )

    def test_base_translation_placeholders_match(self):
        modules = self.env["ir.module.module"].search(
            [("name", "=like", "property\\_%"), ("state", "=", "installed")]
        )
        for module in modules.mapped("name"):
            path = os.path.join(get_module_path(module), "i18n", "zh_CN.po")
            for entry in polib.pofile(path):
                if entry.msgstr:
                    self.assertEqual(
                        sorted(PLACEHOLDER.findall(entry.msgid)),
                        sorted(PLACEHOLDER.findall(entry.msgstr)),
                        f"{module}: {entry.msgid}",
                    )
