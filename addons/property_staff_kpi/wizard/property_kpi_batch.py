from odoo import fields, models
from odoo.exceptions import UserError


class PropertyKpiBatch(models.TransientModel):
    """Creates the month's assessments of a team in one go."""

    _name = "property.kpi.batch"
    _description = "Create the Month's Assessments"
    _inherit = ["property.input.mixin"]

    date_month = fields.Date(
        string="Month",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    site_id = fields.Many2one("property.site", required=True)
    department_id = fields.Many2one(
        "hr.department", string="Team", help="Leave empty for every team of the site."
    )

    def action_create(self):
        self.ensure_one()
        month = self.date_month.replace(day=1)
        domain = [("property_site_id", "=", self.site_id.id)]
        if self.department_id:
            domain.append(("department_id", "=", self.department_id.id))
        employees = self.env["hr.employee"].sudo().search(domain)
        if not self.env.user.has_group("property_staff_kpi.group_kpi_manager"):
            assignments = self.env["property.kpi.assignment"].sudo()
            candidates = assignments.search([("site_id", "=", self.site_id.id)])
            employees = employees.filtered(
                lambda e: (
                    assignments._find(
                        self.site_id,
                        e.department_id,
                        e.kpi_role or "frontline",
                        candidates,
                    ).assessor_user_id
                    == self.env.user
                )
            )
        if not employees:
            raise UserError(self.env._("No employee of this team is scored by you."))
        assessments = self.env["property.kpi.assessment"]._get_or_create(
            employees, month
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Assessments"),
            "res_model": "property.kpi.assessment",
            "view_mode": "list,form",
            "domain": [("id", "in", assessments.ids)],
        }
