"""Pass fees and deposits in Accounting (V04), acting as each role over JSON-RPC: the
invoice on issue, the deposit's credit note on return, the deposit kept for a reason;
the front desk never posts without Accounting's right, the gate never sees invoices."""

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import VisitorAccountCase


@tagged("post_install", "-at_install")
class TestPassAccountRpc(RpcMixin, HttpCase, VisitorAccountCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang(
            "property_base", "property_visitor", "property_visitor_account"
        )

    def _issue(self, user, **kwargs):
        """The desk registers and issues a pass over RPC, on 2025-03-03."""
        self.rpc_as(user)
        with freeze_time("2025-03-03 02:00:00"):
            pass_id = self.rpc("property.pass", "create", self._cn_pass_vals(**kwargs))
            self.rpc("property.pass", "action_activate", [pass_id])
        return self.env["property.pass"].browse(pass_id)

    def test_v04_front_desk_cannot_post_the_pass_invoice(self):
        card = self._issue(self.cn_frontdesk)
        invoice = card.invoice_id
        # refused: the desk posts nothing, reads no entry, forges no link
        self.assertRpcRefused("account.move", "action_post", invoice.ids)
        self.assertRpcRefused(
            "account.move", "search_read", [("id", "=", invoice.id)], ["name"]
        )
        self.assertRpcRefused("property.pass", "write", card.ids, {"invoice_id": False})
        # nothing written: the invoice waits in draft for Accounting, still linked
        invoice.invalidate_recordset()
        card.invalidate_recordset()
        self.assertEqual(invoice.state, "draft")
        self.assertEqual(card.invoice_id, invoice)
        self.assertFalse(
            self.env["account.move"].search(
                [("invoice_origin", "=", card.name), ("state", "=", "posted")]
            )
        )
        # what the desk may see: the invoice's number and status on the pass
        [row] = self.rpc(
            "property.pass",
            "read",
            card.ids,
            ["invoice_id", "invoice_state", "deposit_state", "currency_id"],
        )
        self.assertEqual(row["invoice_id"][0], invoice.id)
        self.assertEqual(row["invoice_state"], "draft")
        self.assertEqual(row["deposit_state"], "held")
        # the amounts of the pass are in the company's currency (¥)
        self.assertEqual(row["currency_id"][0], self.env.ref("base.CNY").id)
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.company_id, self.cn_company)
        self.assertEqual(invoice.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(invoice.partner_id, self.cn_tenant)
        self.assertEqual(invoice.amount_total, 60.0)

    def test_v04_guard_cannot_see_invoices(self):
        card = self._issue(self.cn_frontdesk_acc)
        self.assertTrue(card.invoice_id)
        self.rpc_as(self.cn_guard)
        self.assertRpcRefused(
            "account.move", "search_read", [("id", "=", card.invoice_id.id)], ["name"]
        )
        self.assertRpcRefused("property.pass", "read", card.ids, ["invoice_id"])
        self.assertRpcRefused("property.pass", "read", card.ids, ["refund_id"])
        # what the gate needs it still reads
        [row] = self.rpc("property.pass", "read", card.ids, ["holder_name", "state"])
        self.assertEqual(row["state"], "active")
        # nothing revealed in a plain read of the pass either
        [row] = self.rpc("property.pass", "read", card.ids)
        self.assertNotIn("invoice_id", row)
        self.assertNotIn("refund_id", row)
        # nor on the guard's screen of the pass, while the desk's shows the invoice
        views = self.rpc("property.pass", "get_views", [[False, "form"]])
        self.assertNotIn("invoice_id", views["views"]["form"]["arch"])
        self.rpc_as(self.cn_frontdesk)
        views = self.rpc("property.pass", "get_views", [[False, "form"]])
        self.assertIn("invoice_id", views["views"]["form"]["arch"])
        self.assertIn("action_open_deposit_keep", views["views"]["form"]["arch"])
        self.assertNotIn("action_view_invoice", views["views"]["form"]["arch"])

    def test_v04_deposit_cycle_issue_return_refund(self):
        card = self._issue(self.cn_frontdesk_acc)
        invoice = card.invoice_id
        deposit_account = self.cn_company.property_visitor_pass_deposit_account_id
        # issue: one posted invoice to the sponsoring tenant, fee as income, deposit
        # on a current liability, untaxed
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.partner_id, self.cn_tenant)
        self.assertEqual(invoice.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(str(invoice.invoice_date), "2025-03-03")
        self.assertEqual(deposit_account.account_type, "liability_current")
        self.assertEqual(deposit_account.company_ids, self.cn_company)
        # under the other payables (其他应付款, 2241) of the company's chart
        self.assertTrue(
            deposit_account.with_company(self.cn_company).code.startswith("2241")
        )
        fee_line = invoice.invoice_line_ids.filtered(
            lambda line: line.account_id != deposit_account
        )
        deposit_line = invoice.invoice_line_ids - fee_line
        self.assertEqual(fee_line.price_subtotal, 10.0)
        self.assertIn(fee_line.account_id.account_type, ("income", "income_other"))
        self.assertEqual(deposit_line.price_subtotal, 50.0)
        self.assertFalse(deposit_line.tax_ids)
        self.assertEqual(card.deposit_line_id, deposit_line)
        self.assertEqual(card.deposit_state, "held")
        self.assertEqual(card.invoice_payment_state, "not_paid")
        # return: the deposit line, and only it, refunded by a posted credit note
        self.rpc_as(self.cn_frontdesk_acc)
        with freeze_time("2025-03-20 02:00:00"):
            self.rpc("property.pass", "action_return_refund", card.ids)
        card.invalidate_recordset()
        refund = card.refund_id
        self.assertEqual(card.state, "returned")
        self.assertEqual(card.deposit_state, "refunded")
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.reversed_entry_id, invoice)
        self.assertEqual(refund.partner_id, self.cn_tenant)
        self.assertEqual(refund.amount_total, 50.0)
        self.assertEqual(str(refund.invoice_date), "2025-03-20")
        self.assertEqual(refund.invoice_line_ids.account_id, deposit_account)
        self.assertEqual(refund.invoice_line_ids.price_subtotal, 50.0)
        # the liability is back to nothing for this pass
        balance = sum(
            self.env["account.move.line"]
            .search(
                [
                    ("account_id", "=", deposit_account.id),
                    ("move_id", "in", (invoice | refund).ids),
                ]
            )
            .mapped("balance")
        )
        self.assertEqual(balance, 0.0)
        # the smart buttons open the invoice and the credit note
        action = self.rpc("property.pass", "action_view_refund", card.ids)
        self.assertEqual(action["res_id"], refund.id)

    def test_v04_deposit_kept_needs_a_reason(self):
        card = self._issue(self.cn_frontdesk)
        invoice = card.invoice_id
        # refused: no reason, nothing written
        self.assertRpcRefused("property.pass", "action_return_keep", card.ids)
        self.assertRpcRefused(
            "property.pass", "action_return_keep", card.ids, reason="  "
        )
        card.invalidate_recordset()
        self.assertEqual(card.state, "active")
        self.assertEqual(card.deposit_state, "held")
        self.assertFalse(card.deposit_kept_reason)
        self.assertFalse(card.date_returned)
        # the card is lost: the desk keeps the deposit with the reason (its dialog)
        with freeze_time("2025-03-10 02:00:00"):
            wizard_id = self.rpc(
                "property.pass.deposit.keep",
                "create",
                {"pass_id": card.id, "reason": "Card lost by the holder"},
            )
            self.rpc("property.pass.deposit.keep", "action_confirm", [wizard_id])
        card.invalidate_recordset()
        self.assertEqual(card.state, "returned")
        self.assertEqual(card.deposit_state, "kept")
        self.assertEqual(card.deposit_kept_reason, "Card lost by the holder")
        self.assertFalse(card.refund_id)
        self.assertTrue(
            card.message_ids.filtered(
                lambda m: "Card lost by the holder" in (m.body or "")
            )
        )
        # no credit note: the deposit leaves the liability for income by an entry,
        # in draft for Accounting (the desk may not post)
        self.assertFalse(
            self.env["account.move"].search([("reversed_entry_id", "=", invoice.id)])
        )
        entry = card.kept_move_id
        deposit_account = self.cn_company.property_visitor_pass_deposit_account_id
        self.assertEqual(entry.move_type, "entry")
        self.assertEqual(entry.state, "draft")
        self.assertEqual(str(entry.date), "2025-03-10")
        debit = entry.line_ids.filtered("debit")
        credit = entry.line_ids.filtered("credit")
        self.assertEqual(debit.account_id, deposit_account)
        self.assertEqual(debit.debit, 50.0)
        self.assertEqual(debit.partner_id, self.cn_tenant)
        self.assertEqual(credit.account_id.with_company(self.cn_company).code, "630100")
        self.assertEqual(credit.credit, 50.0)
        self.assertRpcRefused("account.move", "action_post", entry.ids)
        entry.invalidate_recordset()
        self.assertEqual(entry.state, "draft")

    def test_v04_holder_known_by_name_only_is_billed_as_a_new_partner(self):
        card = self._issue(
            self.cn_frontdesk_acc,
            holder_name="Zhou Shifu",
            sponsor_partner_id=False,
            sponsor_unit_id=False,
        )
        partner = card.invoice_id.partner_id
        self.assertEqual(partner.name, "Zhou Shifu")
        self.assertNotIn(partner, self.cn_tenant | self.cn_owner)

    def test_v04_monthly_fees_billed_and_deposits_held(self):
        refunded = self._issue(self.cn_frontdesk_acc)
        self._issue(self.cn_frontdesk_acc, holder_name="Wu Shifu")
        self.rpc_as(self.cn_frontdesk_acc)
        with freeze_time("2025-03-20 02:00:00"):
            self.rpc("property.pass", "action_return_refund", refunded.ids)
        self.rpc_as(self.cn_supervisor)
        groups = self.rpc(
            "property.pass",
            "read_group",
            [("site_id", "=", self.cn_site.id), ("date_billed", "!=", False)],
            ["fee_billed:sum", "deposit_held:sum"],
            ["date_billed:month"],
            lazy=False,
        )
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0]["fee_billed"], 20.0)
        self.assertEqual(groups[0]["deposit_held"], 50.0)
