from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tools import INTERNAL

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestPortalAccessOrm(PortalCase):
    """Record rules for portal users, through the ORM (C22, V09, V05)."""

    def test_c22_portal_reads_only_own_household_complaints(self):
        mine = self._portal_complaint(self.portal_a)
        theirs = self._portal_complaint(self.portal_b, summary="Noise at night")
        Complaint = self.env["property.complaint"]
        self.assertEqual(Complaint.with_user(self.portal_a).search([]), mine)
        self.assertEqual(Complaint.with_user(self.portal_b).search([]), theirs)
        self.assertEqual(
            mine.with_user(self.portal_a).read(["summary"])[0]["summary"], mine.summary
        )
        with self.assertRaises(AccessError):
            theirs.with_user(self.portal_a).read(["summary"])
        with self.assertRaises(AccessError):
            mine.with_user(self.portal_b).check_access("read")

    def test_c22_portal_household_member_sees_household_complaints(self):
        """Another member of the same household (an occupant of the unit) sees them."""
        member = self.env["res.partner"].create({"name": "Resident A's son"})
        self.unit_a.occupant_ids = [(4, member.id)]
        portal_member = self._create_portal_user("t_resident_a2", member)
        complaint = self._portal_complaint(self.portal_a)
        self.assertEqual(
            self.env["property.complaint"].with_user(portal_member).search([]),
            complaint,
        )

    def test_c22_portal_never_reads_staff_fields(self):
        complaint = self._portal_complaint(self.portal_a)
        complaint.sudo().with_context(property_complaint_action=INTERNAL).write(
            {
                "resolution": "<p>Internal: the plumber was late.</p>",
                "validity_reason": "x",
            }
        )
        own = complaint.with_user(self.portal_a)
        for field in (
            "resolution",
            "validity_reason",
            "partner_phone",
            "message_ids",
            "id_number",
        ):
            with self.assertRaises(AccessError, msg=field):
                own.read([field])
        values = own.read()[0]
        self.assertNotIn("resolution", values)
        self.assertNotIn("validity_reason", values)
        self.assertIn("date_deadline_resolution", values)

    def test_c22_portal_never_reads_staff_notes(self):
        complaint = self._portal_complaint(self.portal_a).sudo()
        complaint.message_post(
            body="Internal: the plumber was late.", subtype_xmlid="mail.mt_note"
        )
        complaint.message_post(
            body="We come tomorrow at 9.", subtype_xmlid="mail.mt_comment"
        )
        messages = (
            self.env["mail.message"]
            .with_user(self.portal_a)
            .search(
                [("model", "=", "property.complaint"), ("res_id", "=", complaint.id)]
            )
        )
        bodies = " ".join(messages.sudo().mapped("body"))
        self.assertIn("We come tomorrow", bodies)
        self.assertNotIn("plumber", bodies)
        self.assertFalse(
            self.env["mail.message"]
            .with_user(self.portal_b)
            .search(
                [("model", "=", "property.complaint"), ("res_id", "=", complaint.id)]
            )
        )

    def test_c15_portal_reads_only_own_callbacks(self):
        mine = self._to_callback(self._portal_complaint(self.portal_a))
        Callback = self.env["property.complaint.callback"]
        self.assertEqual(
            Callback.with_user(self.portal_a).search([]), mine.callback_ids
        )
        self.assertFalse(Callback.with_user(self.portal_b).search([]))
        with self.assertRaises(AccessError):
            mine.callback_ids.with_user(self.portal_b).read(["state"])

    @freeze_time("2025-03-03 02:00:00")
    def test_v09_portal_reads_only_own_visits_without_personal_data(self):
        Visit = self.env["property.visit"]
        mine = Visit.with_user(self.portal_a)._portal_invite(
            self._invite_vals(self.unit_a)
        )
        theirs = Visit.with_user(self.portal_b)._portal_invite(
            self._invite_vals(self.unit_b)
        )
        self.assertEqual(Visit.with_user(self.portal_a).search([]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.portal_a).read(["visitor_name"])
        for field in ("phone", "phone_masked", "id_number", "invite_email", "note"):
            with self.assertRaises(AccessError, msg=field):
                mine.with_user(self.portal_a).read([field])

    def test_v05_portal_goods_passes_only_for_the_company_signatory(self):
        goods = self._goods_pass()
        other = self._goods_pass(tenant=self.tenant2)
        GoodsPass = self.env["property.goods.pass"]
        self.assertEqual(GoodsPass.with_user(self.portal_signatory).search([]), goods)
        self.assertEqual(GoodsPass.with_user(self.portal_signatory2).search([]), other)
        # a contact of the company who is not its signatory, a resident: nothing
        self.assertFalse(GoodsPass.with_user(self.portal_clerk).search([]))
        self.assertFalse(GoodsPass.with_user(self.portal_a).search([]))
        with self.assertRaises(AccessError):
            other.with_user(self.portal_signatory).read(["name"])
        with self.assertRaises(AccessError):
            goods.with_user(self.portal_clerk).read(["name"])
        with self.assertRaises(AccessError):
            goods.with_user(self.portal_signatory).read(["token_key"])

    def _invite_vals(self, unit):
        return {
            "unit_id": unit.id,
            "visitor_name": "Wang Wei",
            "phone": "13812345678",
            "planned_time": "2025-03-03 06:00:00",
            "planned_end": "2025-03-03 08:00:00",
        }


@tagged("post_install", "-at_install")
class TestPortalAccessHttp(HttpCase, PortalCase):
    """Changing the id in the URL shows nobody else's record (403), an unknown id is
    404."""

    def _assert_status(self, url, status):
        response = self.url_open(url)
        self.assertEqual(response.status_code, status, url)

    def test_c22_url_of_another_residents_complaint_is_refused(self):
        mine = self._portal_complaint(self.portal_a)
        theirs = self._portal_complaint(self.portal_b, summary="Noise at night")
        self.authenticate("t_resident_a", "t_resident_a")
        self._assert_status(f"/my/complaints/{mine.id}", 200)
        self._assert_status(f"/my/complaints/{theirs.id}", 403)
        self._assert_status("/my/complaints/999999", 404)
        list_page = self.url_open("/my/complaints").text
        self.assertIn(mine.name, list_page)
        self.assertNotIn(theirs.name, list_page)

    def test_c22_url_confirm_of_another_residents_complaint_is_refused(self):
        theirs = self._to_callback(self._portal_complaint(self.portal_b))
        self.authenticate("t_resident_a", "t_resident_a")
        response = self.url_open(
            f"/my/complaints/{theirs.id}/confirm", data={"csrf_token": self._csrf()}
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(theirs.portal_result_state)

    @freeze_time("2025-03-03 02:00:00")
    def test_v09_url_of_another_residents_visit_is_refused(self):
        Visit = self.env["property.visit"]
        vals = {
            "visitor_name": "Wang Wei",
            "phone": "13812345678",
            "planned_time": "2025-03-03 06:00:00",
            "planned_end": "2025-03-03 08:00:00",
        }
        mine = Visit.with_user(self.portal_a)._portal_invite(
            dict(vals, unit_id=self.unit_a.id)
        )
        theirs = Visit.with_user(self.portal_b)._portal_invite(
            dict(vals, unit_id=self.unit_b.id)
        )
        self.authenticate("t_resident_a", "t_resident_a")
        self._assert_status(f"/my/visits/{mine.id}", 200)
        self._assert_status(f"/my/visits/{theirs.id}", 403)
        self._assert_status("/my/visits/999999", 404)

    def test_v05_url_of_another_companys_goods_pass_is_refused(self):
        goods = self._goods_pass()
        other = self._goods_pass(tenant=self.tenant2)
        self.authenticate("t_signatory", "t_signatory")
        self._assert_status(f"/my/goods_passes/{goods.id}", 200)
        self._assert_status(f"/my/goods_passes/{other.id}", 403)
        self._assert_status("/my/goods_passes/999999", 404)
        response = self.url_open(
            f"/my/goods_passes/{other.id}/approve", data={"csrf_token": self._csrf()}
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(other.portal_approval_state)
        self.authenticate("t_clerk", "t_clerk")
        self._assert_status(f"/my/goods_passes/{goods.id}", 403)

    def test_portal_home_links_the_property_pages(self):
        self.authenticate("t_resident_a", "t_resident_a")
        home = self.url_open("/my/home").text
        self.assertIn('href="/my/complaints"', home)
        self.assertIn('href="/my/visits"', home)
        # an internal user cannot submit as a resident
        self.agent.password = "t_agent"
        self.authenticate("t_agent", "t_agent")
        response = self.url_open(
            "/my/complaints/new",
            data={
                "csrf_token": self._csrf(),
                "summary": "Leak",
                "unit_id": self.unit_a.id,
            },
        )
        self.assertEqual(response.status_code, 403)

    def _csrf(self):
        page = self.url_open("/my/home").text
        marker = 'csrf_token: "'
        start = page.index(marker) + len(marker)
        return page[start : page.index('"', start)]
