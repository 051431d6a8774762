"""Helpers for the property-based bad-input tests (hypothesis): bounded runs, a
savepoint per example, and the error checked to be in Simplified Chinese."""

import re

import psycopg2
from hypothesis import HealthCheck, settings

from odoo.exceptions import UserError
from odoo.service.model import _as_validation_error
from odoo.tools import mute_logger

# bounded: the whole suite stays within minutes; no deadline (the ORM is not fast)
BOUNDED = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
CJK = re.compile(r"[\u4e00-\u9fff]")
SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class BadInputMixin:
    """Mix into a TransactionCase: ``_refused(model, call)`` runs ``call`` in a
    savepoint, expects a ValidationError or UserError whose message is in Chinese (the
    caller's environment has ``lang`` zh_CN, as a Chinese user's requests have), and
    checks that ``model`` has no more records than before. A database constraint is
    turned into the ValidationError the user gets over RPC, as Odoo's RPC layer does."""

    @classmethod
    def _load_zh_cn(cls, *modules):
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(list(modules), ["zh_CN"], overwrite=True)

    def _refused(self, model, call):
        Model = self.env[model].sudo().with_context(active_test=False)
        before = Model.search_count([])
        with self.assertRaises(UserError) as caught:  # ValidationError too
            try:
                with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                    call()
                    self.env.flush_all()
            except psycopg2.IntegrityError as error:
                raise _as_validation_error(self.env(context={"lang": "zh_CN"}), error) from error
        self.env.invalidate_all()
        message = str(caught.exception.args[0])
        self.assertRegex(message, CJK, f"not in Chinese: {message}")
        self.assertEqual(Model.search_count([]), before, "a half-written record was left")
        return message
