from odoo import fields, models

MANAGER = "property_visitor.group_visitor_security_manager"
# the products and accounts of the pass documents: Accounting's administrators
ACCOUNTANT = "account.group_account_manager"


class PropertySettings(models.TransientModel):
    _inherit = "property.settings"

    property_visitor_pass_fee_product_id = fields.Many2one(
        related="company_id.property_visitor_pass_fee_product_id",
        readonly=False,
        groups=ACCOUNTANT,
    )
    property_visitor_pass_deposit_product_id = fields.Many2one(
        related="company_id.property_visitor_pass_deposit_product_id",
        readonly=False,
        groups=ACCOUNTANT,
    )
    property_visitor_pass_deposit_account_id = fields.Many2one(
        related="company_id.property_visitor_pass_deposit_account_id",
        readonly=False,
        groups=ACCOUNTANT,
    )
    property_visitor_pass_kept_deposit_account_id = fields.Many2one(
        related="company_id.property_visitor_pass_kept_deposit_account_id",
        readonly=False,
        groups=ACCOUNTANT,
    )
    property_visitor_overdue_move_out = fields.Selection(
        related="company_id.property_visitor_overdue_move_out",
        readonly=False,
        groups=MANAGER,
    )
