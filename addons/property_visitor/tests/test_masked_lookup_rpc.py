import json

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ID_OK, VisitorCase

PHONE = "13812345678"
MASKED = "138****5678"


@tagged("post_install", "-at_install")
class TestMaskedLookupRpc(RpcMixin, HttpCase, VisitorCase):
    """V09: a visitor is looked up by a masked phone or ID number one number at a
    time, by the front desk and the guards only, each look-up logged without the
    number and limited per hour, so candidates cannot be tried to recover it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor")
        cls.visit = cls.env["property.visit"].create(cls._visit_vals(cls))
        cls.visitor = cls.visit.visitor_id
        cls.Log = cls.env["property.personal.lookup"]
        cls.outsider = cls._create_user("t_outsider", cls.group_user)
        cls.site.user_ids = [(4, cls.outsider.id)]

    def _candidates(self, count):
        """Phones differing from the visitor's in the last digits, the real one last."""
        return [f"1381234{n:04d}" for n in range(5670, 5670 + count - 1)] + [PHONE]

    def _logs(self, user):
        return self.Log.search([("user_id", "=", user.id)])

    def test_v09_ored_candidates_refused(self):
        self.rpc_as(self.frontdesk)
        candidates = self._candidates(12)
        domain = ["|"] * (len(candidates) - 1) + [
            ("phone_masked", "=", c) for c in candidates
        ]
        for model in ("property.visit", "property.visitor"):
            with self.subTest(model=model):
                error = self.assertRpcRefused(
                    model, "search_read", domain, ["phone_masked"]
                )
                self.assertNotIn(PHONE, error.message)
                error = self.assertRpcRefused(
                    model, "search", [("phone_masked", "in", candidates)]
                )
                self.assertNotIn(PHONE, error.message)
        # two terms, even AND-ed, and paths through a related record
        self.assertRpcRefused(
            "property.visit",
            "search",
            [("phone_masked", "=", PHONE), ("id_number_masked", "=", ID_OK)],
        )
        self.assertRpcRefused(
            "property.visit",
            "search",
            [
                "|",
                ("visitor_id.phone_masked", "=", candidates[0]),
                ("phone_masked", "=", PHONE),
            ],
        )
        self.assertFalse(self._logs(self.frontdesk), "nothing searched, nothing logged")

    def test_v09_sequential_candidates_stopped_by_the_limit(self):
        self.guard.company_id.property_visitor_lookup_limit = 10
        self.rpc_as(self.guard)
        candidates = self._candidates(16)
        found = []
        with freeze_time("2025-03-03 02:00:00"):
            for n, candidate in enumerate(candidates):
                if n < 10:
                    found += self.rpc(
                        "property.visitor", "search", [("phone_masked", "=", candidate)]
                    )
                    continue
                error = self.assertRpcRefused(
                    "property.visitor", "search", [("phone_masked", "=", candidate)]
                )
                self.assertNotIn(PHONE, error.message)
        # refused: the real number, tried 16th, was never answered
        self.assertEqual(found, [])
        logs = self._logs(self.guard)
        self.assertEqual(len(logs), 10)
        text = json.dumps(logs.read(["value_masked", "value_hash"]), default=str)
        self.assertNotIn(PHONE, text)
        self.assertEqual(logs.mapped("field_name"), ["phone"] * 10)
        # an hour later the guard looks a visitor up again, once per request
        with freeze_time("2025-03-03 03:01:00"):
            self.assertEqual(
                self.rpc("property.visitor", "search", [("phone_masked", "=", PHONE)]),
                self.visitor.ids,
            )
        self.assertEqual(self._logs(self.guard)[0].value_masked, MASKED)

    def test_v09_only_front_desk_and_guards_look_up(self):
        self.rpc_as(self.outsider)
        error = self.assertRpcRefused(
            "property.visitor", "search", [("phone_masked", "=", PHONE)]
        )
        self.assertNotIn(PHONE, error.message)
        self.assertFalse(self._logs(self.outsider))

    def test_v09_front_desk_looks_a_visitor_up_and_it_is_logged(self):
        self.rpc_as(self.frontdesk)
        answer = self.rpc(
            "property.visit",
            "web_search_read",
            [("phone_masked", "=", PHONE)],
            {"phone_masked": {}, "visitor_name": {}},
        )
        self.assertEqual([r["id"] for r in answer["records"]], self.visit.ids)
        self.assertNotIn(PHONE, json.dumps(answer))
        log = self._logs(self.frontdesk)
        self.assertEqual(len(log), 1, "a list's search and count are one look-up")
        self.assertEqual(
            (log.model, log.field_name, log.value_masked),
            ("property.visit", "phone", MASKED),
        )
        # the log is read by the managers, not by the front desk
        self.assertRpcRefused(
            "property.personal.lookup", "search_read", [], ["value_masked"]
        )
        self.rpc_as(self.supervisor)
        answer = self.rpc(
            "property.personal.lookup", "search_read", [], ["user_id", "value_masked"]
        )
        self.assertIn(MASKED, json.dumps(answer, ensure_ascii=False))

    def test_v09_visitor_register_only_for_its_keepers(self):
        """The visitor register is read by the front desk, the
        guards and their managers; a site's other users read none of it."""
        self.rpc_as(self.outsider)
        for model in ("property.visit", "property.visitor"):
            with self.subTest(model=model):
                error = self.assertRpcRefused(
                    model, "search_read", [], ["display_name"]
                )
                self.assertNotIn("Wang Wei", error.message)
        # the site administrator reads the register
        admin = self._create_user("t_site_admin_v", self.group_manager)
        self.rpc_as(admin)
        answer = self.rpc("property.visit", "read", [self.visit.id], ["visitor_name"])
        self.assertEqual(answer[0]["visitor_name"], "Wang Wei")
