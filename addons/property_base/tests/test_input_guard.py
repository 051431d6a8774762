import json

from hypothesis import given
from hypothesis import strategies as st

from odoo.tests import HttpCase, tagged

from .bad_input import (
    BOUNDED,
    CJK,
    HUGE_INTEGERS,
    INT_MAX,
    TEXT,
    UNSTORABLE_TEXT,
    BadInputMixin,
)
from .common import PropertyCase


@tagged("post_install", "-at_install")
class TestInputGuard(BadInputMixin, PropertyCase):
    """Values PostgreSQL would refuse with a server error, or store unchecked, are
    refused by every model of the suite with a message in the user's language,
    nothing written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_zh_cn("property_base")
        cls.manager = cls._create_user("t_guard_manager", cls.group_manager)
        cls.manager.lang = "zh_CN"
        cls.env["ir.config_parameter"].set_param(
            "property_base.input_max_length_char", "60"
        )

    def _as_manager(self, model):
        return self.env[model].with_user(self.manager).with_context(lang="zh_CN")

    def _new_building(self, **vals):
        return self._as_manager("property.building").create(
            dict({"name": "Building X", "site_id": self.site.id}, **vals)
        )

    @BOUNDED
    @given(text=UNSTORABLE_TEXT)
    def test_bad_input_nul_character_refused(self, text):
        message = self._refused(
            "property.building", lambda: self._new_building(name=text)
        )
        self.assertTrue("NUL" in message or "Unicode" in message, message)
        building = self.building.with_user(self.manager).with_context(lang="zh_CN")
        self._refused("property.building", lambda: building.write({"code": text}))
        self.assertEqual(self.building.code, "A1")

    @BOUNDED
    @given(text=st.text(alphabet=TEXT, min_size=61, max_size=400))
    def test_bad_input_text_longer_than_the_setting_refused(self, text):
        message = self._refused(
            "property.building", lambda: self._new_building(name=text)
        )
        self.assertIn("60", message)

    @BOUNDED
    @given(text=st.text(alphabet=TEXT, min_size=1, max_size=60))
    def test_bad_input_text_within_the_setting_accepted(self, text):
        building = self.building.with_user(self.manager)
        building.write({"code": text})
        self.assertEqual(building.code, text)

    def test_bad_input_text_limit_is_a_setting(self):
        params = self.env["ir.config_parameter"]
        params.set_param("property_base.input_max_length_char", "200")
        self._new_building(name="长" * 150)
        params.set_param("property_base.input_max_length_char", "100")
        self._refused("property.building", lambda: self._new_building(name="长" * 150))

    @BOUNDED
    @given(number=HUGE_INTEGERS)
    def test_bad_input_integer_out_of_range_refused(self, number):
        self._refused(
            "property.building", lambda: self._new_building(floor_count=number)
        )
        unit = self.unit.with_user(self.manager).with_context(lang="zh_CN")
        self._refused("property.unit", lambda: unit.write({"floor": number}))
        self.assertEqual(self.unit.floor, 1)

    def test_bad_input_integer_limits_accepted(self):
        for number in (INT_MAX, -INT_MAX - 1):
            self.assertEqual(
                self._new_building(name=str(number), floor_count=number).floor_count,
                number,
            )

    @BOUNDED
    @given(
        value=st.sampled_from([float("nan"), float("inf"), float("-inf"), "many", [1]])
    )
    def test_bad_input_area_not_a_number_refused(self, value):
        unit = self.unit.with_user(self.manager).with_context(lang="zh_CN")
        self._refused("property.unit", lambda: unit.write({"area": value}))

    @BOUNDED
    @given(kind=st.text(alphabet=TEXT, min_size=1, max_size=20))
    def test_bad_input_unknown_choice_refused(self, kind):
        unit = self.unit.with_user(self.manager).with_context(lang="zh_CN")
        if kind in ("residential", "shop", "office"):
            unit.write({"kind": kind})
            self.assertEqual(unit.kind, kind)
            return
        before = self.unit.kind  # an earlier example may have chosen another kind
        self._refused("property.unit", lambda: unit.write({"kind": kind}))
        self.assertEqual(self.unit.kind, before)

    def test_bad_input_guard_on_the_suite_models_only(self):
        """The guard is ``property.input.mixin``, inherited by every model of the suite
        (directly or through the integrity layer), not by the rest of the database."""
        registry = self.env.registry
        Mixin = registry["property.input.mixin"]
        models = [name for name, cls in registry.items() if not cls._abstract]
        for name in models:
            with self.subTest(model=name):
                self.assertEqual(
                    issubclass(registry[name], Mixin),
                    name.startswith("property."),
                )
        self.assertFalse(hasattr(self.env["res.partner"], "_property_check_input"))


@tagged("post_install", "-at_install")
class TestInputGuardOverRpc(BadInputMixin, HttpCase, PropertyCase):
    """Over JSON-RPC, as a browser or an integration calls: a clean ValidationError
    instead of the database error the value would otherwise cause."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_zh_cn("property_base")

    def _call(self, model, method, *args):
        response = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": model,
                        "method": method,
                        "args": list(args),
                        "kwargs": {"context": {"lang": "zh_CN"}},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def test_bad_input_huge_integer_and_nul_are_validation_errors_over_rpc(self):
        manager = self._create_user("t_guard_rpc", self.group_manager)
        manager.password = "t_guard_rpc_pw"
        self.authenticate("t_guard_rpc", "t_guard_rpc_pw")
        Building = self.env["property.building"]
        before = Building.search_count([])
        for vals in (
            {"name": "Huge", "floor_count": 2**40},
            {"name": "Nul\x00", "floor_count": 3},
            {"name": "Bad date", "site_id": self.site.id, "floor_count": "3 floors"},
        ):
            answer = self._call(
                "property.building", "create", dict({"site_id": self.site.id}, **vals)
            )
            self.assertIn("error", answer, vals)
            self.assertEqual(
                answer["error"]["data"]["name"],
                "odoo.exceptions.ValidationError",
                answer["error"],
            )
            self.assertRegex(answer["error"]["data"]["message"], CJK)
        self.assertEqual(Building.search_count([]), before)
        # the refused case's counterpart: a sound value is written
        answer = self._call(
            "property.building",
            "create",
            {"name": "Sound", "site_id": self.site.id, "floor_count": 30},
        )
        self.assertIsInstance(answer.get("result"), int, answer)
