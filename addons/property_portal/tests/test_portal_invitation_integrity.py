"""An invitation is bounded and frozen: at most the configured window (7 days), its
visitor, window and the host's consent changed by nobody's write, its code valid only
at its own site's gates and within its window. As the resident (the portal form over
HTTP and JSON-RPC), the guard and the front desk (JSON-RPC), the refused case first."""

import base64
import html
import re
from datetime import datetime, timedelta

import pytz
from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import CJK, RpcMixin

from .common import PNG, PortalCase

ERROR = re.compile(r"o_property_portal_error[^>]*>(.*?)</div>", re.S)
SHANGHAI = pytz.timezone("Asia/Shanghai")


@tagged("post_install", "-at_install")
class TestPortalInvitationIntegrity(RpcMixin, HttpCase, PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor", "property_portal")
        cls.resident_a.lang = "zh_CN"
        # a second site where resident A also owns a flat, with its own guard
        cls.site_b = cls.env["property.site"].create(
            {"name": "Test Site B", "code": "TB", "calendar_id": cls.calendar.id}
        )
        building_b = cls.env["property.building"].create(
            {"name": "Building B", "code": "B1", "site_id": cls.site_b.id}
        )
        cls.unit_c = cls.env["property.unit"].create(
            {
                "building_id": building_b.id,
                "floor": 3,
                "number": "301",
                "owner_id": cls.resident_a.id,
            }
        )
        cls.guard_b = cls._create_user("t_guard_b", cls.group_guard)
        cls.site_b.user_ids = [Command.set(cls.guard_b.ids)]
        # the front desk checks visitors in at any hour: no night-duty window here
        cls.env["res.company"].search([]).write(
            {
                "property_visitor_night_start_hour": 0,
                "property_visitor_night_end_hour": 0,
            }
        )

    def _invite(self, start, end, unit=None, **values):
        vals = {
            "unit_id": (unit or self.unit_a).id,
            "visitor_name": "Wang Wei",
            "phone": "13812345678",
            "planned_time": start,
            "planned_end": end,
            "purpose": "Family visit",
        }
        vals.update(values)
        return (
            self.env["property.visit"]
            .with_user(self.portal_a)
            ._portal_invite(vals)
            .sudo()
        )

    def _now_invitation(self, **values):
        now = fields.Datetime.now()
        return self._invite(
            now - timedelta(hours=1), now + timedelta(hours=2), **values
        )

    def _scan(self, token):
        wizard_id = self.rpc("property.gate.verify", "create", {"token": token})
        self.rpc("property.gate.verify", "action_verify", [wizard_id])
        fnames = ["result", "holder_name", "reference", "validity", "items", "visit_id"]
        return self.rpc("property.gate.verify", "read", [wizard_id], fnames)[0]

    def assertNothingRevealed(self, answer):
        for fname in ("holder_name", "reference", "validity", "items", "visit_id"):
            self.assertFalse(answer[fname], f"{fname} revealed: {answer[fname]}")

    # ------------------------------------------------------------------
    # The resident: at most the configured window, on every path
    # ------------------------------------------------------------------
    def _csrf(self):
        page = self.url_open("/my/home").text
        marker = 'csrf_token: "'
        start = page.index(marker) + len(marker)
        return page[start : page.index('"', start)]

    def _post_invitation(self, days):
        start = datetime.now(SHANGHAI).replace(tzinfo=None) + timedelta(days=1)
        start = start.replace(hour=10, minute=0, second=0, microsecond=0)
        data = {
            "unit_id": str(self.unit_a.id),
            "visitor_name": "Ten Years",
            "phone": "13812345678",
            "planned_time": start.strftime("%Y-%m-%dT%H:%M"),
            "planned_end": (start + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M"),
            "purpose": "Family visit",
            "csrf_token": self._csrf(),
        }
        return self.url_open("/my/visits/new", data=data, allow_redirects=False)

    def test_v02_ten_year_invitation_refused_in_the_portal_form(self):
        Visit = self.env["property.visit"].sudo()
        self.authenticate("t_resident_a", "t_resident_a")
        response = self._post_invitation(days=3650)
        self.assertEqual(response.status_code, 200)
        found = ERROR.search(response.text)
        self.assertTrue(found, "the form shows why")
        message = html.unescape(found.group(1)).strip()
        self.assertRegex(message, CJK, f"not in Chinese: {message}")
        self.assertIn("7", message)
        self.assertFalse(
            Visit.search([("visitor_name", "=", "Ten Years")]), "nothing created"
        )
        # a week is accepted
        response = self._post_invitation(days=7)
        self.assertEqual(response.status_code, 303)
        visit = Visit.search([("visitor_name", "=", "Ten Years")])
        self.assertEqual(visit.planned_end - visit.planned_time, timedelta(days=7))

    def test_v02_the_window_is_a_setting(self):
        now = fields.Datetime.now()
        with self.assertRaisesRegex(ValidationError, "at most 7 days"):
            self._invite(now, now + timedelta(days=8))
        self.env["res.company"].search([]).write(
            {"property_visitor_invitation_max_days": 14}
        )
        visit = self._invite(now + timedelta(hours=1), now + timedelta(days=8))
        self.assertEqual(visit.state, "planned")

    def test_v02_resident_cannot_create_or_change_a_visit_over_rpc(self):
        visit = self._now_invitation()
        Visit = self.env["property.visit"].sudo()
        count = Visit.search_count([])
        end = visit.planned_end
        self.rpc_as(self.portal_a)
        self.assertRpcRefused(
            "property.visit",
            "create",
            {
                "site_id": self.site.id,
                "visitor_name": "Ten Years",
                "purpose": "Visit",
                "host_unit_id": self.unit_a.id,
                "planned_time": "2026-01-01 00:00:00",
                "planned_end": "2036-01-01 00:00:00",
            },
        )
        self.assertRpcRefused(
            "property.visit", "write", [visit.id], {"planned_end": "2199-12-31"}
        )
        self.assertEqual(Visit.search_count([]), count, "nothing created")
        self.assertEqual(visit.planned_end, end, "nothing changed")

    # ------------------------------------------------------------------
    # The guard and the front desk: an invitation is frozen
    # ------------------------------------------------------------------
    def test_v02_host_cannot_change_the_locked_fields_of_the_invitation(self):
        """The invitation's fields are a lock of property.integrity.mixin on some
        fields only: refused to the host over RPC, field by field, with the
        invitation's own message; its other fields and its files stay free."""
        visit = self._now_invitation()
        locked = {
            "visitor_name": "Someone Else",
            "planned_time": "2199-01-01 00:00:00",
            "planned_end": "2199-12-31 00:00:00",
            "vehicle_plate": "沪A12345",
            "appointment": False,
            "host_unit_id": self.unit_b.id,
            "host_person": "Somebody",
            "contact_answer": "declined",
            "phone_masked": "13900000000",
            "site_id": self.site_b.id,
        }
        fnames = [*locked, "phone", "state"]
        before = visit.read(fnames)[0]
        self.rpc_as(self.portal_a)
        for fname, value in locked.items():
            with self.subTest(field=fname):
                error = self.assertRpcRefused(
                    "property.visit", "write", [visit.id], {fname: value}
                )
                self.assertIn("预约邀请", error.message)
        self.assertEqual(visit.read(fnames)[0], before, "nothing changed")
        # the lock does not reach the invitation's other fields nor its files: the
        # front desk keeps its note and adds a photo
        self.rpc_as(self.frontdesk)
        self.rpc("property.visit", "write", [visit.id], {"note": "Arrives by taxi."})
        attachment_id = self.rpc(
            "ir.attachment",
            "create",
            {
                "name": "visitor.png",
                "datas": base64.b64encode(PNG).decode(),
                "res_model": "property.visit",
                "res_id": visit.id,
            },
        )
        self.assertEqual(visit.note, "Arrives by taxi.")
        self.assertTrue(attachment_id)
        # nor an ordinary visit registered at the desk
        walk_in_id = self.rpc(
            "property.visit",
            "create",
            {
                "site_id": self.site.id,
                "visitor_name": "Li Lei",
                "purpose": "Delivery",
                "host_unit_id": self.unit_a.id,
            },
        )
        self.rpc(
            "property.visit", "write", [walk_in_id], {"visitor_name": "Li Lei Jr."}
        )
        walk_in = self.env["property.visit"].sudo().browse(walk_in_id)
        self.assertEqual(walk_in.visitor_name, "Li Lei Jr.")

    def test_v02_guard_cannot_extend_or_rewrite_an_invitation(self):
        visit = self._now_invitation()
        before = visit.read(
            [
                "visitor_name",
                "planned_time",
                "planned_end",
                "contact_answer",
                "contact_person",
            ]
        )[0]
        for user in (self.guard, self.frontdesk):
            self.rpc_as(user)
            for vals in (
                {"planned_end": "2199-12-31 00:00:00"},
                {"visitor_name": "Someone Else"},
                {"phone_masked": "13900000000"},
                {"contact_answer": "declined"},
                {"contact_person": "Somebody", "contact_time": "2025-01-01 00:00:00"},
                {"host_unit_id": self.unit_b.id},
            ):
                with self.subTest(user=user.login, vals=vals):
                    self.assertRpcRefused("property.visit", "write", [visit.id], vals)
        # nor through a correction of the registration, meant for after check-in
        self.rpc_as(self.frontdesk)
        correct_id = self.rpc(
            "property.visit.correct",
            "create",
            {"visit_id": visit.id, "reason": "Typo", "visitor_name": "Someone Else"},
        )
        self.assertRpcRefused("property.visit.correct", "action_apply", [correct_id])
        self.assertEqual(visit.read(list(before))[0], before, "nothing changed")
        # the front desk records the visitor's ID document on arrival, once
        self.rpc_as(self.frontdesk)
        self.rpc(
            "property.visit",
            "write",
            [visit.id],
            {"id_number_masked": "11010519491231002X"},
        )
        self.assertRpcRefused(
            "property.visit",
            "write",
            [visit.id],
            {"id_number_masked": "310101199001011234"},
        )
        self.assertEqual(visit.id_number, "11010519491231002X")
        # and checks the visitor in: the consent the host gave in the portal
        self.rpc("property.visit", "action_check_in", [visit.id])
        self.assertEqual(visit.state, "checked_in")

    # ------------------------------------------------------------------
    # The gate: its own site, within the window
    # ------------------------------------------------------------------
    def test_v01_invitation_of_another_site_is_not_valid_here(self):
        visit = self._now_invitation(unit=self.unit_c)
        self.rpc_as(self.guard)
        answer = self._scan(visit.gate_token)
        self.assertEqual(answer["result"], "other_site")
        self.assertNothingRevealed(answer)
        self.rpc_as(self.guard_b)
        answer = self._scan(visit.gate_token)
        self.assertEqual(answer["result"], "valid")
        self.assertEqual(answer["holder_name"], "Wang Wei")

    def test_v01_invitation_is_valid_within_its_window_only(self):
        now = fields.Datetime.now()
        next_month = self._invite(
            now + timedelta(days=30), now + timedelta(days=30, hours=2)
        )
        with freeze_time("2025-03-03 02:00:00"):
            past = self._invite(
                datetime(2025, 3, 3, 6), datetime(2025, 3, 3, 8), visitor_name="Li Lei"
            )
        self.rpc_as(self.guard)
        for visit, result in ((next_month, "not_yet_valid"), (past, "expired")):
            with self.subTest(result=result):
                answer = self._scan(visit.gate_token)
                self.assertEqual(answer["result"], result)
                self.assertNothingRevealed(answer)
        # from its start, included
        current = self._invite(now - timedelta(seconds=1), now + timedelta(hours=2))
        answer = self._scan(current.gate_token)
        self.assertEqual(answer["result"], "valid")
        self.assertEqual(answer["holder_name"], "Wang Wei")
        self.assertEqual(answer["visit_id"][0], current.id)

    def test_v01_visit_number_typed_at_the_gate_as_its_code(self):
        here = self._now_invitation()
        there = self._now_invitation(unit=self.unit_c, visitor_name="Li Lei")
        self.rpc_as(self.guard)
        # another site's visit by its number: only "other_site", nothing of it
        answer = self._scan(there.name.replace("-", "").lower())
        self.assertEqual(answer["result"], "other_site")
        self.assertNothingRevealed(answer)
        # the printed number of a visit of the guard's site, any case, without its dash
        for typed in (here.name, here.name.replace("-", "").lower()):
            answer = self._scan(typed)
            self.assertEqual(answer["result"], "valid", typed)
            self.assertEqual(answer["holder_name"], "Wang Wei")
            self.assertEqual(answer["visit_id"][0], here.id)
            self.assertNotRegex(answer["validity"], r"\d:\d\d:\d\d", "no seconds")
        self.assertEqual(self._scan(here.gate_token)["result"], "valid")
