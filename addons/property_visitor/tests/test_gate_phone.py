"""The gate on a phone: the printed pass number typed by hand gives the same verdict as
the code; the screen's title and every time on it are the guard's (the pass number,
the site's time zone, to the minute). Every case acts as the user over JSON-RPC, the
refused case first."""

import re

from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import VisitorCase

NOW = "2026-11-26 02:00:00"  # 10:00 in Shanghai


@tagged("post_install", "-at_install")
class TestGatePhone(RpcMixin, HttpCase, VisitorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor")
        cls.site_b = cls.env["property.site"].create(
            {"name": "Test Site B", "code": "TB", "calendar_id": cls.calendar.id}
        )
        cls.frontdesk_b = cls._create_user("t_frontdesk_b", cls.group_frontdesk)
        cls.site_b.user_ids = [Command.set(cls.frontdesk_b.ids)]
        cls.company.property_visitor_goods_pass_validity_days = 0
        with freeze_time(NOW):
            cls.card = cls._active_pass(
                cls.site, cls.frontdesk, "Li Gong", "2026-11-20"
            )
            cls.old_card = cls._active_pass(
                cls.site, cls.frontdesk, "Old Holder", "2026-10-25", "2026-11-20"
            )
            cls.card_b = cls._active_pass(
                cls.site_b, cls.frontdesk_b, "Holder B", "2026-11-20"
            )
            cls.goods = cls._goods_pass("Zhao Liu")
            cls.used_goods = cls._goods_pass("Qian Qi")
            cls.used_goods.with_user(cls.guard)._gate_check_counts(
                {line.id: line.quantity for line in cls.used_goods.line_ids}
            )

    @classmethod
    def _active_pass(cls, site, issuer, holder, date_from, date_to="2026-11-30"):
        card = (
            cls.env["property.pass"]
            .with_user(issuer)
            .create(
                {
                    "site_id": site.id,
                    "holder_name": holder,
                    "date_from": date_from,
                    "date_to": date_to,
                }
            )
        )
        card.action_activate()
        return card

    @classmethod
    def _goods_pass(cls, carrier):
        goods = (
            cls.env["property.goods.pass"]
            .with_user(cls.frontdesk)
            .create(
                {
                    "site_id": cls.site.id,
                    "direction": "in",
                    "tenant_partner_id": cls.tenant.id,
                    "carrier_name": carrier,
                    "planned_date": NOW,
                    "line_ids": [Command.create({"name": "Laptop", "quantity": 2})],
                }
            )
        )
        goods.action_confirm()
        return goods

    FNAMES = [
        "result",
        "result_note",
        "number",
        "display_name",
        "holder_name",
        "reference",
        "validity",
        "items",
        "goods_pass_id",
    ]

    def _scan(self, typed):
        """The gate screen as the logged-in user: type, press Verify, read the
        screen."""
        wizard_id = self.rpc("property.gate.verify", "create", {"token": typed})
        self.rpc("property.gate.verify", "action_verify", [wizard_id])
        return self.rpc("property.gate.verify", "read", [wizard_id], self.FNAMES)[0]

    def _gate_logs(self):
        return self.env["property.gate.log"].search_count([])

    def _title_gate_check(self):
        return (
            self.env["property.gate.verify"]
            .with_context(lang=self.rpc_lang)
            .new({})
            .name
        )

    # ------------------------------------------------------------------
    # 1. The printed pass number finds the pass of the guard's site
    # ------------------------------------------------------------------
    @freeze_time(NOW)
    def test_v04_number_refused_to_staff_who_do_not_guard_nothing_written(self):
        logs = self._gate_logs()
        self.rpc_as(self._create_user("t_other_staff", self.group_user))
        self.assertRpcRefused(
            "property.gate.verify", "create", {"token": self.card.name}
        )
        self.assertEqual(self._gate_logs(), logs, "nothing logged")

    @freeze_time(NOW)
    def test_v04_unknown_number_says_so_in_words_and_reveals_nothing(self):
        self.rpc_as(self.guard)
        answer = self._scan("TX99-99999")
        self.assertEqual(answer["result"], "invalid")
        self.assertIn("TX99-99999", answer["result_note"])
        for fname in ("number", "holder_name", "reference", "validity", "items"):
            self.assertFalse(answer[fname], f"{fname} revealed: {answer[fname]}")
        self.assertEqual(answer["display_name"], self._title_gate_check())

    @freeze_time(NOW)
    def test_v04_printed_number_any_case_with_or_without_dash_as_the_code(self):
        self.rpc_as(self.guard)
        number = self.card.name
        self.assertRegex(number, r"^TX26-\d{5}$")
        by_code = self._scan(self.card.sudo().gate_token)
        self.assertEqual(by_code["result"], "valid")
        for typed in (
            number,
            number.lower(),
            number.replace("-", ""),
            f" {number.lower()} ",
        ):
            answer = self._scan(typed)
            self.assertEqual(answer["result"], "valid", typed)
            self.assertEqual(answer["holder_name"], "Li Gong")
            self.assertFalse(answer["result_note"])
            self.assertEqual(answer["number"], number)
            self.assertEqual(
                answer["display_name"], number, "the title is the pass's number"
            )
        log = self.env["property.gate.log"].search(
            [("pass_id", "=", self.card.id)], limit=1
        )
        self.assertEqual(log.result, "valid")
        self.assertEqual(log.user_id, self.guard)

    @freeze_time(NOW)
    def test_v04_number_of_expired_other_site_and_used_passes(self):
        self.rpc_as(self.guard)
        cases = (
            (self.old_card, "expired"),
            (self.card_b, "other_site"),
            (self.used_goods, "used"),
        )
        for record, verdict in cases:
            by_code = self._scan(record.sudo().gate_token)
            by_number = self._scan(record.name.replace("-", "").lower())
            self.assertEqual(by_code["result"], verdict, record.name)
            self.assertEqual(by_number["result"], verdict, record.name)
        # another site's pass: nothing of it shown, not even its number in the title
        answer = self._scan(self.card_b.name)
        for fname in ("number", "holder_name", "reference", "validity", "items"):
            self.assertFalse(answer[fname], f"{fname} revealed: {answer[fname]}")
        self.assertEqual(answer["display_name"], self._title_gate_check())

    # ------------------------------------------------------------------
    # 2. The title and the times of the screen
    # ------------------------------------------------------------------
    @freeze_time(NOW)
    def test_v05_goods_pass_validity_in_site_time_to_the_minute(self):
        self.rpc_as(self.guard)
        answer = self._scan(self.goods.name.lower())
        self.assertEqual(answer["result"], "valid")
        self.assertEqual(answer["holder_name"], "Zhao Liu")
        self.assertIn("Laptop", answer["items"])
        self.assertEqual(answer["display_name"], self.goods.name)
        # valid until 23:59:59 on the carrying day, Shanghai time (15:59:59 UTC)
        self.assertEqual(str(self.goods.valid_until), "2026-11-26 15:59:59")
        self.assertEqual(answer["validity"], "2026年11月26日 23:59")  # one date style
        self.assertNotRegex(answer["validity"], r"\d:\d\d:\d\d", "no seconds")
        # the next pass: the title is the screen's again
        wizard_id = self.rpc(
            "property.gate.verify", "create", {"token": self.goods.name}
        )
        self.rpc("property.gate.verify", "action_verify", [wizard_id])
        self.rpc("property.gate.verify", "action_clear", [wizard_id])
        title = self.rpc("property.gate.verify", "read", [wizard_id], ["display_name"])[
            0
        ]
        self.assertEqual(title["display_name"], self._title_gate_check())
        self.assertFalse(re.search(r"property\.gate\.verify", title["display_name"]))
