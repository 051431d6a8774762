import json

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase

PHONE = "13812345678"
# a part of the resident's phone that no other record of the database carries (the
# demo data has other partners whose phones contain 138)
PART = "%12345678%"


@tagged("post_install", "-at_install")
class TestComplaintPrivacyRpc(RpcMixin, HttpCase, ComplaintCase):
    """C22: the complainant's phone that a department handler may not read on the
    complaint is not read either on the resident's partner or through a domain."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        cls.owner.write({"phone": PHONE, "email": "owner.private@example.com"})
        cls.complainant = cls.env["res.partner"].create(
            {"name": "Complainant Li", "mobile": "13912345678"}
        )
        cls.complaint = cls._new_complaint(cls, partner_id=cls.complainant.id)
        cls._dispatch(cls, cls.complaint, cls.dep_engineering, cls.handler)

    def test_c22_handler_does_not_reach_the_phone_through_related_records(self):
        self.rpc_as(self.handler)
        # refused: the complaint's own field, the owner's and the complainant's partner
        self.assertRpcRefused(
            "property.complaint", "read", [self.complaint.id], ["partner_phone"]
        )
        for partner in (self.owner, self.complainant):
            with self.subTest(partner=partner.name):
                error = self.assertRpcRefused(
                    "res.partner", "read", [partner.id], ["phone"]
                )
                self.assertNotIn(PHONE, error.message)
        # refused or matching nothing: domains probing the phone through the unit
        for domain in (
            [("unit_id.owner_id.phone", "like", PART)],
            [("unit_id.owner_id.mobile", "like", PART)],
            [("unit_id.owner_id.email", "like", "owner")],
            [("unit_id.occupant_ids.phone", "like", PART)],
        ):
            with self.subTest(domain=domain):
                self.assertEqual(self.rpc("property.complaint", "search", domain), [])
        self.assertEqual(
            self.rpc("property.unit", "search", [("owner_id.phone", "like", PART)]), []
        )
        self.assertEqual(
            self.rpc(
                "res.partner", "search_read", [("phone", "like", PART)], ["phone"]
            ),
            [],
        )
        self.assertEqual(self.rpc("res.partner", "name_search", "Complainant"), [])
        # the complaint's screen still shows the unit and its owner's name
        answer = self.rpc(
            "property.unit",
            "web_read",
            [self.unit.id],
            {"owner_id": {"fields": {"display_name": {}}}},
        )
        self.assertEqual(answer[0]["owner_id"]["display_name"], self.owner.name)
        self.assertNotIn(PHONE, json.dumps(answer))
        # the handler's own work goes on: the complaint is readable
        self.assertEqual(
            self.rpc("property.complaint", "read", [self.complaint.id], ["summary"])[0][
                "summary"
            ],
            "Water leak",
        )

    def test_c22_customer_service_reads_the_residents_contact(self):
        for user in (self.agent, self.supervisor, self.quality):
            with self.subTest(user=user.login):
                self.rpc_as(user)
                answer = self.rpc("res.partner", "read", [self.owner.id], ["phone"])
                self.assertEqual(answer[0]["phone"], PHONE)
                if user == self.quality:
                    continue  # not a member of the site: its units are not theirs
                self.assertEqual(
                    self.rpc(
                        "property.complaint",
                        "search",
                        [("unit_id.owner_id.phone", "like", PART)],
                    ),
                    self.complaint.ids,
                )

    def test_c22_agent_only_report_refused_to_the_other_roles(self):
        """A report kept for customer service (the monthly publication) is not printed
        by a handler or a guard through the /report URL either."""
        report = "property_complaint.report_complaint_publication"
        url = f"/report/html/{report}/{self.site.id}"
        self.rpc_as(self.handler)
        with mute_logger("odoo.http"):
            response = self.url_open(url)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn("投诉处理情况公示", response.text)
        self.assertNotIn("Water leak", response.text)
        self.rpc_as(self.agent)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("投诉处理情况公示", response.text)
