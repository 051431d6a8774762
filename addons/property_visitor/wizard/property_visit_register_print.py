from datetime import datetime, time, timedelta

import pytz

from odoo import fields, models
from odoo.exceptions import UserError


class PropertyVisitRegisterPrint(models.TransientModel):
    """Print the visitor register (访客登记单) of one site for one day."""

    _name = "property.visit.register.print"
    _description = "Print the Visitor Register"
    _inherit = ["property.input.mixin"]

    site_id = fields.Many2one(
        "property.site",
        required=True,
        default=lambda self: self.env.user.property_site_ids[:1],
    )
    date = fields.Date(required=True, default=fields.Date.context_today)

    def _visits(self):
        self.ensure_one()
        tz = self.site_id._site_tz()
        start = tz.localize(datetime.combine(self.date, time.min)).astimezone(pytz.utc)
        stop = start + timedelta(days=1)
        return self.env["property.visit"].search(
            [
                ("site_id", "=", self.site_id.id),
                ("arrival_time", ">=", start.replace(tzinfo=None)),
                ("arrival_time", "<", stop.replace(tzinfo=None)),
            ],
            order="arrival_time, id",
        )

    def action_print(self):
        visits = self._visits()
        if not visits:
            raise UserError(self.env._("No visitor was checked in on that day."))
        return self.env.ref(
            "property_visitor.action_report_visit_register"
        ).report_action(visits)
