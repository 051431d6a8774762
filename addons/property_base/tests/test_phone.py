"""Phones through Odoo's phone_validation (tools/phone.py): E.164 stored, mainland
numbers shown in their national format, an invalid number refused in Chinese, and the
conversion of stored numbers the migrations of the other addons run."""

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..tools.phone import convert_stored_phones, normalize_phone, phone_display
from .bad_input import BadInputMixin
from .common import PropertyCase


@tagged("post_install", "-at_install")
class TestPhone(BadInputMixin, PropertyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_zh_cn("property_base")

    def test_c02_v09_invalid_number_refused_in_chinese(self):
        env = self.env(context=dict(self.env.context, lang="zh_CN"))
        for value in (
            "12345",
            "138001380060",
            "not a phone",
            ["13800138000"],
            1.5,
            True,
        ):
            with (
                self.subTest(value=value),
                self.assertRaises(ValidationError) as caught,
            ):
                normalize_phone(env, value)
            self.assertRegex(str(caught.exception), r"[\u4e00-\u9fff]")

    def test_c02_v09_numbers_stored_in_e164(self):
        for typed, stored in (
            ("138 0013 8006", "+8613800138006"),
            ("+86 138-0013-8006", "+8613800138006"),
            ("0086 13800138006", "+8613800138006"),
            (13800138006, "+8613800138006"),
            ("021-6234 5678", "+862162345678"),
            ("+852 9123 4567", "+85291234567"),
        ):
            with self.subTest(typed=typed):
                self.assertEqual(normalize_phone(self.env, typed), stored)
        self.assertFalse(normalize_phone(self.env, "  "))
        self.assertFalse(normalize_phone(self.env, False))

    def test_c02_v09_mainland_numbers_shown_in_national_format(self):
        self.assertEqual(phone_display("+8613800138006"), "138 0013 8006")
        self.assertEqual(phone_display("+862162345678"), "021 6234 5678")
        self.assertEqual(phone_display("+85291234567"), "+852 9123 4567")
        self.assertEqual(phone_display("not a phone"), "not a phone")
        self.assertFalse(phone_display(False))

    def test_c02_v09_stored_numbers_converted_to_e164(self):
        cr = self.env.cr
        cr.execute("CREATE TEMPORARY TABLE t_phone (id serial, phone varchar)")
        stored = [
            "+86 138 0013 8006",  # the complaint's international format
            "13800138006",  # the visitor's national digits
            "+8613800138006",  # already E.164
            "+852 9123 4567",
            "021-62345678",
            "not a phone",  # kept as it is: nothing is lost
            None,
        ]
        for value in stored:
            cr.execute("INSERT INTO t_phone (phone) VALUES (%s)", [value])
        self.assertEqual(convert_stored_phones(cr, "t_phone", "phone"), 4)
        cr.execute("SELECT phone FROM t_phone ORDER BY id")
        self.assertEqual(
            [row[0] for row in cr.fetchall()],
            [
                "+8613800138006",
                "+8613800138006",
                "+8613800138006",
                "+85291234567",
                "+862162345678",
                "not a phone",
                None,
            ],
        )
        # a second run changes nothing
        self.assertEqual(convert_stored_phones(cr, "t_phone", "phone"), 0)
