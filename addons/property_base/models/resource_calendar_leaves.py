from odoo import fields, models


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    property_cn_holiday = fields.Boolean(
        string="China Public Holiday",
        readonly=True,
        help="Imported from the official holiday schedule; imported again without duplicates.",
    )
