from odoo import api, models

PORTAL_GOODS_LINE_FIELDS = {
    "id",
    "display_name",
    "goods_pass_id",
    "sequence",
    "name",
    "quantity",
    "uom_name",
}


class PropertyGoodsPassLine(models.Model):
    """The items of a goods pass, as the tenant's signatory reads them."""

    _name = "property.goods.pass.line"
    _inherit = ["property.goods.pass.line", "property.portal.field.mixin"]

    @api.model
    def _portal_field_names(self):
        return PORTAL_GOODS_LINE_FIELDS
