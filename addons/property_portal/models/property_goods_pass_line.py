from odoo import fields, models

from .staff import STAFF


class PropertyGoodsPassLine(models.Model):
    """The items of a goods pass, as the tenant's signatory reads them: what and how
    many; the gate's check is the staff's."""

    _inherit = "property.goods.pass.line"

    create_uid = fields.Many2one(groups=STAFF)
    create_date = fields.Datetime(groups=STAFF)
    write_uid = fields.Many2one(groups=STAFF)
    write_date = fields.Datetime(groups=STAFF)
    hazard = fields.Selection(groups=STAFF)
    quantity_seen = fields.Float(groups=STAFF)
    line_state = fields.Selection(groups=STAFF)
