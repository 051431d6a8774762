from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric

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

from .common import ComplaintCase

# PostgreSQL stores no NUL character (Odoo refuses it for any text field, nothing is
# written): it is left out of the generated text
TEXT = st.characters(exclude_characters="\x00", exclude_categories=("Cs",))


def _bad_phone(value):
    # what Odoo's phone_validation refuses (property_base/tools/phone.py)
    if not value:
        return False
    return phone_e164_or_none(value) is None


BAD_PHONES = st.one_of(
    st.from_regex(r"\A1\d{0,9}\Z"),
    st.from_regex(r"\A\d{12,20}\Z"),
    st.text(alphabet="0123456789+-() abc#*", min_size=1, max_size=25),
    st.text(alphabet=TEXT, min_size=1, max_size=30),
).filter(_bad_phone)
BAD_IDS = st.one_of(
    st.from_regex(r"\A[1-8]\d{16}[\dX]\Z"),
    st.text(alphabet="0123456789X-xyz ", min_size=1, max_size=30),
    st.text(alphabet=TEXT, min_size=1, max_size=40),
).filter(lambda v: bool(v) and not ric.is_valid(v))


@tagged("post_install", "-at_install")
class TestBadInput(BadInputMixin, ComplaintCase):
    """C02, C22: malformed phones and ID numbers are refused with a Chinese message and
    register nothing; HTML typed into a complaint is printed and notified as text."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_zh_cn("property_complaint")
        cls.agent.lang = "zh_CN"

    def _registered(self, **vals):
        Complaint = (
            self.env["property.complaint"]
            .with_user(self.agent)
            .with_context(lang="zh_CN")
        )
        values = {
            "site_id": self.site.id,
            "summary": "Water leak",
            "channel_id": self.channel_phone.id,
            "complainant_name": "Mr Zhang",
            "unit_id": self.unit.id,
            "date_received": "2025-03-03 02:00:00",
        }
        values.update(vals)
        return Complaint.create(values)

    @BOUNDED
    @given(phone=BAD_PHONES)
    def test_c02_malformed_phone_refused(self, phone):
        self._refused(
            "property.complaint", lambda: self._registered(partner_phone=phone)
        )

    @BOUNDED
    @given(number=BAD_IDS)
    def test_c02_malformed_id_number_refused(self, number):
        self._refused("property.complaint", lambda: self._registered(id_number=number))

    @BOUNDED
    @given(phone=BAD_PHONES)
    def test_c02_malformed_phone_refused_on_write(self, phone):
        complaint = self._registered(partner_phone="13800138000")
        self._refused(
            "property.complaint", lambda: complaint.write({"partner_phone": phone})
        )
        self.assertEqual(complaint.partner_phone, "+8613800138000")

    @BOUNDED
    @given(count=st.integers(-(2**31), -1))
    def test_c05_negative_co_complainants_refused(self, count):
        self._refused(
            "property.complaint", lambda: self._registered(co_complainant_count=count)
        )

    @BOUNDED
    @given(text=st.one_of(UNSTORABLE_TEXT, OVERSIZED_CHAR))
    def test_c01_nul_or_oversized_summary_refused(self, text):
        self._refused("property.complaint", lambda: self._registered(summary=text))
        complaint = self._registered()
        self._refused(
            "property.complaint", lambda: complaint.write({"complainant_name": text})
        )
        self.assertEqual(complaint.complainant_name, "Mr Zhang")

    @BOUNDED
    @given(count=HUGE_INTEGERS)
    def test_c05_huge_co_complainant_count_refused(self, count):
        message = self._refused(
            "property.complaint", lambda: self._registered(co_complainant_count=count)
        )
        self.assertIn("2147483647", message)

    @BOUNDED
    @given(when=ABSURD_DATETIMES)
    def test_c03_absurd_date_received_refused(self, when):
        message = self._refused(
            "property.complaint", lambda: self._registered(date_received=when)
        )
        self.assertIn("1900", message)

    @BOUNDED
    @given(text=st.text(alphabet=TEXT, max_size=200))
    def test_c21_html_in_a_complaint_printed_and_notified_as_text(self, text):
        complaint = self._registered(
            summary=SCRIPT + text, description=f"<p>{SCRIPT}</p>", fact_lawsuit=True
        )
        self.assertEqual(complaint.complaint_class, "1")
        # rich text is sanitised when stored: the form view gets no script back
        self.assertNotIn("<script", str(complaint.description))
        self.assertNotIn("onerror", str(complaint.description))
        html = (
            self.env["ir.actions.report"]
            .with_user(self.agent)
            ._render_qweb_html(
                "property_complaint.report_complaint_form", complaint.ids
            )[0]
            .decode()
        )
        self.assertNotIn("<script>", html)
        self.assertNotIn("<img src=x", html)
        self.assertIn("&lt;script&gt;", html)
        # the class 1 notification (an activity of the manager) carries no live HTML
        notes = "".join(complaint.activity_ids.mapped(lambda a: str(a.note or "")))
        self.assertTrue(complaint.activity_ids)
        self.assertNotIn("<script", notes)
        self.assertNotIn("onerror", notes)
