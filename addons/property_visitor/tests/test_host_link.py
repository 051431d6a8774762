"""Issue #20, the visitor side: the host asked by SMS with a no-login link, answering
"let in" / "refuse" (V02), the front desk seeing it and a refused visit checked in only
with a reason; the parcel's SMS (V11); the invitation's SMS with its QR page."""

import json
import re
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcError, RpcMixin

from .common import VisitorCase

# 10:00 in Shanghai, inside the front desk's day (no night duty)
NOW = "2025-03-03 02:00:00"
HOST_MOBILE = "+8613912345678"
LINK = re.compile(r"/p/([^\s]+)")
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@tagged("post_install", "-at_install")
class TestVisitHostLink(RpcMixin, HttpCase, VisitorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor")
        cls.tenant.write({"mobile": HOST_MOBILE, "lang": "zh_CN"})
        cls.resident = cls.env["res.partner"].create(
            {"name": "Resident Li", "mobile": "+8613711112222"}
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _register(self, **kwargs):
        """The front desk registers a visit over JSON-RPC (the host is asked)."""
        self.rpc_as(self.frontdesk)
        return self.env["property.visit"].browse(
            self.rpc("property.visit", "create", [self._visit_vals(**kwargs)])[0]
        )

    def _sms(self, record, number):
        return (
            self.env["sms.sms"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", record._name),
                    ("mail_message_id.res_id", "=", record.id),
                    ("number", "=", number),
                ],
                order="id",
            )
        )

    def _link_path(self, sms):
        match = LINK.search(sms.body)
        self.assertTrue(match, f"no link in {sms.body!r}")
        return f"/p/{match.group(1)}"

    def _open(self, path):
        """GET the page as an anonymous visitor of the link."""
        self.authenticate(None, None)
        return self.url_open(path)

    def _answer(self, path, answer, reason=""):
        page = self._open(path)
        csrf = CSRF.search(page.text)
        self.assertTrue(csrf, "the page has no form")
        return self.url_open(
            path,
            data={"csrf_token": csrf.group(1), "answer": answer, "reason": reason},
        )

    def _contact(self):
        """The desk records how it reached the host (V02)."""
        self.rpc_as(self.frontdesk)
        return self._contact_vals()

    # ------------------------------------------------------------------
    # Owned answer: no client writes it
    # ------------------------------------------------------------------
    @freeze_time(NOW)
    def test_v02_host_answer_refused_to_every_client(self):
        visit = self._register()
        # the front desk cannot create a visit with an answer, nor write one
        self.assertRpcRefused(
            "property.visit",
            "create",
            [self._visit_vals(visitor_name="Forged", host_answer="let_in")],
        )
        self.assertFalse(
            self.env["property.visit"].search([("visitor_name", "=", "Forged")])
        )
        for vals in (
            {"host_answer": "let_in"},
            {"host_answer_time": NOW},
            {"host_answer_note": "forged"},
        ):
            self.assertRpcRefused("property.visit", "write", [visit.id], vals)
        # neither can a guard, nor through a context default
        self.rpc_as(self.guard)
        self.assertRpcRefused(
            "property.visit", "write", [visit.id], {"host_answer": "refused"}
        )
        self.assertRpcRefused(
            "property.visit", "write", [visit.id], {"host_override_reason": "x"}
        )
        # nor through the link page's server method
        with self.assertRaises(RpcError) as caught:
            self.rpc("property.visit", "_host_answer", [visit.id], "let_in")
        self.assertEqual(caught.exception.name, "odoo.exceptions.AccessError")
        self.rpc_as(self.frontdesk)
        forged_id = self.rpc(
            "property.visit",
            "create",
            [self._visit_vals(visitor_name="Forged Default")],
            context={"default_host_answer": "let_in"},
        )[0]
        visit.invalidate_recordset()
        self.assertEqual(visit.host_answer, "none")
        self.assertFalse(visit.host_answer_time or visit.host_answer_note)
        self.assertEqual(
            self.env["property.visit"].browse(forged_id).host_answer, "none"
        )

    # ------------------------------------------------------------------
    # The host's SMS and page
    # ------------------------------------------------------------------
    @freeze_time(NOW)
    def test_v02_registration_sends_the_host_an_sms_with_the_link(self):
        visit = self._register()
        sms = self._sms(visit, HOST_MOBILE)
        self.assertEqual(len(sms), 1)
        self.assertEqual(sms.partner_id, self.tenant)
        self.assertEqual(sms.state, "outgoing")
        self.assertIn("Wang Wei", sms.body)
        # logged in the visit's chatter, as every SMS of Odoo
        self.assertEqual(sms.mail_message_id.message_type, "sms")
        if "property_urgent" in sms._fields:  # the China provider's addon reads them
            # asked at the gate: urgent (sent in the night hours too), its template
            # known (the provider sends the template registered for it)
            self.assertTrue(sms.property_urgent)
            self.assertEqual(
                sms.property_template_id,
                self.env.ref("property_visitor.sms_template_visit_host_registered"),
            )
        # the link opens this visit for the host, and only for that purpose
        token = self._link_path(sms)[3:]
        Link = self.env["property.signed.link.mixin"]
        self.assertEqual(Link._signed_link_resolve(token, "visit_host"), visit)
        self.assertFalse(Link._signed_link_resolve(token, "visit_invitation"))
        self.assertFalse(Link._signed_link_resolve(token, "complaint"))
        # an invitation the host announced (consent given) asks nothing
        agreed = self._register(visitor_name="Announced", **self._contact_vals())
        self.assertFalse(self._sms(agreed, HOST_MOBILE))
        # a host with only a landline receives no SMS (the desk phones them)
        landline = self.env["res.partner"].create(
            {"name": "Landline Host", "phone": "021 6234 5678"}
        )
        visit = self._register(visitor_name="Landline", host_partner_id=landline.id)
        self.assertFalse(
            self.env["sms.sms"]
            .sudo()
            .search([("mail_message_id.res_id", "=", visit.id)])
            .filtered(lambda s: s.mail_message_id.model == "property.visit")
        )

    @freeze_time(NOW)
    def test_v02_host_lets_in_from_the_link_and_the_desk_checks_in(self):
        visit = self._register()
        path = self._link_path(self._sms(visit, HOST_MOBILE))
        page = self._open(path)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Wang Wei", page.text)
        self.assertIn("Delivery", page.text)
        # V09: never the visitor's phone or ID number
        for secret in ("13812345678", "138 1234 5678", "11010519491231002X", "1002X"):
            self.assertNotIn(secret, page.text)
        bus_before = self.env["bus.bus"].sudo().search([], order="id desc", limit=1).id
        self._answer(path, "let_in")
        visit.invalidate_recordset()
        self.assertEqual(visit.host_answer, "let_in")
        self.assertEqual(str(visit.host_answer_time), NOW)
        # the host's consent is the V02 contact, by message
        self.assertEqual(visit.contact_answer, "agreed")
        self.assertEqual(visit.contact_method, "message")
        self.assertEqual(str(visit.contact_time), NOW)
        # posted in the visit's chatter by the host
        self.assertTrue(
            visit.message_ids.filtered(lambda m: m.author_id == self.tenant)
        )
        # the front desk's screens were told at once (the site's desk users only)
        notices = self.env["bus.bus"].sudo().search([("id", ">", bus_before)])
        told = {
            json.loads(n.channel)[2]
            for n in notices
            if json.loads(n.message)["type"] == "property_visit_host_answer"
        }
        self.assertIn(self.frontdesk.partner_id.id, told)
        self.assertNotIn(self.guard.partner_id.id, told)
        payload = next(
            json.loads(n.message)["payload"]
            for n in notices
            if json.loads(n.message)["type"] == "property_visit_host_answer"
        )
        self.assertEqual(
            (payload["visit_id"], payload["host_answer"]), (visit.id, "let_in")
        )
        # the desk reads the answer and lets the visitor in; the host hears it
        self.rpc_as(self.frontdesk)
        [read] = self.rpc(
            "property.visit", "read", [visit.id], ["host_answer", "contact_answer"]
        )
        self.assertEqual(read["host_answer"], "let_in")
        self.rpc("property.visit", "action_check_in", [visit.id])
        self.assertEqual(visit.state, "checked_in")
        self.assertEqual(len(self._sms(visit, HOST_MOBILE)), 2)
        # the link now shows the visit, with no buttons; a second answer is refused
        page = self._open(path)
        self.assertNotIn("o_visit_host_refuse", page.text)

    @freeze_time(NOW)
    def test_v02_refused_by_the_host_no_check_in_without_a_reason(self):
        visit = self._register()
        path = self._link_path(self._sms(visit, HOST_MOBILE))
        self._answer(path, "refused", "Not at home")
        visit.invalidate_recordset()
        self.assertEqual(visit.host_answer, "refused")
        self.assertEqual(visit.host_answer_note, "Not at home")
        self.assertFalse(visit.contact_answer)
        # the desk reached the host by phone, who agreed: still refused without the
        # reason for overriding the answer given by the link
        self.rpc_as(self.frontdesk)
        self.rpc("property.visit", "write", [visit.id], self._contact_vals())
        self.assertRpcRefused("property.visit", "action_check_in", [visit.id])
        visit.invalidate_recordset()
        self.assertEqual(visit.state, "planned")
        self.assertFalse(visit.arrival_time or visit.registrar_id)
        # a guard cannot give the reason; the desk can, then checks in
        self.rpc_as(self.guard)
        self.assertRpcRefused(
            "property.visit",
            "write",
            [visit.id],
            {"host_override_reason": "Guard says so"},
        )
        self.rpc_as(self.frontdesk)
        self.rpc(
            "property.visit",
            "write",
            [visit.id],
            {"host_override_reason": "Host phoned back and agreed"},
        )
        self.rpc("property.visit", "action_check_in", [visit.id])
        visit.invalidate_recordset()
        self.assertEqual(visit.state, "checked_in")
        self.assertEqual(visit.host_answer, "refused")

    @freeze_time(NOW)
    def test_v02_host_page_bad_input_writes_nothing(self):
        visit = self._register()
        path = self._link_path(self._sms(visit, HOST_MOBILE))
        # an answer that is neither, or a reason the input guard refuses: the page
        # says so and nothing is written
        for answer, reason in (("maybe", ""), ("refused", "bad\x00reason")):
            page = self._answer(path, answer, reason)
            self.assertEqual(page.status_code, 200)
            self.assertIn("o_visit_host_error", page.text)
            visit.invalidate_recordset()
            self.assertEqual(visit.host_answer, "none")
            self.assertFalse(visit.host_answer_note or visit.contact_answer)
        # a long reason is cut to its first 500 characters
        self._answer(path, "refused", "x" * 2000)
        visit.invalidate_recordset()
        self.assertEqual(visit.host_answer, "refused")
        self.assertEqual(len(visit.host_answer_note), 500)

    def test_v02_altered_expired_revoked_links_show_nothing(self):
        with freeze_time(NOW):
            visit = self._register()
            path = self._link_path(self._sms(visit, HOST_MOBILE))
            # altered: one character changed, or cut short
            altered = path[:-2] + ("A" if path[-2] != "A" else "B") + path[-1]
            for bad in (altered, path[:-6]):
                page = self._open(bad)
                self.assertEqual(page.status_code, 404)
                self.assertNotIn("Wang Wei", page.text)
                self.assertNotIn('name="csrf_token"', page.text)
            # a POST on an altered link writes nothing
            self.authenticate(None, None)
            self.url_open(path[:-6], data={"answer": "let_in"})
            visit.invalidate_recordset()
            self.assertEqual(visit.host_answer, "none")
        # expired: the company's hours (default 7 days) have passed
        later = datetime.fromisoformat(NOW) + timedelta(hours=169)
        with freeze_time(later):
            page = self._open(path)
            self.assertEqual(page.status_code, 404)
            self.assertNotIn("Wang Wei", page.text)
        # revoked by the supervisor: the links sent stop working
        with freeze_time(NOW):
            self.assertEqual(self._open(path).status_code, 200)
            self.rpc_as(self.supervisor)
            self.rpc("property.visit", "action_revoke_signed_links", [visit.id])
            page = self._open(path)
            self.assertEqual(page.status_code, 404)
            self.assertNotIn("Wang Wei", page.text)
            visit.invalidate_recordset()
            self.assertEqual(visit.host_answer, "none")

    # ------------------------------------------------------------------
    # V11: the parcel waiting; the invitation by SMS
    # ------------------------------------------------------------------
    @freeze_time(NOW)
    def test_v11_parcel_sms_with_pickup_code_and_place(self):
        self.site.parcel_pickup_place = "Lobby front desk"
        self.rpc_as(self.frontdesk)
        # the code is the action's: a client cannot choose it
        self.assertRpcRefused(
            "property.parcel",
            "create",
            [
                {
                    "site_id": self.site.id,
                    "recipient_partner_id": self.resident.id,
                    "recipient_name": "Resident Li",
                    "pickup_code": "000000",
                }
            ],
        )
        self.assertFalse(
            self.env["property.parcel"].search(
                [("recipient_partner_id", "=", self.resident.id)]
            )
        )
        parcel_id = self.rpc(
            "property.parcel",
            "create",
            [
                {
                    "site_id": self.site.id,
                    "recipient_partner_id": self.resident.id,
                    "recipient_name": "Resident Li",
                }
            ],
        )[0]
        parcel = self.env["property.parcel"].browse(parcel_id)
        self.assertRegex(parcel.pickup_code, r"^\d{6}$")
        self.assertEqual(parcel.pickup_place, "Lobby front desk")
        sms = self._sms(parcel, "+8613711112222")
        self.assertEqual(len(sms), 1)
        self.assertIn(parcel.pickup_code, sms.body)
        self.assertIn("Lobby front desk", sms.body)
        self.assertIn(parcel.name, sms.body)
        self.assertRpcRefused(
            "property.parcel", "write", [parcel_id], {"pickup_code": "123456"}
        )

    @freeze_time(NOW)
    def test_v02_invitation_sms_with_the_visit_page(self):
        visit = self._register(appointment=True, **self._contact_vals())
        # the guard does not send invitations
        self.rpc_as(self.guard)
        self.assertRpcRefused(
            "property.visit", "action_send_invitation_sms", [visit.id]
        )
        self.assertFalse(self._sms(visit, "+8613812345678"))
        self.rpc_as(self.frontdesk)
        self.rpc("property.visit", "action_send_invitation_sms", [visit.id])
        sms = self._sms(visit, "+8613812345678")
        self.assertEqual(len(sms), 1)
        path = self._link_path(sms)
        Link = self.env["property.signed.link.mixin"]
        self.assertEqual(Link._signed_link_resolve(path[3:], "visit_invitation"), visit)
        # V09: the visitor's number kept on the SMS's notification is read only by
        # the privileged roles
        domain = [("notification_type", "=", "sms"), ("sms_number", "!=", False)]
        for user in (self.guard, self.frontdesk):
            self.rpc_as(user)
            found = self.rpc("mail.notification", "search_read", domain, ["sms_number"])
            self.assertNotIn("+8613812345678", str(found))
        self.rpc_as(self.supervisor)
        found = self.rpc("mail.notification", "search_read", domain, ["sms_number"])
        self.assertIn("+8613812345678", str(found))
        page = self._open(path)
        self.assertEqual(page.status_code, 200)
        self.assertIn(visit.name, page.text)
        self.assertNotIn("11010519491231002X", page.text)
        # the invitation's link is not the host's: no answer from it
        self.assertNotIn("o_visit_host_refuse", page.text)
