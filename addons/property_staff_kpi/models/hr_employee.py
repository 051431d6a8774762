from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .property_kpi_assignment import ROLES


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    property_site_id = fields.Many2one(
        "property.site", help="Site whose team the employee belongs to."
    )
    kpi_role = fields.Selection(
        ROLES,
        string="Assessment Role",
        default="frontline",
        help="Decides who scores the employee's month (K10).",
    )
    kpi_assessment_ids = fields.One2many("property.kpi.assessment", "employee_id")
    kpi_recent_assessment_ids = fields.Many2many(
        "property.kpi.assessment",
        string="Last 12 Months",
        compute="_compute_kpi_recent_assessment_ids",
    )
    kpi_discipline_ids = fields.One2many("property.kpi.discipline", "employee_id")

    @api.depends("kpi_assessment_ids.date_month")
    def _compute_kpi_recent_assessment_ids(self):
        since = fields.Date.context_today(self).replace(day=1) - relativedelta(months=11)
        for employee in self:
            employee.kpi_recent_assessment_ids = employee.kpi_assessment_ids.filtered(
                lambda a: a.date_month >= since
            ).sorted("date_month", reverse=True)
