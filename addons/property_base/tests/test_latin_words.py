"""Chinese everywhere (issue #19): a zh_CN user meets no Latin-letter word on the
suite's screens. For every installed project addon, the test reads as a zh_CN user
each of its views (the arch after translation), the strings of the fields those views
show (label, selection values), its menus, its window actions and its printed forms'
names, and fails on a Latin word that is not in the short allow-list below."""

import re

from lxml import etree

from odoo import models
from odoo.tests import TransactionCase, tagged

# Latin words a Chinese screen legitimately shows, beside codes and abbreviations
# written in capitals (ID, PDF, SMS, URL, QR, IC, VIP, TS: up to four letters). Keep it
# short and explained.
ALLOWED = {
    "Excel",  # a product name Chinese users say as such
    # units
    "km",
    "kg",
    "min",
    "MB",
}
CODE = re.compile(r"^[A-Z]{2,4}$")
# a word of two letters or more, not glued to digits (A03, V05, K13 are rule codes) nor
# part of an address (example.com, name@site)
LATIN_WORD = re.compile(r"(?<![A-Za-z0-9_.@/%-])[A-Za-z]{2,}(?![A-Za-z0-9_.@/%-])")
# attributes whose value users read
TEXT_ATTRIBUTES = (
    "string",
    "help",
    "placeholder",
    "confirm",
    "title",
    "sum",
    "aria-label",
)
# placeholders and expressions of translated messages are not words users read
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{.*?\}\}|\{\w*\}|#\{.*?\}")


def latin_words(text):
    text = PLACEHOLDER.sub(" ", text or "")
    return [
        word
        for word in LATIN_WORD.findall(text)
        if word not in ALLOWED and not CODE.match(word)
    ]


@tagged("post_install", "-at_install")
class TestLatinWords(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        modules = cls.env["ir.module.module"].search(
            [("name", "=like", "property\\_%"), ("state", "=", "installed")]
        )
        cls.modules = modules.mapped("name")
        for module in cls.modules:
            cls.env["ir.module.module"]._load_module_terms(
                [module], ["zh_CN"], overwrite=True
            )
        cls.zh = cls.env(context={"lang": "zh_CN"})

    def _records(self, model):
        data = self.env["ir.model.data"].search(
            [("module", "in", self.modules), ("model", "=", model)]
        )
        return self.zh[model].browse(data.mapped("res_id")).exists()

    def _arch_texts(self, arch):
        root = etree.fromstring(arch.encode()) if isinstance(arch, str) else arch
        for node in root.iter():
            if not isinstance(node.tag, str):
                continue
            if node.tag in ("field", "attribute") and node.get("name") in (
                "arch",
                "groups",
                "domain",
                "context",
            ):
                continue
            for attribute in TEXT_ATTRIBUTES:
                if node.get(attribute):
                    yield attribute, node.get(attribute)
            if node.tag in ("attribute", "script", "style"):
                continue
            for text in (node.text, node.tail):
                if text and text.strip():
                    yield "text", text.strip()

    def _field_texts(self, model, names):
        Model = self.zh[model]
        for name in names:
            field = Model._fields.get(name)
            # the fields the suite defines (Odoo's own labels are Odoo's translations)
            if not field or field._module not in self.modules:
                continue
            description = field.get_description(self.zh)
            yield f"{name}.string", description.get("string") or ""
            yield f"{name}.help", description.get("help") or ""
            if isinstance(getattr(field, "selection", None), list):
                # a fixed list (the lists of models or time zones are Odoo's)
                for _value, label in description.get("selection") or []:
                    yield f"{name}.selection", label or ""

    def test_latin_word_detection(self):
        """What counts: English words; not codes, numbers, units or addresses."""
        self.assertEqual(
            latin_words("Absent on 2026年11月25日 (A03)"), ["Absent", "on"]
        )
        self.assertEqual(latin_words("Score the month"), ["Score", "the", "month"])
        self.assertFalse(
            latin_words("V05 身份证ID、PDF、SMS 10 MB 例如 example.com %(date)s")
        )

    def test_zh_cn_screens_have_no_latin_words(self):
        findings = []

        def check(where, text):
            words = latin_words(text)
            if words:
                findings.append(f"{where}: {' '.join(words)} ← {text[:120]!r}")

        for view in self._records("ir.ui.view"):
            # the arch after translation (of QWeb pages too: portal pages, printed
            # forms)
            root = etree.fromstring(view.arch_db.encode())
            for where, text in self._arch_texts(root):
                check(f"view {view.xml_id} {where}", text)
            if view.model and view.model in self.env and view.type != "qweb":
                shown = {
                    node.get("name") for node in root.iter("field") if node.get("name")
                }
                for where, text in self._field_texts(view.model, sorted(shown)):
                    check(f"view {view.xml_id} field {where}", text)
        for menu in self._records("ir.ui.menu"):
            check(f"menu {menu.get_external_id()[menu.id]}", menu.name)
        for action in self._records("ir.actions.act_window"):
            check(f"action {action.xml_id}", action.name)
            if action.help:
                check(
                    f"action {action.xml_id} help",
                    etree.fromstring(
                        f"<div>{action.help}</div>", etree.HTMLParser()
                    ).xpath("string()"),
                )
        for report in self._records("ir.actions.report"):
            check(f"report {report.xml_id}", report.name)
        self.assertFalse(
            findings, "Latin words on zh_CN screens:\n" + "\n".join(findings)
        )

    def test_every_suite_model_names_its_records(self):
        """Breadcrumbs and links show a record's name, never 'property.kpi.assessment,1'
        (Odoo's fallback when a model has neither a name nor a display name)."""
        unnamed = []
        for model in self.env["ir.model"].search([("model", "=like", "property.%")]):
            Model = self.env.get(model.model)
            if Model is None or Model._abstract or Model._transient:
                continue
            if Model._rec_name:
                continue
            if (
                type(Model)._compute_display_name
                is models.BaseModel._compute_display_name
            ):
                unnamed.append(model.model)
        self.assertFalse(unnamed, "models whose records have no name")
