import ast

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestRegister(ComplaintCase):
    def test_c01_number_from_the_site_sequence(self):
        first = self._new_complaint()
        second = self._new_complaint()
        self.assertEqual(first.name, "TA-2025-000001")
        self.assertEqual(second.name, "TA-2025-000002")
        other_site = self.env["property.site"].create(
            {"name": "Site B", "code": "TB", "calendar_id": self.calendar.id}
        )
        other = self._new_complaint(user=self.env.user, site_id=other_site.id)
        self.assertEqual(other.name, "TB-2025-000001")
        # the year is the site's local year: 2025-12-31 20:00 UTC is 2026 in Shanghai
        new_year = self._new_complaint(date_received="2025-12-31 20:00:00")
        self.assertEqual(new_year.name, "TA-2026-000001")
        # refused: the number never changes
        with self.assertRaises(UserError):
            first.with_user(self.agent).write({"name": "TA-2025-999999"})

    def test_c01_prefix_setting(self):
        self.site.complaint_prefix = "TS"
        self.assertEqual(self._new_complaint().name, "TS-2025-000001")

    def test_c01_numbers_follow_a_changed_sequence(self):
        """Drawing a number keeps the sequence in memory: a change of its prefix or
        the removal of its year's range is seen by the next registration."""
        self.assertEqual(self._new_complaint().name, "TA-2025-000001")
        self.site.complaint_prefix = "TS"
        self.assertEqual(self._new_complaint().name, "TS-2025-000002")
        sequence = self.site.complaint_sequence_id
        sequence.padding = 4
        self.assertEqual(self._new_complaint().name, "TS-2025-0003")
        sequence.date_range_ids.unlink()
        self.assertEqual(self._new_complaint().name, "TS-2025-0001")

    def test_c01_c09_a_changed_site_is_seen_by_the_next_registration(self):
        """A registration keeps what it reads of the site (company, calendar,
        manager, sequence) in memory: a change of the site is seen by the next
        registration."""
        first = self._new_complaint()
        self.assertEqual(first.responsible_user_id, self.cs_manager)
        # Monday 10:00 in Shanghai, class 3: five working days -> Monday 10 March
        self.assertEqual(str(first.date_deadline_resolution), "2025-03-10 15:59:59")
        # a calendar of Mondays only
        mondays = self.env["resource.calendar"].create(
            {
                "name": "Mondays only",
                "tz": "Asia/Shanghai",
                "attendance_ids": [
                    Command.clear(),
                    Command.create(
                        {
                            "name": "Monday",
                            "dayofweek": "0",
                            "hour_from": 8.5,
                            "hour_to": 17.5,
                            "day_period": "morning",
                        }
                    ),
                ],
            }
        )
        self.site.write({"manager_id": self.supervisor.id, "calendar_id": mondays.id})
        second = self._new_complaint()
        self.assertEqual(second.responsible_user_id, self.supervisor)
        # five Mondays after Monday 3 March: 10, 17, 24, 31 March and 7 April
        self.assertEqual(str(second.date_deadline_resolution), "2025-04-07 15:59:59")
        self.assertEqual(second.name, "TA-2025-000002")
        # the first complaint keeps its deadline
        self.assertEqual(str(first.date_deadline_resolution), "2025-03-10 15:59:59")

    def test_c01_chatter_says_what_was_registered(self):
        """The chatter's first line says a complaint or a demand was registered (not
        Odoo's "<model> created"), in the user's language."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_complaint"], ["zh_CN"], overwrite=True
        )
        tracked = self.env(context=dict(self.env.context, tracking_disable=False))
        Complaint = tracked["property.complaint"].with_context(lang="zh_CN")
        with freeze_time("2025-03-03 02:00:00"):
            complaint = Complaint.with_user(self.agent).create(self._complaint_vals())
            demand = Complaint.with_user(self.agent).create(
                self._complaint_vals(kind="demand")
            )
        for record, text in ((complaint, "投诉已登记"), (demand, "需求已登记")):
            first = record.message_ids.sorted("id")[:1]
            self.assertEqual(first.body.striptags(), text)

    def test_c27_channel_made_online_counts_at_once(self):
        complaint = self._new_complaint(channel_id=self.channel_phone.id)
        self.assertFalse(complaint.is_online)
        self.channel_phone.is_online = True
        self.assertTrue(self._new_complaint(channel_id=self.channel_phone.id).is_online)
        # the complaints already registered follow their channel, as before
        self.assertTrue(complaint.is_online)

    def test_c01_every_channel_is_seeded(self):
        codes = set(self.env["property.complaint.channel"].search([]).mapped("code"))
        self.assertLessEqual(
            {
                "phone",
                "visit",
                "letter",
                "fax",
                "email",
                "online",
                "government",
                "media",
                "internal",
            },
            codes,
        )
        self.assertTrue(self.channel_online.is_online)
        self.assertFalse(self.channel_phone.is_online)
        # refused: two channels with the same code
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.env["property.complaint.channel"].create(
                {"name": "Hotline", "code": "phone"}
            )

    def test_c01_email_alias_registers_a_complaint(self):
        domain = self.env["mail.alias.domain"].create(
            {"name": "complaints.example.com"}
        )
        self.site.write({"alias_domain_id": domain.id, "alias_name": "ta"})
        self.assertEqual(self.site.alias_id.alias_model_id.model, "property.complaint")
        self.assertEqual(
            ast.literal_eval(self.site.alias_id.alias_defaults),
            {"site_id": self.site.id},
        )
        raw = (
            "From: Li Lei <lilei@example.com>\r\n"
            "To: ta@complaints.example.com\r\n"
            "Subject: Lift out of order\r\n"
            "Message-ID: <lift-1@example.com>\r\n"
            "Date: Tue, 04 Mar 2025 01:00:00 +0000\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "\r\n"
            "The lift of building 1 stopped.\r\n"
        )
        with freeze_time("2025-03-04 01:00:00"):
            complaint_id = self.env["mail.thread"].message_process(False, raw)
        complaint = self.env["property.complaint"].browse(complaint_id)
        self.assertEqual(complaint.site_id, self.site)
        self.assertEqual(
            complaint.channel_id, self.env.ref("property_complaint.channel_email")
        )
        self.assertEqual(complaint.partner_email, "lilei@example.com")
        self.assertEqual(complaint.complainant_name, "Li Lei")
        self.assertEqual(complaint.summary, "Lift out of order")
        self.assertTrue(complaint.is_written)
        self.assertEqual(complaint.name, "TA-2025-000001")
        # refused: a message to an unknown address registers nothing
        with (
            self.assertRaises(ValueError),
            mute_logger("odoo.addons.mail.models.mail_thread"),
        ):
            self.env["mail.thread"].message_process(
                False, raw.replace("ta@", "nobody@").replace("lift-1", "lift-2")
            )

    def test_c02_phone_is_normalised(self):
        complaint = self._new_complaint(partner_phone="138 0013 8000")
        self.assertEqual(complaint.partner_phone, "+8613800138000")
        complaint.partner_phone = "021-6234 5678"
        self.assertEqual(complaint.partner_phone, "+862162345678")
        # refused: a number that cannot exist
        with self.assertRaisesRegex(ValidationError, "not a valid phone number"):
            complaint.partner_phone = "12345"
        with self.assertRaises(ValidationError):
            self._new_complaint(partner_phone="not a phone")

    def test_c02_id_number_is_checked(self):
        complaint = self._new_complaint(id_number="11010519491231002X")
        self.assertEqual(complaint.id_number, "11010519491231002X")
        # refused: wrong check digit
        with self.assertRaisesRegex(
            ValidationError, "not a valid resident identity card"
        ):
            complaint.id_number = "110105194912310021"

    def test_c02_registration_fields(self):
        complaint = self._new_complaint(
            place_received="Front desk",
            complained_about="Gate guard",
            customer_request="An apology",
            source_reference="FAX-017",
            is_anonymous=True,
            is_written=True,
            co_complainant_count=3,
        )
        self.assertEqual(complaint.place_received, "Front desk")
        self.assertEqual(complaint.co_complainant_count, 3)
        self.assertEqual(complaint.stage_id.role, "new")
        # refused: a negative number of co-complainants
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            complaint.co_complainant_count = -1
            complaint.flush_recordset()

    def test_c02_partner_fills_contact_and_unit(self):
        self.owner.phone = "13900139000"
        complaint = self._new_complaint(
            partner_id=self.owner.id,
            complainant_name=False,
            partner_phone=False,
            unit_id=False,
        )
        self.assertEqual(complaint.complainant_name, "Test Owner")
        self.assertEqual(complaint.partner_phone, "+8613900139000")
        self.assertEqual(complaint.unit_id, self.unit)

    def test_c04_categories_seeded_and_developer_is_a_demand(self):
        developer = self.env.ref("property_complaint.category_developer")
        self.assertEqual(developer.default_kind, "demand")
        # C04's ten and the five emergencies of the service levels (issue #21)
        self.assertEqual(len(self.env["property.complaint.category"].search([])), 15)
        demand = self._new_complaint(category_id=developer.id)
        self.assertEqual(demand.kind, "demand")
        # refused: another category stays a complaint
        complaint = self._new_complaint(category_id=self.category_engineering.id)
        self.assertEqual(complaint.kind, "complaint")
