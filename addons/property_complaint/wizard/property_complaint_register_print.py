from datetime import datetime, time, timedelta

import pytz

from odoo import fields, models
from odoo.exceptions import UserError


class PropertyComplaintRegisterPrint(models.TransientModel):
    """Print the complaint register (客户投诉登记表) of a site for a period (C21)."""

    _name = "property.complaint.register.print"
    _description = "Print the Complaint Register"
    _inherit = ["property.input.mixin"]

    site_id = fields.Many2one(
        "property.site",
        required=True,
        default=lambda self: self.env.user.property_site_ids[:1],
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    kind = fields.Selection(
        [
            ("all", "Complaints and Demands"),
            ("complaint", "Complaints"),
            ("demand", "Demands"),
        ],
        required=True,
        default="all",
    )

    def _utc_bounds(self):
        self.ensure_one()
        tz = self.site_id._site_tz()
        start = tz.localize(datetime.combine(self.date_from, time.min))
        end = tz.localize(datetime.combine(self.date_to + timedelta(days=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    def _complaints(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(self.env._("The end of the period is before its start."))
        start, end = self._utc_bounds()
        domain = [
            ("site_id", "=", self.site_id.id),
            ("date_received", ">=", start),
            ("date_received", "<", end),
        ]
        if self.kind != "all":
            domain.append(("kind", "=", self.kind))
        return self.env["property.complaint"].search(domain, order="date_received, id")

    def action_print(self):
        self.ensure_one()
        complaints = self._complaints()
        if not complaints:
            raise UserError(self.env._("No complaint was received in this period."))
        return self.env.ref(
            "property_complaint.action_report_complaint_register"
        ).report_action(
            complaints,
            data={
                "site_name": self.site_id.name,
                "date_from": fields.Date.to_string(self.date_from),
                "date_to": fields.Date.to_string(self.date_to),
            },
        )
