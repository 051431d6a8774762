import html
import re
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.bad_input import (
    BOUNDED,
    CJK,
    OVERSIZED_CHAR,
    SCRIPT,
    TEXT,
)

from .common import PortalCase

# every example is an HTTP request: fewer of them than for the ORM paths
PORTAL = settings(BOUNDED, max_examples=12)
ERROR = re.compile(r"o_property_portal_error[^>]*>(.*?)</div>", re.S)
# a form post carries no lone surrogate (the browser encodes UTF-8), but a NUL it can
WITH_NUL = st.tuples(
    st.text(alphabet=TEXT, max_size=15), st.text(alphabet=TEXT, max_size=15)
).map(lambda parts: parts[0] + "\x00" + parts[1])
BAD_PHONES = st.one_of(
    st.from_regex(r"\A1\d{0,8}\Z"),
    st.from_regex(r"\A[2-9]\d{12,18}\Z"),
    st.text(alphabet="+-() abc#*", min_size=1, max_size=20).filter(str.strip),
)
ABSURD_INPUT_TIMES = st.one_of(
    st.sampled_from(
        ["soon", "2025-13-40T25:61", "9999-12-31T23:59", "0001-01-01T00:00"]
    ),
    st.datetimes(min_value=datetime(2200, 1, 2), max_value=datetime(9998, 1, 1)).map(
        lambda d: d.strftime("%Y-%m-%dT%H:%M")
    ),
)


