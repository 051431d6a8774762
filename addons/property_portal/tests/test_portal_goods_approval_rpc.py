"""V05 on the suite's approval mechanism (property.approval.mixin), acting over JSON-RPC
as the front desk, the guard, the tenant's authorised signatory and another tenant
contact: a carry-out waiting for the signatory has the signatory's level then customer
service's stamp; a carry-in (or a carry-out under the seal or a signature on the paper
slip) only the stamp. The refused case first, and that nothing was written. The
18.0.1.1.0 migration asks the levels of the drafts registered before."""

import base64

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.migration import load_migration
from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import PNG, PortalCase


@tagged("post_install", "-at_install")
class TestPortalGoodsApprovalRpc(RpcMixin, HttpCase, PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor", "property_portal")
        cls.rule_signatory = cls.env.ref(
            "property_portal.approval_rule_goods_pass_signatory"
        )
        cls.rule_stamp = cls.env.ref("property_visitor.approval_rule_goods_pass_stamp")

    def _register(self, **values):
        """A goods pass registered by the front desk over RPC (a carry-out waiting for
        the tenant's answer unless told otherwise)."""
        vals = {
            "site_id": self.site.id,
            "direction": "out",
            "tenant_partner_id": self.tenant.id,
            "carrier_name": "Zhao Liu",
            "planned_date": "2025-03-03 02:00:00",
            "line_ids": [
                Command.create({"name": "Laptop", "quantity": 2, "uom_name": "台"})
            ],
            **values,
        }
        self.rpc_as(self.frontdesk)
        return self.env["property.goods.pass"].browse(
            self.rpc("property.goods.pass", "create", vals)
        )

    def _snapshot(self, goods):
        self.env.invalidate_all()
        goods = goods.sudo()
        return (
            goods.state,
            goods.approval_state,
            goods.auth_method,
            goods.signatory_id,
            goods.portal_approval_state,
            goods.cs_confirmed_by_id,
            [
                (r.rule_id, r.state, r.reviewer_id)
                for r in goods._approval_reviews().sorted("id")
            ],
        )

    def test_v05_carry_out_signatory_then_stamp(self):
        goods = self._register()
        before = self._snapshot(goods)
        self.assertEqual(
            before[-1],
            [
                (self.rule_signatory, "pending", self.env["res.users"]),
                (self.rule_stamp, "waiting", self.env["res.users"]),
            ],
        )
        # refused: the desk stamps before the tenant's answer, or answers for it
        self.assertRpcRefused("property.goods.pass", "action_confirm", goods.ids)
        self.assertRpcRefused(
            "property.goods.pass", "action_approval_approve", goods.ids
        )
        self.assertRpcRefused(
            "property.goods.pass", "write", goods.ids, {"approval_state": "approved"}
        )
        # refused: the guard, a contact of the tenant who is no signatory, another
        # tenant's signatory
        self.rpc_as(self.guard)
        self.assertRpcRefused("property.goods.pass", "action_confirm", goods.ids)
        self.assertRpcRefused(
            "property.goods.pass", "action_approval_approve", goods.ids
        )
        for user in (self.portal_clerk, self.portal_signatory2):
            self.rpc_as(user)
            self.assertRpcRefused(
                "property.goods.pass", "action_approval_approve", goods.ids
            )
            self.assertRpcRefused(
                "property.goods.pass", "action_portal_approve", goods.ids
            )
        self.assertEqual(self._snapshot(goods), before, "nothing written")
        # accepted: the signatory answers through the mechanism's action
        self.rpc_as(self.portal_signatory)
        self.rpc("property.goods.pass", "action_approval_approve", goods.ids)
        answered = self._snapshot(goods)
        self.assertEqual(
            answered[:5], ("draft", "pending", "signature", self.signatory, "approved")
        )
        self.assertEqual(
            answered[-1],
            [
                (self.rule_signatory, "approved", self.portal_signatory),
                (self.rule_stamp, "pending", self.env["res.users"]),
            ],
        )
        # refused: the signatory's second answer, the signatory's stamp
        self.assertRpcRefused(
            "property.goods.pass", "action_approval_approve", goods.ids
        )
        self.assertRpcRefused("property.goods.pass", "action_confirm", goods.ids)
        self.assertEqual(self._snapshot(goods), answered, "nothing written")
        # accepted: customer service's stamp confirms the pass
        self.rpc_as(self.frontdesk)
        self.rpc("property.goods.pass", "action_confirm", goods.ids)
        done = self._snapshot(goods)
        self.assertEqual(done[:2], ("confirmed", "approved"))
        self.assertEqual(done[5], self.frontdesk)
        self.assertEqual(
            [(rule, state) for rule, state, _user in done[-1]],
            [(self.rule_signatory, "approved"), (self.rule_stamp, "approved")],
        )
        # the items are frozen with the stamp
        self.assertRpcRefused(
            "property.goods.pass.line",
            "write",
            goods.sudo().line_ids.ids,
            {"quantity": 5},
        )

    def test_v05_signatory_refusal_blocks_the_stamp(self):
        goods = self._register()
        self.rpc_as(self.portal_signatory)
        self.assertRpcRefused(
            "property.goods.pass", "action_portal_refuse", goods.ids, ""
        )
        self.rpc(
            "property.goods.pass",
            "action_approval_refuse",
            goods.ids,
            "Not our laptops",
        )
        refused = self._snapshot(goods)
        self.assertEqual(refused[:2], ("draft", "refused"))
        self.assertEqual(
            [(rule, state) for rule, state, _user in refused[-1]],
            [(self.rule_signatory, "refused"), (self.rule_stamp, "cancelled")],
        )
        self.rpc_as(self.frontdesk)
        # refused: a paper signature does not bring the refused pass back
        self.rpc(
            "property.goods.pass",
            "write",
            goods.ids,
            {"auth_method": "signature", "signatory_id": self.signatory.id},
        )
        self.assertRpcRefused("property.goods.pass", "action_confirm", goods.ids)
        self.assertRpcRefused(
            "property.goods.pass", "action_approval_approve", goods.ids
        )
        self.assertEqual(self._snapshot(goods)[:2], ("draft", "refused"))
        self.assertEqual(self._snapshot(goods)[-1], refused[-1], "nothing decided")
        self.rpc("property.goods.pass", "action_cancel", goods.ids)
        self.assertEqual(self._snapshot(goods)[0], "cancelled")

    def test_v05_carry_in_and_seal_need_only_the_stamp(self):
        goods = self._register(direction="in")
        before = self._snapshot(goods)
        self.assertEqual(
            before[-1], [(self.rule_stamp, "pending", self.env["res.users"])]
        )
        self.rpc_as(self.portal_signatory)
        self.assertRpcRefused(
            "property.goods.pass", "action_approval_approve", goods.ids
        )
        self.rpc_as(self.guard)
        self.assertRpcRefused("property.goods.pass", "action_confirm", goods.ids)
        self.assertEqual(self._snapshot(goods), before, "nothing written")
        self.rpc_as(self.frontdesk)
        self.rpc("property.goods.pass", "action_confirm", goods.ids)
        self.assertEqual(self._snapshot(goods)[:2], ("confirmed", "approved"))
        self.assertEqual(
            self._snapshot(goods)[-1], [(self.rule_stamp, "approved", self.frontdesk)]
        )
        # a carry-out under the seal: the desk records it, the signatory's level goes
        self.tenant.property_seal_image = base64.b64encode(PNG)
        sealed = self._register()
        self.rpc("property.goods.pass", "write", sealed.ids, {"auth_method": "seal"})
        reviews = self._snapshot(sealed)[-1]
        self.assertEqual(
            [(rule, state) for rule, state, _user in reviews],
            [
                (self.rule_signatory, "cancelled"),
                (self.rule_stamp, "cancelled"),
                (self.rule_stamp, "pending"),
            ],
        )
        self.assertRpcRefused(
            "property.goods.pass", "action_confirm", sealed.ids
        )  # unchecked
        self.rpc("property.goods.pass", "write", sealed.ids, {"seal_checked": True})
        self.rpc("property.goods.pass", "action_confirm", sealed.ids)
        self.assertEqual(self._snapshot(sealed)[:2], ("confirmed", "approved"))

    def test_v05_migration_asks_the_levels_of_drafts(self):
        waiting = self._register()
        refused = self._register()
        self.env.flush_all()
        passes = waiting | refused
        self.env.cr.execute(
            "DELETE FROM property_approval_review WHERE res_model = %s AND res_id IN "
            "%s",
            ("property.goods.pass", tuple(passes.ids)),
        )
        self.env.cr.execute(
            "UPDATE property_goods_pass SET approval_state = NULL WHERE id IN %s",
            (tuple(passes.ids),),
        )
        self.env.cr.execute(
            "UPDATE property_goods_pass SET portal_approval_state = 'refused' WHERE "
            "id = %s",
            (refused.id,),
        )
        self.env.invalidate_all()
        migrated = load_migration(
            "property_portal", "18.0.1.1.0"
        ).goods_passes_to_reviews(self.env)
        self.assertEqual(migrated & passes, passes)
        self.assertEqual(
            [(r.rule_id, r.state) for r in waiting.sudo()._approval_reviews()],
            [(self.rule_signatory, "pending"), (self.rule_stamp, "waiting")],
        )
        self.assertEqual(
            waiting.sudo()._approval_reviews().requested_by_id, self.frontdesk
        )
        self.assertEqual(refused.sudo().approval_state, "refused")
        self.assertFalse(refused.sudo()._approval_reviews())
        self.assertFalse(
            load_migration("property_portal", "18.0.1.1.0").goods_passes_to_reviews(
                self.env
            )
            & passes,
            "run once",
        )
        # the migrated pass is answered as any other
        self.rpc_as(self.portal_signatory)
        self.rpc("property.goods.pass", "action_portal_approve", waiting.ids)
        self.assertEqual(self._snapshot(waiting)[4], "approved")
