from odoo import Command, fields, models
from odoo.exceptions import UserError

AGENT = "property_complaint.group_complaint_agent"


class PropertyWorkOrderActionsMixin(models.AbstractModel):
    """The buttons of the repair work order: the technician's (accept, on site, done)
    and the customer service's (the resident's confirmation, the invoice, free of
    charge). Each checks the state and the user's role, then writes the state and its
    stamp through the integrity layer (``_write_internal``)."""

    _name = "property.work.order.actions.mixin"
    _description = "Repair Work Order: Buttons"

    # ------------------------------------------------------------------
    # The technician's buttons
    # ------------------------------------------------------------------
    def action_accept(self):
        self._check_state({"draft"}, self.env._("accepting the work"))
        for order in self:
            if not order.technician_id:
                raise UserError(
                    self.env._(
                        "%(order)s: choose the technician first.",
                        order=order.display_name,
                    )
                )
        self._check_technician()
        self._write_internal(
            {"state": "accepted", "date_accepted": fields.Datetime.now()}
        )
        return True

    def action_on_site(self):
        self._check_state({"accepted"}, self.env._("arriving on site"))
        self._check_technician()
        self._write_internal(
            {"state": "on_site", "date_on_site": fields.Datetime.now()}
        )
        return True

    def action_done(self):
        self._check_state({"on_site"}, self.env._("finishing the work"))
        self._check_technician()
        self._write_internal({"state": "done", "date_done": fields.Datetime.now()})
        self._activity_update()
        return True

    def _check_technician(self):
        """Only the order's technician, or the customer service, moves the work on."""
        if self.env.user.has_group(AGENT):
            return
        for order in self:
            if order.sudo().technician_id != self.env.user:
                raise UserError(
                    self.env._(
                        "%(order)s: only its technician or the customer service can "
                        "do this.",
                        order=order.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # The customer service's buttons
    # ------------------------------------------------------------------
    def _check_agent(self):
        if not self.env.user.has_group(AGENT):
            raise UserError(
                self.env._(
                    "Only the customer service can confirm, invoice or waive the "
                    "price of a work order."
                )
            )

    def action_confirm_resident(self):
        """The resident confirmed the work and its price (on paper or in person);
        the portal's button calls ``_confirm_by_resident`` instead."""
        self._check_agent()
        self._check_state({"done"}, self.env._("the resident's confirmation"))
        self._write_internal(
            {
                "state": "confirmed",
                "date_confirmed": fields.Datetime.now(),
                "confirmed_by": self.env._(
                    "Recorded by %(user)s", user=self.env.user.name
                ),
            }
        )
        return True

    def _confirm_by_resident(self, partner):
        """The resident ``partner`` confirms the work in the portal."""
        self._check_state({"done"}, self.env._("the resident's confirmation"))
        self._write_internal(
            {
                "state": "confirmed",
                "date_confirmed": fields.Datetime.now(),
                "confirmed_by": partner.name,
            }
        )
        return True

    def action_mark_free(self):
        self._check_agent()
        self._check_state({"done", "confirmed"}, self.env._("waiving the price"))
        for order in self:
            if not (order.free_reason or "").strip():
                raise UserError(
                    self.env._(
                        "%(order)s: give the reason why the work is free of charge.",
                        order=order.display_name,
                    )
                )
        self._write_internal({"state": "free"})
        self._activity_update()
        return True

    def action_create_invoice(self):
        """One customer invoice per order, to the household's partner, in the
        company's currency, on the company's sale journal, with the lines' taxes."""
        self._check_agent()
        self._check_state({"confirmed"}, self.env._("invoicing"))
        self.check_access("write")
        for order in self:
            order._check_invoiceable()
            # the customer service makes the draft; posting it is Accounting's right
            # (account.group_account_invoice), which Odoo itself checks
            invoice = (
                self.env["account.move"]
                .sudo()
                .with_company(order.company_id)
                .create(order._prepare_invoice_vals())
            )
            order._write_internal({"state": "invoiced", "invoice_id": invoice.id})
            order.message_post(
                body=self.env._("Invoice %(invoice)s created.", invoice=invoice.name)
            )
        return True

    def _check_invoiceable(self):
        self.ensure_one()
        if not self.partner_id:
            raise UserError(
                self.env._(
                    "%(order)s: choose the household's partner to invoice.",
                    order=self.display_name,
                )
            )
        if not self.line_ids or self.currency_id.is_zero(self.amount_total):
            raise UserError(
                self.env._(
                    "%(order)s has nothing to invoice: add its materials and labour, "
                    "or mark it free of charge with a reason.",
                    order=self.display_name,
                )
            )
        if not self._sale_journal():
            raise UserError(
                self.env._(
                    "%(company)s has no sale journal: set up Accounting first.",
                    company=self.company_id.name,
                )
            )

    def _sale_journal(self):
        self.ensure_one()
        Journal = self.env["account.journal"].sudo()
        return Journal.search(
            [*Journal._check_company_domain(self.company_id), ("type", "=", "sale")],
            limit=1,
        )

    def _prepare_invoice_vals(self):
        self.ensure_one()
        complaint = self.complaint_id.sudo()
        return {
            "move_type": "out_invoice",
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "currency_id": self.company_id.currency_id.id,
            "journal_id": self._sale_journal().id,
            "invoice_origin": self.name,
            "ref": complaint.name,
            "narration": complaint.summary,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": line.product_id.id,
                        "name": line.name,
                        "quantity": line.quantity,
                        "product_uom_id": line.uom_id.id,
                        "price_unit": line.price_unit,
                        "tax_ids": [Command.set(line.tax_ids.ids)],
                    }
                )
                for line in self.line_ids
            ],
        }

    def action_view_invoice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.invoice_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    # ------------------------------------------------------------------
    # The technician's to-do, in one place
    # ------------------------------------------------------------------
    def _property_activity_fields(self):
        # the technician may change: the to-do follows
        return super()._property_activity_fields() | {"technician_id"}

    def _activity_update(self):
        """The technician has one to-do while the work is to do; it is marked done
        when the work is done, removed when the order goes to another technician or
        ends otherwise. In batch, idempotent (anchor: hr_holidays'
        ``activity_update``)."""
        orders = self.sudo()
        if not orders:
            return
        orders._property_sync_todos(
            {
                order.id: (
                    order.technician_id,
                    {
                        "summary": self.env._(
                            "Repair work of %(number)s",
                            number=order.complaint_id.name,
                        )
                    },
                )
                for order in orders
                if order.state in ("draft", "accepted", "on_site")
                and order.technician_id
            },
            finished=orders.filtered(lambda order: order.state == "done"),
        )
