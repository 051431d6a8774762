from odoo import api, fields, models

ROLES = [
    ("frontline", "Front-Line Staff"),
    ("team_leader", "Team Leader"),
    ("trainer", "Training Specialist"),
    ("supervisor", "Supervisor"),
]


class PropertyKpiAssignment(models.Model):
    """Who scores whom (K10): per site, optionally per department, the assessor of a
    role and the person who confirms the assessor's scoring."""

    _name = "property.kpi.assignment"
    _rec_name = "site_id"  # breadcrumbs name the record, not the model (issue #19)
    _description = "Assessment Assignment"
    _inherit = ["property.input.mixin"]
    _order = "site_id, department_id, role"

    site_id = fields.Many2one(
        "property.site", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="site_id.company_id", store=True)
    department_id = fields.Many2one(
        "hr.department", help="Leave empty to apply to the whole site."
    )
    role = fields.Selection(
        ROLES, string="Scored Role", required=True, default="frontline"
    )
    assessor_user_id = fields.Many2one(
        "res.users",
        string="Assessor",
        required=True,
        domain="[('share', '=', False)]",
        help="Drafts and submits the assessments (e.g. the training specialist for "
        "front-line staff, the supervisor for the training specialist).",
    )
    approver_user_id = fields.Many2one(
        "res.users",
        string="Approver",
        required=True,
        domain="[('share', '=', False)]",
        help="Approves the proposed lines and confirms or sends back the assessments.",
    )

    _sql_constraints = [
        (
            "assignment_unique",
            "unique(site_id, department_id, role)",
            "A role already has an assessor on this site and department.",
        ),
    ]

    @api.model
    def _find(self, site, department, role, candidates=None):
        """The assignment for an employee of ``role`` in ``department`` of ``site``: the
        department's if any, else the site's; team leaders fall back to front-line.
        ``candidates`` are the site's assignments when the caller already has them."""
        if not site:
            return self.browse()
        roles = [role, "frontline"] if role == "team_leader" else [role]
        if candidates is None:
            candidates = self.sudo().search([("site_id", "=", site.id)])
        candidates = candidates.filtered(lambda a: a.site_id == site)
        for wanted in roles:
            for dept in (department, self.env["hr.department"]):
                match = candidates.filtered(
                    lambda a, r=wanted, d=dept: a.role == r and a.department_id == d
                )
                if match:
                    return match[:1]
        return self.browse()
