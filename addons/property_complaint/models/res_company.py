from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # A setting that is on by default: a company field, since a boolean
    # ir.config_parameter cannot hold False apart from "not set".
    property_complaint_class1_notify = fields.Boolean(
        string="Notify Class 1 Complaints at Once",
        default=True,
        help="Notify the service-centre manager and the quality centre as soon as a class 1 "
        "complaint is registered.",
    )
