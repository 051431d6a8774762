from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import PropertyCase
from .rpc import RpcMixin

INT_MAX = 2**31 - 1


@tagged("post_install", "-at_install")
class TestBadInputRpc(RpcMixin, HttpCase, PropertyCase):
    """Values a client sends that the ORM would turn into a server error (a string for
    a record, a list for a text, a negative limit) are refused over JSON-RPC with a
    message in Chinese, nothing written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base")
        cls.manager = cls._create_user("t_rpc_guard_manager", cls.group_manager)

    def setUp(self):
        super().setUp()
        self.rpc_as(self.manager)

    def _building_count(self):
        return self.env["property.building"].sudo().search_count([])

    def test_bad_input_many2one_given_a_string_refused(self):
        before = self._building_count()
        for value in (
            "abc",
            "1",
            [self.site.id],
            {"id": self.site.id},
            -1,
            0,
            INT_MAX + 1,
            1.5,
        ):
            with self.subTest(value=value):
                self.assertRpcRefused(
                    "property.building",
                    "create",
                    {"name": "Building X", "site_id": value},
                )
        self.assertEqual(self._building_count(), before)
        self.assertRpcRefused(
            "property.building", "write", self.building.ids, {"site_id": "abc"}
        )
        self.assertEqual(self.building.site_id, self.site)
        # an id is taken
        new_id = self.rpc(
            "property.building", "create", {"name": "B2", "site_id": self.site.id}
        )
        self.assertEqual(
            self.env["property.building"].browse(new_id).site_id, self.site
        )

    def test_bad_input_x2many_not_ids_nor_commands_refused(self):
        users = self.site.user_ids
        for value in (
            "abc",
            5,
            ["abc"],
            [[9, 1]],
            [[4, "abc"]],
            [[6, 0, "abc"]],
            [[6, 0, ["x"]]],
            [[0, 0, "abc"]],
            [[1, 1]],
            [[]],
            {"a": 1},
            [-3],
        ):
            with self.subTest(value=value):
                self.assertRpcRefused(
                    "property.site", "write", self.site.ids, {"user_ids": value}
                )
        self.assertEqual(self.site.user_ids, users)
        # commands and ids are taken
        self.rpc(
            "property.site",
            "write",
            self.site.ids,
            {"user_ids": [[4, self.manager.id]]},
        )
        self.assertIn(self.manager, self.site.user_ids)
        self.rpc(
            "property.site", "write", self.site.ids, {"user_ids": [[6, 0, users.ids]]}
        )
        self.assertEqual(self.site.user_ids, users)

    def test_bad_input_text_given_a_non_text_refused(self):
        before = self._building_count()
        for value in (["A"], {"a": 1}, True, 1.5):
            with self.subTest(value=value):
                self.assertRpcRefused(
                    "property.building",
                    "create",
                    {"name": value, "site_id": self.site.id},
                )
        self.assertEqual(self._building_count(), before)
        # a whole number given to a one-line text (a phone, a code) is its digits
        self.rpc("property.site", "write", self.site.ids, {"phone": 13800138000})
        self.assertEqual(self.site.phone, "13800138000")

    def test_bad_input_negative_or_absurd_limit_refused(self):
        for kwargs in (
            {"limit": -1},
            {"offset": -5},
            {"limit": "abc"},
            {"offset": "1; select 1"},
            {"limit": 2**63},
            {"limit": 1.5},
        ):
            with self.subTest(kwargs=kwargs):
                self.assertRpcRefused(
                    "property.building", "search_read", [], ["name"], **kwargs
                )
                self.assertRpcRefused("property.building", "search", [], **kwargs)
                self.assertRpcRefused(
                    "property.building", "web_search_read", [], {"name": {}}, **kwargs
                )
                self.assertRpcRefused(
                    "property.building",
                    "web_read_group",
                    [],
                    ["name"],
                    ["site_id"],
                    **kwargs,
                )
        self.assertRpcRefused("property.building", "search_count", [], limit=-1)
        self.assertRpcRefused(
            "property.building",
            "web_search_read",
            [],
            {"name": {}},
            limit=1,
            count_limit=-1,
        )
        # a limit from 0 is taken, also the web client's "everything"
        self.assertEqual(
            len(
                self.rpc(
                    "property.building", "search_read", [], ["name"], limit=1, offset=0
                )
            ),
            1,
        )
        self.rpc(
            "property.building", "web_search_read", [], {"name": {}}, limit=2**53 - 1
        )

    def test_bad_input_search_filter_values_refused(self):
        for domain in (
            [("site_id", "=", {"a": 1})],
            [("site_id", "=", True)],
            [("site_id", "in", [1, "abc"])],
            [("site_id", "<", [1])],
            [("id", "=", "abc")],
            [("id", "in", [2**40])],
            [("create_date", "<", 10**12)],
            [("create_date", ">=", "2025-13-45")],
            [("create_date", "=", "")],
            [("unit_ids", "in", ["a", "b"])],
            [("site_id", "child_of", {"a": 1})],
            [("name", "no such operator", "x")],
            [("name", "=")],
            "abc",
        ):
            with self.subTest(domain=domain):
                self.assertRpcRefused(
                    "property.building", "search_read", domain, ["name"]
                )
        self.assertRpcRefused(
            "property.building", "search_read", [], ["name"], order="abc"
        )
        # a name searched on a record field and a date as text are taken
        found = self.rpc(
            "property.building",
            "search_read",
            [("site_id", "=", self.site.name), ("create_date", ">=", "2000-01-01")],
            ["name"],
        )
        self.assertIn(self.building.id, [row["id"] for row in found])
        # what server code puts in a filter stays readable: a subquery
        Building = self.env["property.building"].with_user(self.manager)
        subquery = Building._search([("site_id", "=", self.site.id)])
        self.assertIn(self.building, Building.search([("id", "in", subquery)]))

    def test_bad_input_emptied_record_field_is_no_record(self):
        before = self._building_count()
        # an emptied record field is no record (PostgreSQL would refuse the empty text)
        with mute_logger("odoo.sql_db"):  # the database's NOT NULL, as Odoo reports it
            self.assertRpcRefused(
                "property.building", "create", {"name": "B", "site_id": ""}
            )
        self.assertEqual(self._building_count(), before)

    def test_bad_input_unknown_fields_and_groupings_refused(self):
        before = self._building_count()
        self.assertRpcRefused(
            "property.building",
            "create",
            {"name": "B", "site_id": self.site.id, "abc": 1},
        )
        self.assertRpcRefused("property.building", "create", "abc")
        self.assertEqual(self._building_count(), before)
        self.assertRpcRefused(
            "property.building", "write", self.building.ids, {"abc": 1}
        )
        for method, args, kwargs in (
            ("read", [self.building.ids, ["abc"]], {}),
            ("read", [self.building.ids, "name"], {}),
            ("web_read", [self.building.ids, {"abc": {}}], {}),
            ("search_read", [[], ["abc"]], {}),
            ("read_group", [[], ["name"], ["abc"]], {}),
            ("read_group", [[], ["abc:sum"], []], {}),
            ("web_read_group", [[], ["name"], ["abc"]], {}),
            ("name_search", ["B"], {"args": "abc"}),
            ("name_search", ["B"], {"operator": "zz"}),
            ("name_search", ["B"], {"limit": -1}),
        ):
            with self.subTest(method=method, args=args, kwargs=kwargs):
                self.assertRpcRefused("property.building", method, *args, **kwargs)
        # what the web client asks is answered
        self.assertTrue(self.rpc("property.building", "name_search", "Building"))
        self.assertTrue(
            self.rpc("property.building", "web_read_group", [], ["name"], ["site_id"])[
                "groups"
            ]
        )
