import re
from datetime import date, datetime, timedelta

from freezegun import freeze_time
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.property_base.tests.bad_input import (
    ABSURD_DATETIMES,
    BOUNDED,
    HUGE_INTEGERS,
    OVERSIZED_CHAR,
    SCRIPT,
    UNSTORABLE_TEXT,
    BadInputMixin,
)
from odoo.addons.property_base.tools.phone import phone_e164_or_none
from odoo.addons.property_visitor.models.property_visit import PLATE_PATTERN

from .common import VisitorCase

DAY = "2025-03-03 02:00:00"


def _bad_id(value):
    # a value with a star is the masked value shown back, which leaves the number as is
    value = value.strip().upper()
    return bool(value) and "*" not in value and not ric.is_valid(value)


def _bad_phone(value):
    # what Odoo's phone_validation refuses (property_base/tools/phone.py)
    if not value.strip():
        return False
    return phone_e164_or_none(value) is None


# PostgreSQL stores no NUL character: Odoo refuses it for any text field (an error of
# the request, nothing written), so it is left out of the generated text
TEXT = st.characters(exclude_characters="\x00", exclude_categories=("Cs",))
# ID numbers: near misses (18 characters, wrong check digit or date) and junk
BAD_IDS = st.one_of(
    st.from_regex(r"\A[1-8]\d{16}[\dX]\Z"),
    st.text(alphabet="0123456789X-xyz ", min_size=1, max_size=30),
    st.text(alphabet=TEXT, min_size=1, max_size=40),
).filter(_bad_id)
BAD_PHONES = st.one_of(
    st.from_regex(r"\A1\d{0,9}\Z"),
    st.from_regex(r"\A\d{12,20}\Z"),
    st.text(alphabet="0123456789+-() abc#", min_size=1, max_size=25),
).filter(_bad_phone)
BAD_PLATES = st.one_of(
    st.from_regex(r"\A[A-Z0-9]{5,9}\Z"),
    st.text(alphabet=TEXT, min_size=1, max_size=20),
).filter(
    lambda p: (
        re.sub(r"[\s·\-]", "", p)
        and not PLATE_PATTERN.match(re.sub(r"[\s·\-]", "", p).upper())
    )
)


