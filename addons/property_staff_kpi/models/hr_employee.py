from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .property_kpi_assignment import ROLES


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # HR-only like the other private fields of hr.employee: users without HR rights
    # read employees through hr.employee.public, which does not have them.
    property_site_id = fields.Many2one(
        "property.site",
        groups="hr.group_hr_user",
        help="Site whose team the employee belongs to.",
    )
    kpi_role = fields.Selection(
        ROLES,
        string="Assessment Role",
        default="frontline",
        groups="hr.group_hr_user",
        help="Decides who scores the employee's month (K10).",
    )
    kpi_assessment_ids = fields.One2many(
        "property.kpi.assessment", "employee_id", groups="hr.group_hr_user"
    )
    kpi_recent_assessment_ids = fields.Many2many(
        "property.kpi.assessment",
        string="Last 12 Months",
        compute="_compute_kpi_recent_assessment_ids",
        groups="hr.group_hr_user",
    )
    kpi_discipline_ids = fields.One2many(
        "property.kpi.discipline", "employee_id", groups="hr.group_hr_user"
    )

    def _property_kpi_lang(self):
        """The language of the automatic text about this employee (the reasons of the
        automatic lines, issue #19): the employee's user's, else the company's, as
        long as it is active; else the current one."""
        self.ensure_one()
        employee = self.sudo()
        Lang = self.env["res.lang"]
        for code in (employee.user_id.lang, employee.company_id.partner_id.lang):
            if code and Lang._get_code(code):
                return code
        return self.env.lang or "en_US"

    def _property_kpi_env(self):
        """An environment in the employee's language (``_property_kpi_lang``): its
        ``_()`` writes the automatic reasons as the company reads them."""
        return self.with_context(lang=self._property_kpi_lang()).env

    @api.depends("kpi_assessment_ids.date_month")
    def _compute_kpi_recent_assessment_ids(self):
        since = fields.Date.context_today(self).replace(day=1) - relativedelta(
            months=11
        )
        for employee in self:
            employee.kpi_recent_assessment_ids = employee.kpi_assessment_ids.filtered(
                lambda a: a.date_month >= since
            ).sorted("date_month", reverse=True)

    @api.model
    def _property_kpi_ensure_employees(self, roles, site_id, department_id):
        """The employees of the users ``roles`` ({user id: assessment role}) on the
        site, created for the users who have none (used by the demo data, which
        must not clash with other addons that already made employees of the same
        users)."""
        users = self.env["res.users"].browse(list(roles))
        existing = self.with_context(active_test=False).search(
            [("user_id", "in", users.ids)]
        )
        missing = users - existing.user_id
        created = self.create(
            [
                {
                    "name": user.name,
                    "user_id": user.id,
                    "company_id": user.company_id.id,
                }
                for user in missing
            ]
        )
        employees = existing | created
        for role in set(roles.values()):
            employees.filtered(lambda e, r=role: roles[e.user_id.id] == r).write(
                {"kpi_role": role, "property_site_id": site_id}
            )
        employees.filtered(lambda e: not e.department_id).write(
            {"department_id": department_id}
        )
        return employees.ids
