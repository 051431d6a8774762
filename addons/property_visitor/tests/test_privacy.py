from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ID_OK, VisitorCase


@tagged("post_install", "-at_install")
class TestPrivacy(VisitorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.visit = (
            cls.env["property.visit"]
            .with_user(cls.frontdesk)
            .create(cls._visit_vals(cls))
        )
        cls.site_b = cls.env["property.site"].create(
            {"name": "Test Site B", "code": "TB", "calendar_id": cls.calendar.id}
        )
        cls.visit_b = cls.env["property.visit"].create(
            dict(cls._visit_vals(cls), site_id=cls.site_b.id, host_unit_id=False)
        )

    def test_v09_masked_right_after_typing(self):
        visit = (
            self.env["property.visit"]
            .with_user(self.frontdesk)
            .create(self._visit_vals())
        )
        self.assertEqual(visit.phone_masked, "138****5678")
        visit.phone_masked = "13900001111"
        self.assertEqual(visit.phone_masked, "139****1111")

    def test_v09_masked_for_front_desk_and_guard(self):
        for user in (self.frontdesk, self.guard):
            with self.subTest(user=user.login):
                visit = self.visit.with_user(user)
                self.assertEqual(visit.id_number_masked, "110***********002X")
                self.assertEqual(visit.phone_masked, "138****5678")
                with self.assertRaises(AccessError):
                    visit.read(["id_number"])
                with self.assertRaises(AccessError):
                    visit.read(["phone"])

    def test_v09_repeat_visitor_record_masked_too(self):
        self.visit.write(self._contact_vals())
        with freeze_time("2025-03-03 02:00:00"):
            self.visit.action_check_in()
        visitor = self.visit.visitor_id
        self.assertEqual(visitor.with_user(self.guard).phone_masked, "138****5678")
        with self.assertRaises(AccessError):
            visitor.with_user(self.frontdesk).read(["id_number"])
        self.assertEqual(
            visitor.with_user(self.security).read(["id_number"])[0]["id_number"], ID_OK
        )

    def test_v09_clear_for_supervisor_and_security_manager(self):
        for user in (self.supervisor, self.security):
            with self.subTest(user=user.login):
                data = self.visit.with_user(user).read(["id_number", "phone"])[0]
                self.assertEqual(data["id_number"], ID_OK)
                self.assertEqual(data["phone"], "+8613812345678")

    def test_v09_front_desk_cannot_write_clear_field(self):
        with self.assertRaises(AccessError):
            self.visit.with_user(self.frontdesk).write({"phone": "13900000000"})

    def test_v09_record_rules_per_site(self):
        Visit = self.env["property.visit"]
        for user in (self.frontdesk, self.guard, self.supervisor, self.security):
            with self.subTest(user=user.login):
                visible = Visit.with_user(user).search(
                    [("id", "in", (self.visit | self.visit_b).ids)]
                )
                self.assertEqual(visible, self.visit)
                with self.assertRaises(AccessError):
                    self.visit_b.with_user(user).read(["visitor_name"])

    def test_v09_retention_cron_anonymises_closed_visits(self):
        with freeze_time("2025-01-06 02:00:00"):
            self.visit.write(self._contact_vals())
            self.visit.action_check_in()
            self.visit.action_check_out()
        Visit = self.env["property.visit"]
        with freeze_time("2025-03-01"):
            self.assertEqual(Visit._cron_anonymize(), 0)
        with freeze_time("2025-08-01"):
            self.assertEqual(Visit._cron_anonymize(), 1)
        self.assertTrue(self.visit.anonymized)
        self.assertFalse(self.visit.sudo().id_number)
        self.assertFalse(self.visit.sudo().phone)
        self.assertFalse(self.visit.visitor_id.sudo().id_number)
        self.assertEqual(
            self.visit.visitor_name, "Wang Wei", "the register itself stays"
        )
        self.assertTrue(self.visit_b.sudo().phone, "open visits are kept")
