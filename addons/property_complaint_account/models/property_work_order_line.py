from odoo import api, fields, models

AGENT = "property_complaint.group_complaint_agent"


class PropertyWorkOrderLine(models.Model):
    """A material (a product) or labour (a service) of a repair work order, priced
    from the order's price list, with the product's sales taxes of the company."""

    _name = "property.work.order.line"
    _description = "Repair Work Order Line"
    _inherit = ["property.integrity.mixin"]
    _order = "order_id, sequence, id"
    # the order's lock (confirmed by the resident, invoiced, free) reaches its lines
    _property_lock_parent = "order_id"
    _check_company_auto = True

    order_id = fields.Many2one(
        "property.work.order",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    currency_id = fields.Many2one(related="order_id.currency_id")
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product",
        string="Product or Service",
        required=True,
        check_company=True,
        domain="[('sale_ok', '=', True)]",
    )
    kind = fields.Selection(
        [("material", "Material"), ("labour", "Labour")],
        compute="_compute_kind",
        store=True,
    )
    name = fields.Char(
        string="Description",
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
    )
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    uom_id = fields.Many2one(
        "uom.uom", string="Unit", related="product_id.uom_id", readonly=True
    )
    price_unit = fields.Float(
        string="Unit Price",
        digits="Product Price",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        precompute=True,
    )
    tax_ids = fields.Many2many(
        "account.tax",
        string="Taxes",
        compute="_compute_tax_ids",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('type_tax_use', '=', 'sale')]",
        check_company=True,
    )
    price_subtotal = fields.Monetary(
        string="Subtotal", compute="_compute_amounts", store=True
    )
    price_total = fields.Monetary(
        string="Total", compute="_compute_amounts", store=True
    )

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(quantity >= 0)",
            "The quantity of a work order line cannot be negative.",
        ),
        (
            "price_unit_positive",
            "CHECK(price_unit >= 0)",
            "The unit price of a work order line cannot be negative.",
        ),
    ]

    @api.depends("product_id.type")
    def _compute_kind(self):
        for line in self:
            line.kind = "labour" if line.product_id.type == "service" else "material"

    @api.depends("product_id")
    def _compute_name(self):
        for line in self:
            line.name = line.product_id.display_name

    @api.depends("product_id", "quantity", "order_id.pricelist_id")
    def _compute_price_unit(self):
        for line in self:
            order = line.order_id.sudo()
            product = line.product_id
            if not product:
                line.price_unit = 0.0
            elif order.pricelist_id:
                line.price_unit = order.pricelist_id._get_product_price(
                    product,
                    line.quantity or 1.0,
                    currency=order.currency_id,
                    date=fields.Date.context_today(line),
                )
            else:
                line.price_unit = product.lst_price

    @api.depends("product_id", "order_id.company_id")
    def _compute_tax_ids(self):
        for line in self:
            company = line.order_id.company_id or self.env.company
            line.tax_ids = line.product_id.sudo().taxes_id._filter_taxes_by_company(
                company
            )

    @api.depends("quantity", "price_unit", "tax_ids", "currency_id")
    def _compute_amounts(self):
        for line in self:
            taxes = line.tax_ids.compute_all(
                line.price_unit,
                currency=line.currency_id or None,
                quantity=line.quantity,
                product=line.product_id,
                partner=line.order_id.partner_id,
            )
            line.price_subtotal = taxes["total_excluded"]
            line.price_total = taxes["total_included"]

    # ------------------------------------------------------------------
    # The integrity layer (property.integrity.mixin)
    # ------------------------------------------------------------------
    def _property_group_fields(self):
        # the technician records what was used; the customer service prices it
        return dict.fromkeys(("price_unit", "tax_ids"), AGENT)
