"""C03 (paid special services and repairs for a household), C20 (their money in the
monthly statistics), C22 (a household's records are its own): the repair work order
from a demand, invoiced in Accounting with the Chinese chart of accounts (l10n_cn),
acted as each role over JSON-RPC, the refused case first."""

from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import WorkOrderCase

ORDER = "property.work.order"
LINE = "property.work.order.line"


@tagged("post_install", "-at_install")
class TestWorkOrderRpc(RpcMixin, HttpCase, WorkOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang(
            "base",
            "property_base",
            "property_complaint",
            "property_complaint_account",
            "account",
        )

    # ------------------------------------------------------------------
    # The invoice is posted by Accounting (account.group_account_invoice)
    # ------------------------------------------------------------------
    def test_c03_agent_cannot_post_the_invoice_without_accounting_right(self):
        complaint = self._demand()
        self.rpc_as(self.agent)
        order_id = self.rpc(ORDER, "create", self._order_vals(complaint))
        order = self.env[ORDER].browse(order_id)
        self.rpc_as(self.technician)
        for action in ("action_accept", "action_on_site", "action_done"):
            self.rpc(ORDER, action, [order_id])
        self.rpc_as(self.agent)
        self.rpc(ORDER, "action_confirm_resident", [order_id])
        self.rpc(ORDER, "action_create_invoice", [order_id])
        invoice = order.invoice_id
        self.assertEqual((order.state, invoice.state), ("invoiced", "draft"))
        # refused: the agent has no right of Accounting to post it
        self.assertRpcRefused("account.move", "action_post", [invoice.id])
        invoice.invalidate_recordset()
        self.assertEqual(invoice.state, "draft")
        self.assertFalse(invoice.posted_before)
        # Accounting gives them the right (Billing): they post it
        self.agent.sudo().groups_id = [
            Command.link(self.env.ref("account.group_account_invoice").id)
        ]
        self.rpc_as(self.agent)
        self.rpc("account.move", "action_post", [invoice.id])
        invoice.invalidate_recordset()
        self.assertEqual(invoice.state, "posted")

    def test_c03_invoice_lines_taxes_partner_amounts_in_cny(self):
        self.assertEqual(self.sale_tax.amount, 13.0)  # l10n_cn's default sale tax
        complaint = self._demand()
        order = self._done_order(complaint)
        self.rpc_as(self.agent)
        # refused: nothing to invoice before the resident confirmed the work
        self.assertRpcRefused(ORDER, "action_create_invoice", [order.id])
        self.assertFalse(order.invoice_id)
        self.rpc(ORDER, "action_confirm_resident", [order.id])
        self.rpc(ORDER, "action_create_invoice", [order.id])
        invoice = order.invoice_id
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.partner_id, self.resident_a)
        self.assertEqual(invoice.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(invoice.company_id, self.company)
        self.assertEqual(invoice.journal_id.type, "sale")
        self.assertEqual(invoice.journal_id.company_id, self.company)
        self.assertEqual(invoice.invoice_origin, order.name)
        lines = invoice.invoice_line_ids.sorted("sequence")
        self.assertEqual(
            [(line.product_id, line.quantity, line.price_unit) for line in lines],
            # labour from the price list (80, not its 100), the pipe at its price
            [(self.labour, 2.0, 80.0), (self.pipe, 3.0, 20.0)],
        )
        for line in lines:
            self.assertEqual(line.tax_ids, self.sale_tax)
        # prices include the tax in China (l10n_cn: account_price_include)
        self.assertTrue(self.sale_tax.price_include)
        self.assertAlmostEqual(invoice.amount_total, 220.0)
        self.assertAlmostEqual(invoice.amount_untaxed, 194.69)
        self.assertAlmostEqual(invoice.amount_tax, 25.31)
        self.assertEqual(
            (order.amount_untaxed, order.amount_tax, order.amount_total),
            (invoice.amount_untaxed, invoice.amount_tax, invoice.amount_total),
        )
        # the agent, without Accounting's rights, still opens the order's form
        values = self.rpc(
            ORDER,
            "web_read",
            [order.id],
            specification={
                "invoice_id": {"fields": {"display_name": {}}},
                "invoice_state": {},
                "payment_state": {},
                "amount_total": {},
            },
        )[0]
        self.assertEqual(values["invoice_id"]["id"], invoice.id)
        self.assertEqual(
            (values["invoice_state"], values["payment_state"]), ("draft", "not_paid")
        )
        # refused: one invoice per order
        self.assertRpcRefused(ORDER, "action_create_invoice", [order.id])
        self.assertEqual(
            self.env["account.move"].search_count(
                [("invoice_origin", "=", order.name)]
            ),
            1,
        )
        # the complaint shows the order's state and the invoice's payment state
        values = self.rpc(
            "property.complaint",
            "read",
            [complaint.id],
            ["work_order_count", "work_order_state", "work_order_payment_state"],
        )[0]
        self.assertEqual(values["work_order_count"], 1)
        self.assertEqual(values["work_order_state"], "invoiced")
        self.assertEqual(values["work_order_payment_state"], "not_paid")

    def test_c03_work_order_only_from_a_demand(self):
        complaint = self._new_complaint(kind="complaint", unit_id=self.unit_a.id)
        self.rpc_as(self.agent)
        self.assertRpcRefused(ORDER, "create", self._order_vals(complaint))
        self.assertFalse(
            self.env[ORDER].search_count([("complaint_id", "=", complaint.id)])
        )

    # ------------------------------------------------------------------
    # The technician does the work; the customer service prices it
    # ------------------------------------------------------------------
    def test_c03_technician_cannot_edit_prices(self):
        order = (
            self.env[ORDER]
            .with_user(self.agent)
            .create(self._order_vals(self._demand()))
        )
        labour = order.line_ids.filtered(lambda line: line.product_id == self.labour)
        self.rpc_as(self.technician)
        # refused: a unit price, a tax, a price list, a line given its price
        self.assertRpcRefused(LINE, "write", [labour.id], {"price_unit": 1.0})
        self.assertRpcRefused(
            LINE, "write", [labour.id], {"tax_ids": [Command.clear()]}
        )
        self.assertRpcRefused(ORDER, "write", [order.id], {"pricelist_id": False})
        self.assertRpcRefused(
            LINE,
            "create",
            {"order_id": order.id, "product_id": self.pipe.id, "price_unit": 1.0},
        )
        self.assertRpcRefused(
            ORDER,
            "write",
            [order.id],
            {
                "line_ids": [
                    Command.update(labour.id, {"price_unit": 1.0}),
                ]
            },
        )
        order.invalidate_recordset()
        self.assertEqual(labour.price_unit, 80.0)
        self.assertEqual(labour.tax_ids, self.sale_tax)
        self.assertEqual(order.pricelist_id, self.pricelist)
        self.assertEqual(len(order.line_ids), 2)
        # the technician records what was used: priced from the price list
        self.rpc(LINE, "create", {"order_id": order.id, "product_id": self.pipe.id})
        self.rpc(LINE, "write", [labour.id], {"quantity": 3})
        order.invalidate_recordset()
        self.assertEqual(len(order.line_ids), 3)
        self.assertAlmostEqual(order.amount_total, 3 * 80 + 3 * 20 + 20)
        # the customer service may change a price
        self.rpc_as(self.agent)
        self.rpc(LINE, "write", [labour.id], {"price_unit": 90.0})
        self.assertEqual(labour.price_unit, 90.0)

    def test_c03_times_and_state_are_stamped_by_the_buttons(self):
        complaint = self._demand()
        self.rpc_as(self.agent)
        self.assertRpcRefused(
            ORDER,
            "create",
            self._order_vals(complaint, state="done", date_done="2025-03-04 02:00:00"),
        )
        self.assertFalse(
            self.env[ORDER].search_count([("complaint_id", "=", complaint.id)])
        )
        order_id = self.rpc(ORDER, "create", self._order_vals(complaint))
        for vals in (
            {"state": "free"},
            {"date_on_site": "2025-03-04 02:00:00"},
            {"invoice_id": False},
        ):
            self.assertRpcRefused(ORDER, "write", [order_id], vals)
        # another technician cannot move the work on
        self.rpc_as(self.handler2)
        self.assertRpcRefused(ORDER, "action_accept", [order_id])
        order = self.env[ORDER].browse(order_id)
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.date_accepted)
        # the technician has the work on their to-do list until it is done
        self.assertEqual(order.activity_ids.user_id, self.technician)
        with freeze_time("2025-03-04 02:00:00"):
            self.rpc_as(self.technician)
            self.rpc(ORDER, "action_accept", [order_id])
        order.invalidate_recordset()
        self.assertEqual(order.state, "accepted")
        self.assertEqual(str(order.date_accepted), "2025-03-04 02:00:00")
        # another technician: the to-do follows
        self.rpc_as(self.agent)
        self.rpc(ORDER, "write", [order_id], {"technician_id": self.handler2.id})
        order.invalidate_recordset()
        self.assertEqual(order.activity_ids.user_id, self.handler2)
        self.rpc_as(self.handler2)
        self.rpc(ORDER, "action_on_site", [order_id])
        self.rpc(ORDER, "action_done", [order_id])
        order.invalidate_recordset()
        self.assertFalse(order.activity_ids)
        self.assertEqual(order.state, "done")

    def test_c03_free_of_charge_needs_a_reason(self):
        order = self._done_order()
        self.rpc_as(self.agent)
        self.assertRpcRefused(ORDER, "action_mark_free", [order.id])
        order.invalidate_recordset()
        self.assertEqual(order.state, "done")
        self.rpc(ORDER, "write", [order.id], {"free_reason": "  "})
        self.assertRpcRefused(ORDER, "action_mark_free", [order.id])
        self.rpc(
            ORDER,
            "write",
            [order.id],
            {"free_reason": "Under the one-year warranty of the last repair."},
        )
        self.rpc(ORDER, "action_mark_free", [order.id])
        order.invalidate_recordset()
        self.assertEqual(order.state, "free")
        self.assertFalse(order.invoice_id)
        # locked: neither its lines nor its reason change any more
        self.assertRpcRefused(LINE, "write", [order.line_ids[0].id], {"quantity": 10})
        self.assertRpcRefused(ORDER, "write", [order.id], {"free_reason": "Other"})
        self.assertRpcRefused(ORDER, "action_create_invoice", [order.id])

    def test_c03_service_centre_manager_keeps_the_price_list(self):
        self.rpc_as(self.agent)
        self.assertRpcRefused(
            "product.pricelist.item",
            "create",
            {
                "pricelist_id": self.pricelist.id,
                "applied_on": "0_product_variant",
                "product_id": self.pipe.id,
                "compute_price": "fixed",
                "fixed_price": 1.0,
            },
        )
        self.assertEqual(len(self.pricelist.item_ids), 1)
        self.rpc_as(self.cs_manager)
        self.rpc(
            "product.pricelist.item",
            "create",
            {
                "pricelist_id": self.pricelist.id,
                "applied_on": "0_product_variant",
                "product_id": self.pipe.id,
                "compute_price": "fixed",
                "fixed_price": 18.0,
            },
        )
        # a new order's pipe is priced from it
        order = (
            self.env[ORDER]
            .with_user(self.agent)
            .create(self._order_vals(self._demand()))
        )
        pipe = order.line_ids.filtered(lambda line: line.product_id == self.pipe)
        self.assertEqual(pipe.price_unit, 18.0)

    # ------------------------------------------------------------------
    # A household's order and invoice are its own (C22)
    # ------------------------------------------------------------------
    def test_c22_resident_cannot_see_another_households_order_or_invoice(self):
        order = self._invoiced_order()
        invoice = order.invoice_id
        invoice.action_post()
        self.rpc_as(self.portal_b)
        self.assertRpcRefused(ORDER, "read", [order.id], ["amount_total"])
        self.assertRpcRefused(LINE, "read", order.line_ids.ids, ["price_unit"])
        self.assertRpcRefused("account.move", "read", [invoice.id], ["amount_total"])
        self.assertFalse(self.rpc(ORDER, "search", [("id", "=", order.id)]))
        self.assertFalse(self.rpc("account.move", "search", [("id", "=", invoice.id)]))
        # their own: the price, and the invoice
        self.rpc_as(self.portal_a)
        values = self.rpc(ORDER, "read", [order.id], ["amount_total", "state"])[0]
        self.assertEqual((values["amount_total"], values["state"]), (220.0, "invoiced"))
        self.assertRpcRefused(ORDER, "read", [order.id], ["technician_id"])
        self.assertEqual(
            self.rpc("account.move", "read", [invoice.id], ["amount_total"])[0][
                "amount_total"
            ],
            220.0,
        )

    # ------------------------------------------------------------------
    # C20: paid services billed and collected in the month
    # ------------------------------------------------------------------
    def test_c20_monthly_statistics_billed_and_collected(self):
        with freeze_time("2025-03-20 02:00:00"):
            order = self._invoiced_order()
            order.invoice_id.action_post()
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=order.invoice_id.ids
            ).create({"amount": 100.0})._create_payments()
            free = self._done_order()
            free.with_user(self.agent).free_reason = "The company's fault."
            free.with_user(self.agent).action_mark_free()
        self.rpc_as(self.supervisor)
        groups = self.rpc(
            "property.work.order.statistics",
            "read_group",
            [
                ("site_id", "=", self.site.id),
                ("date", ">=", "2025-03-01"),
                ("date", "<=", "2025-03-31"),
            ],
            ["amount_billed:sum", "amount_collected:sum", "amount_free:sum", "nbr"],
            ["site_id"],
        )
        self.assertEqual(len(groups), 1)
        self.assertAlmostEqual(groups[0]["amount_billed"], 220.0)
        self.assertAlmostEqual(groups[0]["amount_collected"], 100.0)
        self.assertAlmostEqual(groups[0]["amount_free"], 220.0)
        self.assertEqual(groups[0]["nbr"], 2)
        # nothing in another month
        self.assertFalse(
            self.rpc(
                "property.work.order.statistics",
                "search",
                [("site_id", "=", self.site.id), ("date", "<", "2025-03-01")],
            )
        )
        amounts = self.env["property.work.order.statistics"]._month_amounts(
            "2025-03-01", "2025-03-31"
        )
        self.assertEqual(
            [round(amount, 2) for amount in amounts[self.site]], [220.0, 100.0, 220.0]
        )
