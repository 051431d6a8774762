from odoo import fields, models
from odoo.exceptions import UserError

# where a company's pass deposits are held when it names no account: a current
# liability under 其他应付款 (2241) of the Chinese chart; l10n_cn has no current
# liability for it (its 2241/2501 are payables, which cannot be invoice lines)
DEPOSIT_ACCOUNT_START_CODE = "224190"


class ResCompany(models.Model):
    _inherit = "res.company"

    property_visitor_pass_fee_product_id = fields.Many2one(
        "product.product",
        string="Pass Fee Product",
        help="Billed on the invoice of a pass with a fee (empty: the suite's Pass "
        "Fee).",
    )
    property_visitor_pass_deposit_product_id = fields.Many2one(
        "product.product",
        string="Pass Deposit Product",
        help="Billed on the invoice of a pass with a deposit (empty: the suite's Pass "
        "Deposit).",
    )
    property_visitor_pass_deposit_account_id = fields.Many2one(
        "account.account",
        string="Pass Deposit Account",
        domain="[('account_type', '=', 'liability_current')]",
        help="The current liability the deposits of passes are held on until they are "
        "refunded or kept (empty: a 'Pass Deposits Held' account is created in the "
        "other payables on the first deposit).",
    )
    property_visitor_pass_kept_deposit_account_id = fields.Many2one(
        "account.account",
        string="Kept Deposit Income Account",
        domain="[('account_type', 'in', ('income', 'income_other'))]",
        help="Where a kept deposit goes from the deposit liability (empty: the "
        "non-operating income of the Chinese chart, 630100).",
    )
    property_visitor_overdue_move_out = fields.Selection(
        [
            ("none", "Do Not Check"),
            ("warn", "Warn"),
            ("block", "Block"),
        ],
        string="Large Move-Out with Overdue Invoices",
        default="warn",
        required=True,
        help="When customer service approves a large carry-out (V07) for a unit whose "
        "household has overdue invoices: warn the approver (the approval goes "
        "through) or refuse the approval.",
    )

    def _property_pass_accounting_ready(self):
        """Whether the company keeps its books in Odoo: a chart and a sales journal."""
        self.ensure_one()
        return bool(self.chart_template) and bool(
            self.env["account.journal"]
            .sudo()
            .search_count(
                [("type", "=", "sale"), ("company_id", "=", self.id)], limit=1
            )
        )

    def _property_pass_products(self):
        """(fee product, deposit product) of the company's passes."""
        self.ensure_one()
        fee = self.property_visitor_pass_fee_product_id or self.env.ref(
            "property_visitor_account.product_pass_fee", raise_if_not_found=False
        )
        deposit = self.property_visitor_pass_deposit_product_id or self.env.ref(
            "property_visitor_account.product_pass_deposit", raise_if_not_found=False
        )
        if not fee or not deposit:
            raise UserError(
                self.env._(
                    "Name the products of pass fees and deposits in the Settings."
                )
            )
        return fee.sudo(), deposit.sudo()

    def _property_pass_deposit_account(self):
        """The current liability holding the company's pass deposits; created on the
        first deposit when the company names none."""
        self.ensure_one()
        account = self.sudo().property_visitor_pass_deposit_account_id
        if account:
            return account
        Account = self.env["account.account"].sudo().with_company(self)
        code = Account._search_new_account_code(DEPOSIT_ACCOUNT_START_CODE)
        account = Account.create(
            {
                "name": self.env._("Pass Deposits Held"),
                "code": code,
                "account_type": "liability_current",
                "company_ids": [fields.Command.set(self.ids)],
            }
        )
        self.sudo().property_visitor_pass_deposit_account_id = account
        return account

    def _property_pass_kept_deposit_account(self):
        """The income a kept deposit is booked to: the setting, else the Chinese
        chart's non-operating income (营业外收入), else any other income account."""
        self.ensure_one()
        account = self.sudo().property_visitor_pass_kept_deposit_account_id
        if not account and self.chart_template:
            account = (
                self.env["account.chart.template"]
                .sudo()
                .with_company(self)
                .ref("l10n_cn_common_630100", raise_if_not_found=False)
            )
        if not account:
            account = (
                self.env["account.account"]
                .sudo()
                .with_company(self)
                .search(
                    [
                        ("company_ids", "in", self.ids),
                        ("account_type", "=", "income_other"),
                    ],
                    limit=1,
                )
            )
        return account

    def _property_demo_setup(self):
        """The demo company keeps its books with the Chinese chart, in CNY: Odoo's demo
        accounting (USD, generic chart) would forbid the change of currency, so the
        Chinese chart replaces it (as Odoo does when a demo database switches charts)
        before the suite makes the company Chinese. Run by scripts/demo_setup.py
        only."""
        self.ensure_one()
        company = self.sudo()
        l10n_cn = (
            self.env["ir.module.module"]
            .sudo()
            .search([("name", "=", "l10n_cn"), ("state", "=", "installed")])
        )
        if (
            l10n_cn
            and company.chart_template != "cn"
            and self.env.ref("base.module_account").demo
        ):
            company.country_id = self.env.ref("base.cn")
            self.env["account.chart.template"].sudo().try_loading(
                "cn", company=company, install_demo=False
            )
        return super()._property_demo_setup()
