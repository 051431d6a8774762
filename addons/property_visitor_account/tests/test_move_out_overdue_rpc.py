"""The overdue check of a large carry-out (V07), acting as customer service over
JSON-RPC: with overdue invoices of the unit's household the company's setting blocks
the stamp (nothing written) or lets it through with a warning."""

from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin
from odoo.addons.property_base.tests.settings import SettingsCaseMixin

from .common import VisitorAccountCase


@tagged("post_install", "-at_install")
class TestMoveOutOverdueRpc(SettingsCaseMixin, RpcMixin, HttpCase, VisitorAccountCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang(
            "property_base", "property_visitor", "property_visitor_account"
        )
        Move = cls.env["account.move"].with_company(cls.cn_company)
        product = cls.env.ref("property_visitor_account.product_pass_fee")

        def invoice(partner, date, due, amount):
            move = Move.create(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "invoice_date": date,
                    "invoice_date_due": due,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "name": "Management fee",
                                "quantity": 1,
                                "price_unit": amount,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
            move.action_post()
            return move

        # the owner of the unit owes 880 since January; an invoice not yet due and
        # one of another household are not counted
        cls.overdue = invoice(cls.cn_owner, "2025-01-01", "2025-01-31", 880.0)
        invoice(cls.cn_owner, "2025-03-01", "2025-03-31", 120.0)
        cls.other = cls.env["res.partner"].create({"name": "Other Household"})
        invoice(cls.other, "2025-01-01", "2025-01-31", 999.0)

    def _large_move_out(self):
        slot = self.env["property.move.slot"].create(
            {
                "site_id": self.cn_site.id,
                "start": "2025-03-04 06:00:00",
                "stop": "2025-03-04 08:00:00",
            }
        )
        return (
            self.env["property.goods.pass"]
            .with_user(self.cn_frontdesk)
            .create(
                {
                    "site_id": self.cn_site.id,
                    "direction": "out",
                    "tenant_partner_id": self.cn_tenant.id,
                    "unit_id": self.cn_unit.id,
                    "carrier_name": "Zhao Liu",
                    "planned_date": "2025-03-04 06:00:00",
                    "auth_method": "seal",
                    "seal_checked": True,
                    "large_move": True,
                    "slot_id": slot.id,
                    "line_ids": [
                        Command.create({"name": "Sofa", "quantity": 1}),
                        Command.create({"name": "Boxes", "quantity": 20}),
                    ],
                }
            )
        )

    def test_v07_block_setting_refuses_the_large_move_out(self):
        self.cn_company.property_visitor_overdue_move_out = "block"
        goods = self._large_move_out()
        messages_before = len(goods.message_ids)
        self.rpc_as(self.cn_frontdesk)
        with freeze_time("2025-03-03 02:00:00"):
            error = self.assertRpcRefused(
                "property.goods.pass", "action_confirm", goods.ids
            )
        self.assertIn("880", error.message)
        # nothing written: still a draft waiting for the stamp, the slot free
        goods.invalidate_recordset()
        self.assertEqual(goods.state, "draft")
        self.assertFalse(goods.cs_confirmed_by_id)
        self.assertEqual(goods.approval_state, "pending")
        self.assertFalse(goods.slot_id.booked)
        self.assertEqual(len(goods.message_ids), messages_before)
        # paid, the move goes through
        self.env["account.payment.register"].with_company(self.cn_company).with_context(
            active_model="account.move", active_ids=self.overdue.ids
        ).create({"payment_date": "2025-03-02"})._create_payments()
        self.assertFalse(self.overdue.amount_residual)
        with freeze_time("2025-03-03 02:00:00"):
            self.rpc("property.goods.pass", "action_confirm", goods.ids)
        goods.invalidate_recordset()
        self.assertEqual(goods.state, "confirmed")

    def test_v07_warn_setting_approves_with_a_warning(self):
        self.cn_company.property_visitor_overdue_move_out = "warn"
        goods = self._large_move_out()
        self.rpc_as(self.cn_frontdesk)
        with freeze_time("2025-03-03 02:00:00"):
            # the approver sees the overdue amount on the form
            [row] = self.rpc(
                "property.goods.pass", "read", goods.ids, ["overdue_amount"]
            )
            self.assertEqual(row["overdue_amount"], 880.0)
            action = self.rpc("property.goods.pass", "action_confirm", goods.ids)
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["type"], "warning")
        self.assertIn("880", action["params"]["message"])
        goods.invalidate_recordset()
        self.assertEqual(goods.state, "confirmed")
        self.assertEqual(goods.cs_confirmed_by_id, self.cn_frontdesk)
        self.assertTrue(goods.message_ids.filtered(lambda m: "880" in (m.body or "")))

    def test_v07_guard_does_not_see_the_overdue_amount(self):
        goods = self._large_move_out()
        self.rpc_as(self.cn_guard)
        self.assertRpcRefused(
            "property.goods.pass", "read", goods.ids, ["overdue_amount"]
        )

    def test_v07_the_security_manager_sets_the_check_not_the_accounts(self):
        manager = self._settings_user(
            "t_cn_security", [self.group_security], self.cn_company, sites=self.cn_site
        )
        self.rpc_as(manager)
        # refused: the accounts and products of the pass documents are Accounting's
        self._assertSettingsRefused(
            self.cn_company,
            property_visitor_pass_fee_product_id=self.env.ref(
                "property_visitor_account.product_pass_deposit"
            ).id,
        )
        self.assertFalse(self.cn_company.property_visitor_pass_fee_product_id)
        self._rpc_settings(self.cn_company, property_visitor_overdue_move_out="block")
        self.env.invalidate_all()
        self.assertEqual(self.cn_company.property_visitor_overdue_move_out, "block")
