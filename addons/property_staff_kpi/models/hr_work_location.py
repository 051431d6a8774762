from odoo import fields, models


class HrWorkLocation(models.Model):
    """A work location is the post (岗位) of the employees working there (A13)."""

    _inherit = "hr.work.location"

    property_handover_required = fields.Boolean(
        string="Hand-over Required",
        help="The outgoing shift stays at this post until the incoming shift has "
        "checked in; leaving earlier is flagged on the day's verdict (A13).",
    )
