import json

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import PropertyCase
from .rpc import RpcMixin

PHONE = "13812345678"
# a part of the resident's phone that no other record of the database carries (the
# demo data has other partners whose phones contain 138)
PART = "%12345678%"
EMAIL = "owner.private@example.com"
ID_NUMBER = "11010519491231002X"


@tagged("post_install", "-at_install")
class TestPrivacyRpc(RpcMixin, HttpCase, PropertyCase):
    """C22: a resident's contact data and ID number are read only by the roles that
    serve them, whichever path reaches them (partner read, search, name_search,
    export, a domain through the unit)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base")
        cls.owner.write(
            {"phone": PHONE, "mobile": PHONE, "email": EMAIL, "vat": ID_NUMBER}
        )
        cls.staff_user = cls._create_user("t_site_staff", cls.group_user)
        cls.staff_user.partner_id.phone = "13900001111"
        cls.site_admin = cls._create_user("t_site_admin", cls.group_manager)
        cls.site.user_ids = [Command.link(cls.staff_user.id)]

    def assertNothingRevealed(self, answer):
        text = json.dumps(answer, ensure_ascii=False)
        for secret in (PHONE, EMAIL, ID_NUMBER, "138"):
            self.assertNotIn(secret, text)

    def test_c22_staff_cannot_read_a_residents_partner(self):
        self.rpc_as(self.staff_user)
        # refused: the partner's own read, search_read, export
        for method, args in (
            ("read", ([self.owner.id], ["phone", "email", "vat"])),
            ("web_read", ([self.owner.id], {"phone": {}, "display_name": {}})),
            ("export_data", ([self.owner.id], ["phone", "mobile", "email"])),
        ):
            with self.subTest(method=method):
                error = self.assertRpcRefused("res.partner", method, *args)
                self.assertNotIn(PHONE, error.message)
        # nothing found through searches on the partner or name_search
        for domain in (
            [("phone", "like", PART)],
            [("id", "=", self.owner.id)],
            [("name", "ilike", "Test Owner")],
            ["|", ("email", "=", EMAIL), ("vat", "=", ID_NUMBER)],
        ):
            with self.subTest(domain=domain):
                answer = self.rpc(
                    "res.partner", "search_read", domain, ["phone", "name"]
                )
                self.assertEqual(answer, [])
        self.assertEqual(self.rpc("res.partner", "name_search", "Test Owner"), [])

    def test_c22_staff_cannot_probe_through_the_unit(self):
        self.rpc_as(self.staff_user)
        for domain in (
            [("owner_id.phone", "like", PART)],
            [("owner_id.email", "=", EMAIL)],
            [("owner_id.vat", "like", "1101")],
            [("occupant_ids.phone", "like", PART)],
        ):
            with self.subTest(domain=domain):
                self.assertEqual(self.rpc("property.unit", "search", domain), [])
        # the unit's screen still shows the owner's name, nothing else of them
        answer = self.rpc(
            "property.unit",
            "web_read",
            [self.unit.id],
            {"owner_id": {"fields": {"display_name": {}}}},
        )
        self.assertEqual(answer[0]["owner_id"]["display_name"], "Test Owner")
        self.assertNothingRevealed(answer)
        self.unit.occupant_ids = [Command.link(self.owner.id)]
        answer = self.rpc(
            "property.unit",
            "web_read",
            [self.unit.id],
            {"occupant_ids": {"fields": {"display_name": {}}}},
        )
        # the occupants a user may not read are left out of the tags
        self.assertEqual(answer[0]["occupant_ids"], [])
        self.assertNothingRevealed(answer)

    def test_c22_own_and_colleagues_partners_keep_working(self):
        self.rpc_as(self.staff_user)
        answer = self.rpc(
            "res.partner", "read", [self.staff_user.partner_id.id], ["phone"]
        )
        self.assertEqual(answer[0]["phone"], "13900001111")
        answer = self.rpc(
            "res.partner", "read", [self.site_admin.partner_id.id], ["email"]
        )
        self.assertEqual(answer[0]["email"], "t_site_admin@example.com")
        company = self.env.company.partner_id
        self.assertEqual(
            self.rpc("res.partner", "read", [company.id], ["name"])[0]["name"],
            company.name,
        )

    def test_c22_site_administrator_reads_the_residents_data(self):
        self.rpc_as(self.site_admin)
        answer = self.rpc("res.partner", "read", [self.owner.id], ["phone", "vat"])
        self.assertEqual(answer[0]["phone"], PHONE)
        self.assertEqual(
            self.rpc("property.unit", "search", [("owner_id.phone", "like", PART)]),
            self.unit.ids,
        )
