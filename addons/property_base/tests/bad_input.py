"""Helpers for the property-based bad-input tests (hypothesis): bounded runs, a
savepoint per example, and the error checked to be in Simplified Chinese."""

import re
from datetime import datetime

import psycopg2
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

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

# the guard of models/base.py: what PostgreSQL would refuse or the default limits exceed
INT_MAX = 2**31 - 1
# storable text: no NUL character, no lone surrogate (UTF-16 halves JSON can carry)
TEXT = st.characters(exclude_characters="\x00", exclude_categories=("Cs",))
UNSTORABLE_TEXT = st.tuples(
    st.text(alphabet=TEXT, max_size=20),
    st.sampled_from(["\x00", "\ud800", "\udfff", "\ud83d"]),
    st.text(alphabet=TEXT, max_size=20),
).map("".join)
OVERSIZED_CHAR = st.text(alphabet=TEXT, min_size=1001, max_size=1400)
HUGE_INTEGERS = st.one_of(
    st.integers(min_value=INT_MAX + 1), st.integers(max_value=-INT_MAX - 2)
)
ABSURD_DATETIMES = st.one_of(
    st.datetimes(max_value=datetime(1899, 12, 31, 23, 59)),
    st.datetimes(min_value=datetime(2200, 1, 1)),
)


class BadInputMixin:
    """Mix into a TransactionCase: ``_refused(model, call)`` runs ``call`` in a
    savepoint, expects a ValidationError or UserError whose message is in Chinese (the
    caller's environment has ``lang`` zh_CN, as a Chinese user's requests have), and
    checks that ``model`` has no more records than before. A database constraint is
    turned into the ValidationError the user gets over RPC, as Odoo's RPC layer does."""

    @classmethod
    def _load_zh_cn(cls, *modules):
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            list(modules), ["zh_CN"], overwrite=True
        )

    def _refused(self, model, call):
        Model = self.env[model].sudo().with_context(active_test=False)
        before = Model.search_count([])
        with self.assertRaises(UserError) as caught:  # ValidationError too
            try:
                with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                    call()
                    self.env.flush_all()
            except psycopg2.IntegrityError as error:
                raise _as_validation_error(
                    self.env(context={"lang": "zh_CN"}), error
                ) from error
        self.env.invalidate_all()
        message = str(caught.exception.args[0])
        self.assertRegex(message, CJK, f"not in Chinese: {message}")
        self.assertEqual(
            Model.search_count([]), before, "a half-written record was left"
        )
        return message
