import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

MONTHS = [
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
]


class PropertyComplaintSummaryPrint(models.TransientModel):
    """Print the summary of the complaint statistics (统计汇总表) of a month, quarter,
    half-year or year (C20, C26)."""

    _name = "property.complaint.summary.print"
    _description = "Print a Complaint Summary"
    _inherit = ["property.input.mixin"]

    site_ids = fields.Many2many(
        "property.site",
        string="Sites",
        required=True,
        default=lambda self: self.env.user.property_site_ids,
    )
    period_type = fields.Selection(
        [
            ("month", "Month"),
            ("quarter", "Quarter"),
            ("half_year", "Half-Year"),
            ("year", "Year"),
        ],
        required=True,
        default="half_year",
    )
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    month = fields.Selection(MONTHS, default="1")
    quarter = fields.Selection(
        [
            ("1", "1st Quarter"),
            ("2", "2nd Quarter"),
            ("3", "3rd Quarter"),
            ("4", "4th Quarter"),
        ],
        default="1",
    )
    half_year = fields.Selection(
        [("1", "First Half"), ("2", "Second Half")], default="1"
    )
    date_from = fields.Date(string="Period Start", compute="_compute_date_from")

    @api.depends("period_type", "year", "month", "quarter", "half_year")
    def _compute_date_from(self):
        for wizard in self:
            wizard.date_from = wizard._start_date()

    def _start_date(self):
        self.ensure_one()
        if not 2000 <= (self.year or 0) <= 2100:
            return False
        first_month = {
            "month": int(self.month or 1),
            "quarter": (int(self.quarter or 1) - 1) * 3 + 1,
            "half_year": 1 if (self.half_year or "1") == "1" else 7,
            "year": 1,
        }[self.period_type or "year"]
        return datetime.date(self.year, first_month, 1)

    def action_print(self):
        self.ensure_one()
        self.env["property.complaint"]._check_group(
            "property_complaint.group_complaint_supervisor"
        )
        start = self._start_date()
        if not start:
            raise UserError(self.env._("Enter a year between 2000 and 2100."))
        if not self.site_ids:
            raise UserError(self.env._("Choose at least one site."))
        return self.env.ref(
            "property_complaint.action_report_complaint_summary"
        ).report_action(
            self.site_ids,
            data={
                "period_type": self.period_type,
                "date_from": fields.Date.to_string(start),
            },
        )
