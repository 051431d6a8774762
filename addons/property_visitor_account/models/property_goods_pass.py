from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import formatLang

OVERDUE_READERS = (
    "property_visitor.group_visitor_frontdesk,account.group_account_invoice"
)


class PropertyGoodsPass(models.Model):
    """The overdue check of a large carry-out (V07): customer service approves it
    seeing the overdue invoices of the unit's household; the company's setting warns
    or blocks."""

    _inherit = "property.goods.pass"

    overdue_currency_id = fields.Many2one(
        related="company_id.currency_id",
        string="Overdue Currency",
        groups=OVERDUE_READERS,
    )
    overdue_amount = fields.Monetary(
        string="Overdue Invoices",
        currency_field="overdue_currency_id",
        compute="_compute_overdue_amount",
        groups=OVERDUE_READERS,
        help="What the tenant and the household of the unit owe on posted invoices "
        "past their due date.",
    )

    def _property_overdue_checked(self):
        """The passes the check is about: large carry-outs."""
        return self.filtered(lambda g: g.large_move and g.direction == "out")

    def _property_overdue_partners(self):
        """The commercial partners of the pass's unit's household and tenant."""
        self.ensure_one()
        partners = (
            self.tenant_partner_id | self.unit_id.owner_id | self.unit_id.occupant_ids
        )
        return partners.commercial_partner_id

    def _property_overdue_amounts(self):
        """{pass id: the overdue amount of its household}: one _read_group over the
        posted customer invoices of every partner involved (one per site's date when
        the sites of the batch are not on the same day)."""
        amounts = dict.fromkeys(self.ids, 0.0)
        by_day = {}
        now = fields.Datetime.now()
        for record in self.sudo():
            day = record.site_id._local_date(now)
            by_day.setdefault(day, self.sudo().browse())
            by_day[day] |= record
        for day, records in by_day.items():
            partners = self.env["res.partner"]
            for record in records:
                partners |= record._property_overdue_partners()
            if not partners:
                continue
            groups = (
                self.env["account.move"]
                .sudo()
                ._read_group(
                    [
                        ("commercial_partner_id", "in", partners.ids),
                        ("company_id", "in", records.company_id.ids),
                        ("move_type", "in", ("out_invoice", "out_receipt")),
                        ("state", "=", "posted"),
                        ("amount_residual", ">", 0),
                        ("invoice_date_due", "<", day),
                    ],
                    ["commercial_partner_id", "company_id"],
                    ["amount_residual_signed:sum"],
                )
            )
            owed = {
                (partner.id, company.id): total for partner, company, total in groups
            }
            for record in records:
                amounts[record.id] = sum(
                    owed.get((partner.id, record.company_id.id), 0.0)
                    for partner in record._property_overdue_partners()
                )
        return amounts

    @api.depends_context("uid")
    @api.depends("large_move", "direction", "tenant_partner_id", "unit_id")
    def _compute_overdue_amount(self):
        amounts = self._property_overdue_checked()._property_overdue_amounts()
        for record in self:
            record.overdue_amount = amounts.get(record.id, 0.0)

    def _property_overdue_message(self, amount):
        self.ensure_one()
        return self.env._(
            "The household of %(unit)s owes %(amount)s on overdue invoices.",
            unit=self.unit_id.display_name or self.tenant_partner_id.display_name,
            amount=formatLang(
                self.env, amount, currency_obj=self.company_id.currency_id
            ),
        )

    def action_confirm(self):
        """Customer service's stamp of a large carry-out looks at the overdue invoices
        of the unit's household first (V07): the company's setting blocks the stamp or
        lets it through with a warning on the chatter and on the screen."""
        self._check_customer_service()
        self._check_state(("draft",))
        checked = self._property_overdue_checked().filtered(
            lambda g: g.company_id.property_visitor_overdue_move_out != "none"
        )
        amounts = checked._property_overdue_amounts()
        flagged = checked.filtered(lambda g: amounts.get(g.id))
        for record in flagged:
            if record.company_id.property_visitor_overdue_move_out == "block":
                raise UserError(
                    self.env._(
                        "%(message)s A large move-out of %(pass)s is approved only "
                        "once they are paid.",
                        message=record._property_overdue_message(amounts[record.id]),
                        **{"pass": record.name},
                    )
                )
        res = super().action_confirm()
        if not flagged:
            return res
        messages = []
        for record in flagged:
            message = record._property_overdue_message(amounts[record.id])
            record.message_post(
                body=self.env._(
                    "Large move-out approved with overdue invoices: %(message)s",
                    message=message,
                )
            )
            messages.append(f"{record.name}: {message}")
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "sticky": True,
                "title": self.env._("Overdue invoices"),
                "message": "\n".join(messages),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