@tagged("post_install", "-at_install")
class TestBadInput(BadInputMixin, VisitorCase):
    """V01, V09, V05: malformed ID numbers, phones and plates, reversed dates and
    impossible quantities are refused with a Chinese message, leaving nothing behind;
    HTML typed into text fields is printed as text."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_zh_cn("property_visitor")
        (cls.frontdesk | cls.supervisor).lang = "zh_CN"
        cls.Visit = cls._as(cls.frontdesk, "property.visit")

    @classmethod
    def _as(cls, user, model):
        return cls.env[model].with_user(user).with_context(lang="zh_CN")

    def _create_visit(self, **kwargs):
        with freeze_time(DAY):
            return self.Visit.create(self._visit_vals(**kwargs))

    @BOUNDED
    @given(value=BAD_IDS)
    def test_v09_malformed_id_number_refused(self, value):
        self._refused(
            "property.visit", lambda: self._create_visit(id_number_masked=value)
        )

    @BOUNDED
    @given(value=BAD_PHONES)
    def test_v09_malformed_phone_refused(self, value):
        self._refused("property.visit", lambda: self._create_visit(phone_masked=value))

    def test_v09_phone_sent_as_a_number_or_a_list(self):
        # a phone sent as a number is its digits; anything else is refused, never a
        # TypeError of the phone library
        for value in ([13812345678], {"n": 1}, 1.5, True):
            with self.subTest(value=value):
                self._refused(
                    "property.visit", lambda v=value: self._create_visit(phone_masked=v)
                )
        normalize = self.env["property.personal.data.mixin"]._property_normalize_phone
        self.assertEqual(normalize(13812345678), "+8613812345678")
        with self.assertRaises(ValidationError):
            normalize(["13812345678"])
        visit = self._create_visit(phone_masked=13812345678)
        self.assertEqual(visit.sudo().phone, "+8613812345678")

    @BOUNDED
    @given(value=BAD_PLATES)
    def test_v01_malformed_plate_refused(self, value):
        self._refused("property.visit", lambda: self._create_visit(vehicle_plate=value))

    @BOUNDED
    @given(value=BAD_PHONES)
    def test_v09_malformed_phone_refused_on_write(self, value):
        visit = self._create_visit()
        self._refused("property.visit", lambda: visit.write({"phone_masked": value}))
        visit.invalidate_recordset()
        self.assertEqual(visit.phone_masked, "138****5678")

    @BOUNDED
    @given(people=st.one_of(st.integers(-(2**31), 0), st.integers(1000, 2**31 - 1)))
    def test_v01_absurd_number_of_people_refused(self, people):
        self._refused("property.visit", lambda: self._create_visit(people_count=people))

    @BOUNDED
    @given(people=HUGE_INTEGERS)
    def test_v01_number_of_people_beyond_the_database_range_refused(self, people):
        message = self._refused(
            "property.visit", lambda: self._create_visit(people_count=people)
        )
        self.assertIn("2147483647", message)

    @BOUNDED
    @given(text=st.one_of(UNSTORABLE_TEXT, OVERSIZED_CHAR))
    def test_v01_nul_or_oversized_visitor_name_refused(self, text):
        self._refused("property.visit", lambda: self._create_visit(visitor_name=text))
        visit = self._create_visit()
        self._refused("property.visit", lambda: visit.write({"purpose": text}))

    @BOUNDED
    @given(when=ABSURD_DATETIMES)
    def test_v01_absurd_expected_time_refused(self, when):
        message = self._refused(
            "property.visit", lambda: self._create_visit(planned_time=when)
        )
        self.assertIn("1900", message)

    @BOUNDED
    @given(
        quantity=st.one_of(
            st.floats(max_value=0, allow_nan=False, allow_infinity=False),
            st.floats(min_value=1e6 + 1, max_value=1e12),
        )
    )
    def test_v05_absurd_goods_quantity_refused(self, quantity):
        def call():
            self._as(self.frontdesk, "property.goods.pass").create(
                {
                    "site_id": self.site.id,
                    "direction": "out",
                    "tenant_partner_id": self.tenant.id,
                    "carrier_name": "Zhao Liu",
                    "planned_date": DAY,
                    "line_ids": [
                        Command.create({"name": "Laptop", "quantity": quantity})
                    ],
                }
            )

        self._refused("property.goods.pass", call)

    @BOUNDED
    @given(hours=st.integers(0, 24 * 400))
    def test_v05_reversed_moving_slot_refused(self, hours):
        start = datetime(2025, 3, 4, 1)
        Slot = self._as(self.supervisor, "property.move.slot")
        self._refused(
            "property.move.slot",
            lambda: Slot.create(
                {
                    "site_id": self.site.id,
                    "start": start,
                    "stop": start - timedelta(hours=hours),
                }
            ),
        )

    @BOUNDED
    @given(days=st.integers(1, 3650))
    def test_v04_pass_ending_before_it_starts_refused(self, days):
        Pass = self._as(self.frontdesk, "property.pass")
        self._refused(
            "property.pass",
            lambda: Pass.create(
                {
                    "site_id": self.site.id,
                    "holder_name": "Li Gong",
                    "holder_category": "decoration",
                    "date_from": date(2025, 3, 3),
                    "date_to": date(2025, 3, 3) - timedelta(days=days),
                }
            ),
        )

    @BOUNDED
    @given(text=st.text(alphabet=TEXT, max_size=200))
    def test_v01_html_in_text_fields_printed_as_text(self, text):
        visit = self._create_visit(visitor_name=SCRIPT + text, purpose=SCRIPT)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.frontdesk)
            ._render_qweb_html("property_visitor.report_visit_register", visit.ids)[0]
            .decode()
        )
        self.assertNotIn("<script>", html)
        self.assertNotIn("<img src=x", html)
        self.assertIn("&lt;script&gt;", html)
