from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ComplaintCase

CONTACT_FIELDS = ["partner_phone", "partner_email", "id_number", "partner_id"]


@tagged("post_install", "-at_install")
class TestConfidentiality(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint = cls.env["property.complaint"].create(
            {
                "site_id": cls.site.id,
                "summary": "Leak",
                "channel_id": cls.channel_phone.id,
                "complainant_name": "Mr Zhang",
                "partner_phone": "13800138000",
                "partner_email": "zhang@example.com",
                "id_number": "11010519491231002X",
                "department_id": cls.dep_engineering.id,
                "handler_id": cls.handler.id,
            }
        )

    def test_c22_customer_service_reads_contact_data(self):
        for user in (self.agent, self.supervisor, self.cs_manager, self.quality):
            with self.subTest(user=user.login):
                values = self.complaint.with_user(user).read(CONTACT_FIELDS)[0]
                self.assertEqual(values["partner_phone"], "+8613800138000")
                self.assertEqual(values["id_number"], "11010519491231002X")

    def test_c22_handler_sees_the_complaint_without_contact_data(self):
        as_handler = self.complaint.with_user(self.handler)
        self.assertEqual(as_handler.read(["summary"])[0]["summary"], "Leak")
        # refused: contact fields through read, search_read and search
        with self.assertRaises(AccessError):
            as_handler.read(["partner_phone"])
        with self.assertRaises(AccessError):
            self.env["property.complaint"].with_user(self.handler).search_read(
                [("id", "=", self.complaint.id)], ["id_number"]
            )
        with self.assertRaises(AccessError):
            self.env["property.complaint"].with_user(self.handler).search(
                [("partner_email", "=", "zhang@example.com")]
            )
        values = (
            self.env["property.complaint"]
            .with_user(self.handler)
            .search_read([("id", "=", self.complaint.id)])[0]
        )
        for fname in CONTACT_FIELDS:
            self.assertNotIn(fname, values)
        fields = self.env["property.complaint"].with_user(self.handler).fields_get()
        self.assertFalse(set(CONTACT_FIELDS) & fields.keys())

    def test_c22_other_handlers_and_sites_do_not_see_it(self):
        # refused: a handler of another department
        self.assertFalse(
            self.env["property.complaint"]
            .with_user(self.handler2)
            .search([("id", "=", self.complaint.id)])
        )
        # refused: an agent of another site
        stranger = self._create_user("t_agent_other", self.group_agent)
        self.env["property.site"].create(
            {
                "name": "Site B",
                "code": "TB",
                "calendar_id": self.calendar.id,
                "user_ids": stranger.ids,
            }
        )
        self.assertFalse(
            self.env["property.complaint"]
            .with_user(stranger)
            .search([("id", "=", self.complaint.id)])
        )
        # a handler of the same department sees it
        colleague = self._create_user("t_colleague", self.group_handler)
        self.site.user_ids = [(4, colleague.id)]
        self.env["hr.employee"].create(
            {
                "name": "Colleague",
                "user_id": colleague.id,
                "department_id": self.dep_engineering.id,
            }
        )
        self.assertEqual(
            self.env["property.complaint"]
            .with_user(colleague)
            .search([("id", "=", self.complaint.id)]),
            self.complaint,
        )

    def test_c22_handler_cannot_register(self):
        with self.assertRaises(AccessError):
            self.env["property.complaint"].with_user(self.handler).create(
                {
                    "site_id": self.site.id,
                    "summary": "x",
                    "channel_id": self.channel_phone.id,
                }
            )