@tagged("post_install", "-at_install")
class TestPortalBadInput(HttpCase, PortalCase):
    """C01, V02: what a resident types into the portal forms is checked like any other
    input — a bad value shows the form again with a message in the resident's language
    (never a server error) and registers nothing; HTML typed in is shown as text."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            [
                "property_base",
                "property_complaint",
                "property_visitor",
                "property_portal",
            ],
            ["zh_CN"],
            overwrite=True,
        )
        cls.resident_a.lang = "zh_CN"

    def setUp(self):
        super().setUp()
        self.authenticate("t_resident_a", "t_resident_a")
        self.csrf = self._csrf()

    def _csrf(self):
        page = self.url_open("/my/home").text
        marker = 'csrf_token: "'
        start = page.index(marker) + len(marker)
        return page[start : page.index('"', start)]

    def _refused(self, url, model, data):
        """Post the form: 200 with the form and a Chinese message, nothing written."""
        Model = self.env[model].sudo()
        before = Model.search_count([])
        response = self.url_open(
            url, data=dict(data, csrf_token=self.csrf), allow_redirects=False
        )
        self.assertEqual(response.status_code, 200, f"{data}: {response.status_code}")
        found = ERROR.search(response.text)
        self.assertTrue(found, f"no message shown for {data!r}")
        message = html.unescape(found.group(1)).strip()
        self.assertRegex(message, CJK, f"not in Chinese: {message}")
        self.env.invalidate_all()
        self.assertEqual(
            Model.search_count([]), before, f"something was written for {data!r}"
        )
        return message

    def _complaint_form(self, **values):
        return dict(
            {"unit_id": str(self.unit_a.id), "kind": "complaint", "summary": "Leak"},
            **values,
        )

    def _visit_form(self, **values):
        tomorrow = datetime.now() + timedelta(days=1)
        return dict(
            {
                "unit_id": str(self.unit_a.id),
                "visitor_name": "Wang Wei",
                "phone": "13812345678",
                "planned_time": tomorrow.strftime("%Y-%m-%dT10:00"),
                "planned_end": tomorrow.strftime("%Y-%m-%dT12:00"),
                "purpose": "Family visit",
            },
            **values,
        )

    @PORTAL
    @given(
        summary=st.one_of(
            WITH_NUL, OVERSIZED_CHAR, st.text(alphabet=" \t\n", max_size=5)
        )
    )
    def test_c01_portal_complaint_with_unstorable_or_empty_summary_refused(
        self, summary
    ):
        self._refused(
            "/my/complaints/new",
            "property.complaint",
            self._complaint_form(summary=summary),
        )

    @PORTAL
    @given(description=st.one_of(WITH_NUL, st.just("长" * 200001)))
    def test_c01_portal_complaint_with_unstorable_description_refused(
        self, description
    ):
        self._refused(
            "/my/complaints/new",
            "property.complaint",
            self._complaint_form(description=description),
        )

    @PORTAL
    @given(
        unit=st.one_of(st.text(alphabet=TEXT, min_size=1, max_size=12), st.integers())
    )
    def test_c01_portal_complaint_on_a_unit_not_theirs_refused(self, unit):
        if str(unit).strip() in ("", "0", str(self.unit_a.id)):
            return  # empty: the resident's only unit, the accepted case below
        self._refused(
            "/my/complaints/new",
            "property.complaint",
            self._complaint_form(unit_id=unit),
        )

    def test_c01_portal_complaint_accepted_and_shown_as_text(self):
        response = self.url_open(
            "/my/complaints/new",
            data=dict(
                self._complaint_form(summary=SCRIPT, description=SCRIPT),
                csrf_token=self.csrf,
            ),
        )
        self.assertEqual(response.status_code, 200)
        complaint = (
            self.env["property.complaint"].sudo().search([("summary", "=", SCRIPT)])
        )
        self.assertEqual(complaint.unit_id, self.unit_a)
        self.assertNotIn("<script>", response.text)
        self.assertNotIn("<img src=x", response.text)
        self.assertIn("&lt;script&gt;", response.text)

    @PORTAL
    @given(phone=BAD_PHONES)
    def test_v02_portal_invitation_with_a_bad_phone_refused(self, phone):
        self._refused("/my/visits/new", "property.visit", self._visit_form(phone=phone))

    @PORTAL
    @given(hours=st.integers(0, 24 * 30))
    def test_v02_portal_invitation_ending_before_it_starts_refused(self, hours):
        start = datetime.now() + timedelta(days=40)
        form = self._visit_form(
            planned_time=start.strftime("%Y-%m-%dT%H:%M"),
            planned_end=(start - timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M"),
        )
        self._refused("/my/visits/new", "property.visit", form)

    @PORTAL
    @given(
        when=ABSURD_INPUT_TIMES, which=st.sampled_from(["planned_time", "planned_end"])
    )
    def test_v02_portal_invitation_with_absurd_times_refused(self, when, which):
        self._refused(
            "/my/visits/new", "property.visit", self._visit_form(**{which: when})
        )

    @PORTAL
    @given(
        text=st.one_of(WITH_NUL, OVERSIZED_CHAR),
        which=st.sampled_from(["visitor_name", "purpose", "vehicle_plate"]),
    )
    def test_v02_portal_invitation_with_unstorable_text_refused(self, text, which):
        self._refused(
            "/my/visits/new", "property.visit", self._visit_form(**{which: text})
        )

    def test_v02_portal_invitation_accepted_and_shown_as_text(self):
        response = self.url_open(
            "/my/visits/new",
            data=dict(
                self._visit_form(visitor_name=SCRIPT, purpose=SCRIPT),
                csrf_token=self.csrf,
            ),
        )
        self.assertEqual(response.status_code, 200)
        visit = (
            self.env["property.visit"].sudo().search([("visitor_name", "=", SCRIPT)])
        )
        self.assertEqual(visit.host_unit_id, self.unit_a)
        self.assertNotIn("<script>", response.text)
        self.assertIn("&lt;script&gt;", response.text)
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "property.visit"), ("res_id", "=", visit.id)])
        )
        bodies = "".join(str(m.body_html or "") for m in mail) + "".join(
            str(m.body or "") for m in visit.sudo().message_ids
        )
        self.assertNotIn("<script", bodies)
        self.assertNotIn("<img src=x", bodies)

    def test_c15_portal_callback_with_a_nonsense_satisfaction_refused(self):
        complaint = self._to_callback(self._portal_complaint())
        callback = complaint.sudo()._portal_open_callback()
        self.assertTrue(callback)
        for value in ("abc", "-1", "99999999999999", "1.5", ""):
            response = self.url_open(
                f"/my/complaints/{complaint.id}/callback",
                data={"csrf_token": self.csrf, "satisfaction_id": value},
                allow_redirects=False,
            )
            self.assertEqual(response.status_code, 303, value)
            self.assertIn("error=", response.headers["Location"], value)
            self.assertEqual(callback.state, "todo", value)
