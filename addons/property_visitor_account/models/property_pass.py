from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import formatLang

from odoo.addons.property_visitor.models.property_pass import PropertyPass as BasePass

ACCOUNTING_GROUP = "account.group_account_invoice"
# who sees a pass's accounting documents: the desk that issues it and Accounting
INVOICE_READERS = (
    "property_visitor.group_visitor_frontdesk,account.group_account_invoice"
)


class PropertyPass(models.Model):
    """A pass's fee and deposit in Accounting (V04): the invoice on issue, the credit
    note of the deposit on return, the deposit kept with a reason."""

    _inherit = "property.pass"
    _stamped_fields = BasePass._stamped_fields | {
        "invoice_id",
        "deposit_line_id",
        "refund_id",
        "deposit_kept_reason",
        "kept_move_id",
        "date_billed",
    }

    invoice_id = fields.Many2one(
        "account.move",
        readonly=True,
        copy=False,
        groups=INVOICE_READERS,
    )
    deposit_line_id = fields.Many2one(
        "account.move.line",
        readonly=True,
        copy=False,
        groups=INVOICE_READERS,
    )
    refund_id = fields.Many2one(
        "account.move",
        string="Deposit Credit Note",
        readonly=True,
        copy=False,
        groups=INVOICE_READERS,
    )
    kept_move_id = fields.Many2one(
        "account.move",
        string="Kept Deposit Entry",
        readonly=True,
        copy=False,
        groups=INVOICE_READERS,
    )
    invoice_payment_state = fields.Selection(
        related="invoice_id.payment_state",
        string="Invoice Payment",
        groups=INVOICE_READERS,
    )
    invoice_state = fields.Selection(
        related="invoice_id.state", string="Invoice Status", groups=INVOICE_READERS
    )
    refund_payment_state = fields.Selection(
        related="refund_id.payment_state",
        string="Refund Payment",
        groups=INVOICE_READERS,
    )
    deposit_kept_reason = fields.Text(
        string="Reason the Deposit Is Kept", readonly=True, copy=False, tracking=True
    )
    date_billed = fields.Date(string="Billed On", readonly=True, copy=False)
    # the monthly figures (statistics): stored, summed by _read_group
    fee_billed = fields.Monetary(compute="_compute_billed_amounts", store=True)
    deposit_held = fields.Monetary(compute="_compute_billed_amounts", store=True)

    @api.depends("fee", "deposit", "deposit_state", "date_billed")
    def _compute_billed_amounts(self):
        for record in self:
            record.fee_billed = record.fee if record.date_billed else 0.0
            record.deposit_held = (
                record.deposit if record.deposit_state == "held" else 0.0
            )

    # ------------------------------------------------------------------
    # Issue: the invoice of the fee and the deposit
    # ------------------------------------------------------------------
    def action_activate(self):
        res = super().action_activate()
        self._property_bill()
        return res

    def _property_billed_partner(self):
        """Who pays: the resident (or the owner of the unit) for a resident card, the
        sponsoring company for a temporary pass; a partner made of the holder's name
        when only the name is known."""
        self.ensure_one()
        if self.pass_type == "resident":
            partner = self.holder_partner_id or self.sponsor_unit_id.owner_id
        else:
            partner = self.sponsor_partner_id or self.holder_partner_id
        if not partner:
            partner = (
                self.env["res.partner"]
                .sudo()
                .create({"name": self.holder_name, "company_id": self.company_id.id})
            )
        return partner

    def _property_bill(self):
        """One customer invoice per pass with a fee or a deposit (fee line, deposit
        line on the deposit liability), created by the suite for the desk; posted when
        the issuing user may post invoices, else left in draft for Accounting."""
        to_bill = self.filtered(
            lambda p: (
                (p.fee or p.deposit)
                and not p.sudo().invoice_id
                and p.company_id._property_pass_accounting_ready()
            )
        )
        if not to_bill:
            return self.env["account.move"]
        vals_list = []
        for record in to_bill:
            company = record.company_id
            fee_product, deposit_product = company._property_pass_products()
            lines = []
            if record.fee:
                lines.append(
                    Command.create(
                        {
                            "product_id": fee_product.id,
                            "name": self.env._(
                                "Pass fee %(pass)s (%(holder)s)",
                                **{"pass": record.name, "holder": record.holder_name},
                            ),
                            "quantity": 1.0,
                            "price_unit": record.fee,
                        }
                    )
                )
            if record.deposit:
                lines.append(
                    Command.create(
                        {
                            "product_id": deposit_product.id,
                            "name": record._property_deposit_label(),
                            "quantity": 1.0,
                            "price_unit": record.deposit,
                            "account_id": company._property_pass_deposit_account().id,
                            # a deposit is no sale: never taxed
                            "tax_ids": [Command.clear()],
                        }
                    )
                )
            vals_list.append(
                {
                    "move_type": "out_invoice",
                    "company_id": company.id,
                    "partner_id": record._property_billed_partner().id,
                    "currency_id": company.currency_id.id,
                    "invoice_date": record._site_today(),
                    "invoice_origin": record.name,
                    "ref": record.name,
                    "invoice_line_ids": lines,
                }
            )
        invoices = self._property_create_moves(to_bill, vals_list)
        for record, invoice in zip(to_bill, invoices, strict=True):
            deposit_account = record.company_id._property_pass_deposit_account()
            deposit_line = invoice.invoice_line_ids.filtered(
                lambda line, a=deposit_account: line.account_id == a
            )[:1]
            record._write_internal(
                {
                    "invoice_id": invoice.id,
                    "deposit_line_id": deposit_line.id,
                    "date_billed": record._site_today(),
                }
            )
        self._property_post(invoices)
        for record in to_bill:
            invoice = record.sudo().invoice_id
            record.message_post(
                body=self.env._(
                    "Invoice %(invoice)s of %(amount)s created for the fee and the "
                    "deposit (%(state)s).",
                    invoice=invoice.name or invoice.display_name,
                    amount=formatLang(
                        self.env, invoice.amount_total, currency_obj=invoice.currency_id
                    ),
                    state=dict(
                        invoice._fields["state"]._description_selection(self.env)
                    )[invoice.state],
                )
            )
        return invoices

    def _property_create_moves(self, records, vals_list):
        """The moves of ``vals_list`` (one per record of ``records``, in order),
        created by the suite for the desk: one create per company."""
        Move = self.env["account.move"].sudo()
        by_company = {}
        for index, (record, vals) in enumerate(zip(records, vals_list, strict=True)):
            by_company.setdefault(record.company_id, []).append((index, vals))
        moves = [None] * len(vals_list)
        for company, items in by_company.items():
            created = Move.with_company(company).create([vals for __, vals in items])
            for (index, __), move in zip(items, created, strict=True):
                moves[index] = move.id
        return Move.browse(moves)

    def _property_deposit_label(self):
        self.ensure_one()
        return self.env._(
            "Pass deposit %(pass)s (%(holder)s)",
            **{"pass": self.name, "holder": self.holder_name},
        )

    def _property_post(self, moves):
        """Post ``moves`` when the user may post invoices (Accounting's right);
        otherwise they stay in draft for Accounting to check and post."""
        if moves and self.env.user.has_group(ACCOUNTING_GROUP):
            moves.with_env(self.env).action_post()

    # ------------------------------------------------------------------
    # Return: the deposit refunded by a credit note, or kept with a reason
    # ------------------------------------------------------------------
    def action_return_refund(self):
        res = super().action_return_refund()
        self._property_refund_deposit()
        return res

    def _property_refund_deposit(self):
        """The credit note of the deposit line of each returned pass's invoice (a
        reversal of that line only), to the same partner on the same liability;
        Accounting pays it out or sets it against the invoice."""
        to_refund = self.filtered(
            lambda p: (
                p.deposit_state == "refunded"
                and p.sudo().deposit_line_id
                and not p.sudo().refund_id
            )
        )
        vals_list = []
        for record in to_refund:
            line = record.sudo().deposit_line_id
            invoice = line.move_id
            vals_list.append(
                {
                    "move_type": "out_refund",
                    "company_id": invoice.company_id.id,
                    "partner_id": invoice.partner_id.id,
                    "currency_id": invoice.currency_id.id,
                    "journal_id": invoice.journal_id.id,
                    "invoice_date": record._site_today(),
                    "invoice_origin": record.name,
                    "ref": self.env._(
                        "Deposit refund of %(pass)s", **{"pass": record.name}
                    ),
                    # a reversal of the posted invoice (a draft one is not an entry)
                    "reversed_entry_id": invoice.id
                    if invoice.state == "posted"
                    else False,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": line.product_id.id,
                                "name": line.name,
                                "quantity": line.quantity,
                                "price_unit": line.price_unit,
                                "account_id": line.account_id.id,
                                "tax_ids": [Command.set(line.tax_ids.ids)],
                            }
                        )
                    ],
                }
            )
        refunds = self._property_create_moves(to_refund, vals_list)
        for record, refund in zip(to_refund, refunds, strict=True):
            record._write_internal({"refund_id": refund.id})
        self._property_post(refunds)
        for record in to_refund:
            refund = record.sudo().refund_id
            record.message_post(
                body=self.env._(
                    "Deposit of %(amount)s refunded by credit note %(refund)s.",
                    amount=formatLang(
                        self.env, refund.amount_total, currency_obj=refund.currency_id
                    ),
                    refund=refund.name or refund.display_name,
                )
            )
        return refunds

    def action_return_keep(self, reason=None):
        """The card is lost, or handed back damaged or late: the deposit is kept, for
        a reason the desk gives (required), noted on the chatter; the deposit moves
        from the liability to income by a journal entry."""
        reason = (reason or "").strip()
        if not reason and any(record.deposit for record in self):
            raise UserError(
                self.env._("Give the reason the deposit is kept (card lost, damaged…).")
            )
        res = super().action_return_keep(reason=reason or None)
        kept = self.filtered(lambda p: p.deposit_state == "kept")
        kept._write_internal({"deposit_kept_reason": reason})
        kept._property_book_kept_deposit()
        return res

    def _property_book_kept_deposit(self):
        """A kept deposit leaves the liability for income: one journal entry per pass
        (debit the deposit account, credit the kept-deposit income), posted when the
        user may post, else in draft for Accounting."""
        to_book = self.filtered(
            lambda p: p.sudo().deposit_line_id and not p.sudo().kept_move_id
        )
        records, vals_list = self.browse(), []
        # each company's first miscellaneous journal, read once for the batch
        journals = {}
        for journal in (
            self.env["account.journal"]
            .sudo()
            .search(
                [
                    ("type", "=", "general"),
                    ("company_id", "in", to_book.sudo().deposit_line_id.company_id.ids),
                ]
            )
        ):
            journals.setdefault(journal.company_id.id, journal)
        for record in to_book:
            line = record.sudo().deposit_line_id
            company = line.company_id
            income = company._property_pass_kept_deposit_account()
            journal = journals.get(company.id, self.env["account.journal"])
            if not income or not journal:
                continue
            amount = -line.balance
            label = self.env._(
                "Kept deposit of %(pass)s: %(reason)s",
                **{"pass": record.name, "reason": record.deposit_kept_reason},
            )
            common = {"name": label, "partner_id": line.partner_id.id}
            records |= record
            vals_list.append(
                {
                    "move_type": "entry",
                    "company_id": company.id,
                    "journal_id": journal.id,
                    "date": record._site_today(),
                    "ref": label,
                    "line_ids": [
                        Command.create(
                            dict(common, account_id=line.account_id.id, debit=amount)
                        ),
                        Command.create(
                            dict(common, account_id=income.id, credit=amount)
                        ),
                    ],
                }
            )
        moves = self._property_create_moves(records, vals_list)
        for record, move in zip(records, moves, strict=True):
            record._write_internal({"kept_move_id": move.id})
        self._property_post(moves)
        return moves

    def action_open_deposit_keep(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Keep the Deposit"),
            "res_model": "property.pass.deposit.keep",
            "view_mode": "form",
            "target": "new",
            "context": {"default_pass_id": self.id},
        }

    # ------------------------------------------------------------------
    # Smart buttons
    # ------------------------------------------------------------------
    def action_view_invoice(self):
        self.ensure_one()
        return self._property_open_move(self.invoice_id)

    def action_view_kept_move(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_journal_line"
        )
        action.update({"res_id": self.kept_move_id.id, "views": [(False, "form")]})
        return action

    def action_view_refund(self):
        self.ensure_one()
        return self._property_open_move(self.refund_id)

    def _property_open_move(self, move):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action.update({"res_id": move.id, "views": [(False, "form")]})
        return action
