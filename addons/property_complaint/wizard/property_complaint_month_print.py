import datetime

from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.exceptions import UserError

from .property_complaint_summary_print import MONTHS


class PropertyComplaintMonthPrint(models.TransientModel):
    """Print the monthly report (客户投诉/需求信息月报表, C20, C26) or the register
    (客户投诉登记表, C21) of a site for a chosen month, from the Reporting menu."""

    _name = "property.complaint.month.print"
    _description = "Print the Monthly Report or Register"
    _inherit = ["property.input.mixin"]

    site_id = fields.Many2one(
        "property.site",
        required=True,
        default=lambda self: self.env.user.property_site_ids[:1],
    )
    year = fields.Integer(
        required=True, default=lambda self: self._default_month().year
    )
    month = fields.Selection(
        MONTHS, required=True, default=lambda self: str(self._default_month().month)
    )

    def _default_month(self):
        """The previous month: the report is due early in the next one (C26)."""
        return fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)

    def _first_day(self):
        self.ensure_one()
        self.env["property.complaint"]._check_group(
            "property_complaint.group_complaint_supervisor"
        )
        if not 2000 <= (self.year or 0) <= 2100:
            raise UserError(self.env._("Enter a year between 2000 and 2100."))
        return datetime.date(self.year, int(self.month), 1)

    def action_print_monthly(self):
        first = self._first_day()
        return self.env.ref(
            "property_complaint.action_report_complaint_monthly"
        ).report_action(self.site_id, data={"month": fields.Date.to_string(first)})

    def action_print_register(self):
        first = self._first_day()
        register = self.env["property.complaint.register.print"].create(
            {
                "site_id": self.site_id.id,
                "date_from": first,
                "date_to": first + relativedelta(months=1, days=-1),
            }
        )
        return register.action_print()
