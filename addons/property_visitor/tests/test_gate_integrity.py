"""The gate trusts only what it should: codes of the guard's own sites, within their
validity; passes with a bounded validity and a frozen holder; the guard's count of the
goods through its own action. Every case acts as the user over JSON-RPC, the refused
case first."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import VisitorCase


@tagged("post_install", "-at_install")
class TestGateIntegrity(RpcMixin, HttpCase, VisitorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor")
        # a second site of the same company, with its own guard
        cls.site_b = cls.env["property.site"].create(
            {"name": "Test Site B", "code": "TB", "calendar_id": cls.calendar.id}
        )
        cls.guard_b = cls._create_user("t_guard_b", cls.group_guard)
        cls.frontdesk_b = cls._create_user("t_frontdesk_b", cls.group_frontdesk)
        cls.site_b.user_ids = [Command.set((cls.guard_b | cls.frontdesk_b).ids)]
        cls.card_b = cls._active_pass(cls.site_b, cls.frontdesk_b, "Holder of Site B")

    @classmethod
    def _active_pass(cls, site, issuer, holder, **vals):
        card = (
            cls.env["property.pass"]
            .with_user(issuer)
            .create(dict({"site_id": site.id, "holder_name": holder}, **vals))
        )
        card.action_activate()
        return card

    def _goods_pass(self, site=None, user=None, **vals):
        values = {
            "site_id": (site or self.site).id,
            "direction": "in",
            "tenant_partner_id": self.tenant.id,
            "carrier_name": "Zhao Liu",
            "planned_date": fields.Datetime.now(),
            "line_ids": [
                Command.create({"name": "Laptop", "quantity": 2, "uom_name": "台"}),
                Command.create({"name": "Files box", "quantity": 3}),
            ],
        }
        values.update(vals)
        goods = (
            self.env["property.goods.pass"]
            .with_user(user or self.frontdesk)
            .create(values)
        )
        goods.action_confirm()
        return goods

    def _scan(self, token):
        """The gate screen as the logged-in user: type the code, press Verify."""
        wizard_id = self.rpc("property.gate.verify", "create", {"token": token})
        self.rpc("property.gate.verify", "action_verify", [wizard_id])
        fnames = [
            "result",
            "holder_name",
            "reference",
            "validity",
            "items",
            "goods_pass_id",
        ]
        return self.rpc("property.gate.verify", "read", [wizard_id], fnames)[0]

    def assertNothingRevealed(self, answer):
        for fname in ("holder_name", "reference", "validity", "items", "goods_pass_id"):
            self.assertFalse(answer[fname], f"{fname} revealed: {answer[fname]}")

    # ------------------------------------------------------------------
    # Finding 1: a code is verified at the gates of its own site only
    # ------------------------------------------------------------------
    def test_v04_other_site_pass_is_not_valid_here_and_reveals_nothing(self):
        self.rpc_as(self.guard)
        answer = self._scan(self.card_b.sudo().gate_token)
        self.assertEqual(answer["result"], "other_site")
        self.assertNothingRevealed(answer)
        labels = dict(
            self.rpc("property.gate.verify", "fields_get", ["result"])["result"][
                "selection"
            ]
        )
        self.assertEqual(labels["other_site"], "非本管理处")
        # the scan is logged, for the pass's own site, out of the guard's sight
        log = self.env["property.gate.log"].search([("pass_id", "=", self.card_b.id)])
        self.assertEqual(log.result, "other_site")
        self.assertEqual(log.user_id, self.guard)
        self.assertFalse(
            self.rpc(
                "property.gate.log", "search_read", [("pass_id", "=", self.card_b.id)]
            )
        )
        # the site's own guard sees it valid, with its holder
        self.rpc_as(self.guard_b)
        answer = self._scan(self.card_b.sudo().gate_token)
        self.assertEqual(answer["result"], "valid")
        self.assertEqual(answer["holder_name"], "Holder of Site B")

    def test_v05_other_site_goods_pass_is_not_valid_here_and_reveals_nothing(self):
        goods_b = self._goods_pass(site=self.site_b, user=self.frontdesk_b)
        self.rpc_as(self.guard)
        answer = self._scan(goods_b.sudo().gate_token)
        self.assertEqual(answer["result"], "other_site")
        self.assertNothingRevealed(answer)
        # nor can the guard count its goods
        self.assertRpcRefused("property.goods.pass", "action_gate_check", [goods_b.id])
        self.assertEqual(goods_b.state, "confirmed")
        self.rpc_as(self.guard_b)
        answer = self._scan(goods_b.sudo().gate_token)
        self.assertEqual(answer["result"], "valid")
        self.assertIn("Laptop", answer["items"])
        self.assertEqual(answer["goods_pass_id"][0], goods_b.id)

    # ------------------------------------------------------------------
    # Finding 2: valid within the validity window only, its first day included
    # ------------------------------------------------------------------
    def test_v04_pass_before_its_start_or_after_its_end_is_not_valid(self):
        today = self.env["property.pass"]._site_today(self.site)
        later = self._active_pass(
            self.site,
            self.frontdesk,
            "Next Month",
            date_from=today + timedelta(days=30),
        )
        past = self._active_pass(
            self.site,
            self.frontdesk,
            "Last Month",
            date_from=today - timedelta(days=40),
            date_to=today - timedelta(days=20),
        )
        self.rpc_as(self.guard)
        for card, result in ((later, "not_yet_valid"), (past, "expired")):
            with self.subTest(result=result):
                answer = self._scan(card.gate_token)
                self.assertEqual(answer["result"], result)
                self.assertNothingRevealed(answer)
        labels = dict(
            self.rpc("property.gate.verify", "fields_get", ["result"])["result"][
                "selection"
            ]
        )
        self.assertEqual(labels["not_yet_valid"], "尚未生效")
        # its first day is valid
        first_day = self._active_pass(self.site, self.frontdesk, "From Today")
        self.assertEqual(
            first_day.date_from, self.env["property.pass"]._site_today(self.site)
        )
        answer = self._scan(first_day.gate_token)
        self.assertEqual(answer["result"], "valid")
        self.assertEqual(answer["holder_name"], "From Today")

    def test_v05_goods_pass_before_its_carrying_day_is_not_valid(self):
        goods = self._goods_pass(
            planned_date=fields.Datetime.now() + timedelta(days=30)
        )
        self.rpc_as(self.guard)
        answer = self._scan(goods.gate_token)
        self.assertEqual(answer["result"], "not_yet_valid")
        self.assertNothingRevealed(answer)
        self.assertRpcRefused("property.goods.pass", "action_gate_check", [goods.id])
        self.assertEqual(goods.state, "confirmed")

    # ------------------------------------------------------------------
    # Finding 3: a bounded validity on creation, change and extension; never open-ended
    # ------------------------------------------------------------------
    def test_v04_pass_validity_is_bounded_on_create_write_and_extension(self):
        Pass = self.env["property.pass"]
        count = Pass.search_count([])
        today = Pass._site_today(self.site)
        self.rpc_as(self.frontdesk)
        vals = {
            "site_id": self.site.id,
            "holder_name": "Ten Years",
            "date_from": str(today),
        }
        self.assertRpcRefused(
            "property.pass",
            "create",
            dict(vals, date_to=str(today + timedelta(days=3650))),
        )
        self.assertEqual(Pass.search_count([]), count, "nothing created")
        # no end date given: the type's validity (the setting, 30 days)
        card_id = self.rpc("property.pass", "create", dict(vals, date_to=False))
        card = Pass.browse(card_id)
        self.assertEqual(card.date_to, today + timedelta(days=30))
        self.assertRpcRefused("property.pass", "write", [card_id], {"date_to": False})
        self.assertRpcRefused(
            "property.pass", "write", [card_id], {"date_to": "2199-12-31"}
        )
        self.assertEqual(card.date_to, today + timedelta(days=30))
        # the limit is the setting
        self.site.company_id.property_visitor_temp_pass_validity_days = 90
        self.rpc(
            "property.pass",
            "write",
            [card_id],
            {"date_to": str(today + timedelta(days=90))},
        )
        self.rpc("property.pass", "action_activate", [card_id])
        # issued: extended only by its button, and no further than the validity allows
        self.assertRpcRefused(
            "property.pass", "write", [card_id], {"date_to": "2199-12-31"}
        )
        self.assertRpcRefused("property.pass", "action_extend", [card_id])
        self.assertEqual(card.date_to, today + timedelta(days=90))
        self.assertEqual(card.extension_count, 0)
        # the expiry cron handles every active pass
        self.assertFalse(
            Pass.sudo().search([("state", "=", "active"), ("date_to", "=", False)])
        )

    # ------------------------------------------------------------------
    # Finding 4: an issued pass's holder is frozen
    # ------------------------------------------------------------------
    def test_v04_issued_pass_holder_is_frozen(self):
        card = self._active_pass(self.site, self.frontdesk, "Li Gong")
        self.rpc_as(self.frontdesk)
        for vals in (
            {"holder_name": "Someone Else"},
            {"holder_category": "temporary_staff"},
            {"phone_masked": "13900000000"},
            {"site_id": self.site_b.id},
            {"date_from": "2020-01-01"},
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefused("property.pass", "write", [card.id], vals)
        self.assertEqual(card.holder_name, "Li Gong")
        self.assertEqual(card.holder_category, "contractor")
        self.assertEqual(card.site_id, self.site)
        # a note is not the holder
        self.rpc("property.pass", "write", [card.id], {"note": "Works on floor 3"})

    def test_v02_only_the_front_desk_records_the_host_answer(self):
        visit = (
            self.env["property.visit"]
            .with_user(self.frontdesk)
            .create(self._visit_vals())
        )
        self.rpc_as(self.guard)
        self.assertRpcRefused(
            "property.visit", "write", [visit.id], self._contact_vals()
        )
        self.assertFalse(visit.contact_answer, "nothing written")
        self.rpc_as(self.frontdesk)
        self.rpc("property.visit", "write", [visit.id], self._contact_vals())
        self.assertEqual(visit.contact_answer, "agreed")

    # ------------------------------------------------------------------
    # Finding 5: the guard counts the goods through the check at the gate
    # ------------------------------------------------------------------
    def test_v05_guard_counts_goods_through_the_gate_check_only(self):
        goods = self._goods_pass()
        laptop, box = goods.line_ids
        self.rpc_as(self.guard)
        # the form's save of the items, a direct write of a line: refused, nothing
        # written
        self.assertRpcRefused(
            "property.goods.pass",
            "web_save",
            [goods.id],
            {"line_ids": [Command.update(laptop.id, {"quantity_seen": 2})]},
            specification={},
        )
        for vals in ({"quantity_seen": 2}, {"line_state": "ok"}, {"quantity": 5}):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    "property.goods.pass.line", "write", [laptop.id], vals
                )
        self.assertRpcRefused(
            "property.goods.pass", "write", [goods.id], {"carrier_name": "Someone Else"}
        )
        self.assertEqual((laptop.quantity_seen, laptop.line_state), (0, "pending"))
        self.assertEqual((laptop.quantity, goods.carrier_name), (2, "Zhao Liu"))
        # the check at the gate, as the browser does it: its defaults, the counts,
        # confirm
        action = self.rpc("property.goods.pass", "action_gate_check", [goods.id])
        self.assertEqual(action["res_model"], "property.goods.check")
        context = action["context"]
        vals = self.rpc(
            "property.goods.check",
            "default_get",
            ["goods_pass_id", "line_ids"],
            context=context,
        )
        lines = [command[2] for command in vals["line_ids"]]
        self.assertEqual([line["pass_line_id"] for line in lines], [laptop.id, box.id])
        counted = {laptop.id: 2, box.id: 3}
        for line in lines:
            line["quantity_seen"] = counted[line["pass_line_id"]]
        check_id = self.rpc("property.goods.check", "create", vals, context=context)
        self.rpc("property.goods.check", "action_confirm", [check_id], context=context)
        self.assertEqual(goods.state, "done")
        self.assertEqual(goods.gate_user_id, self.guard)
        self.assertEqual(goods.line_ids.mapped("quantity_seen"), [2, 3])
        self.assertEqual(set(goods.line_ids.mapped("line_state")), {"ok"})
        log = self.env["property.gate.log"].search([("goods_pass_id", "=", goods.id)])
        self.assertIn("valid", log.mapped("result"))
        # the counts are recorded once: the pass has passed the gate
        self.assertRpcRefused("property.goods.pass", "action_gate_check", [goods.id])

    def test_v05_gate_check_counts_only_the_items_of_its_pass(self):
        goods = self._goods_pass()
        other = self._goods_pass(carrier_name="Qian Qi")
        self.rpc_as(self.guard)
        check_id = self.rpc(
            "property.goods.check",
            "create",
            {
                "goods_pass_id": goods.id,
                "line_ids": [
                    Command.create({"pass_line_id": line.id, "quantity_seen": 1})
                    for line in other.line_ids
                ],
            },
        )
        self.assertRpcRefused("property.goods.check", "action_confirm", [check_id])
        self.assertEqual((goods.state, other.state), ("confirmed", "confirmed"))
        self.assertEqual(set((goods | other).line_ids.mapped("quantity_seen")), {0})
        self.assertRpcRefused(
            "property.goods.check",
            "create",
            {
                "goods_pass_id": goods.id,
                "line_ids": [
                    Command.create(
                        {"pass_line_id": goods.line_ids[0].id, "quantity_seen": -1}
                    )
                ],
            },
        )

    def test_v05_counted_mismatch_sends_the_pass_back(self):
        goods = self._goods_pass()
        self.rpc_as(self.guard)
        action = self.rpc("property.goods.pass", "action_gate_check", [goods.id])
        context = action["context"]
        vals = self.rpc(
            "property.goods.check",
            "default_get",
            ["goods_pass_id", "line_ids"],
            context=context,
        )
        for command, quantity in zip(vals["line_ids"], (2, 4), strict=True):
            command[2]["quantity_seen"] = quantity
        check_id = self.rpc("property.goods.check", "create", vals, context=context)
        self.rpc("property.goods.check", "action_confirm", [check_id], context=context)
        self.assertEqual(goods.state, "sent_back")
        self.assertEqual(goods.line_ids.mapped("line_state"), ["ok", "mismatch"])
