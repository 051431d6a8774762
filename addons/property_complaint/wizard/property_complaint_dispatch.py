from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class PropertyComplaintDispatch(models.TransientModel):
    """Dispatch (派单) or transfer (转派) a complaint to a department and a handler
    (C11)."""

    _name = "property.complaint.dispatch"
    _description = "Dispatch a Complaint"
    _inherit = ["property.input.mixin"]

    complaint_id = fields.Many2one(
        "property.complaint", required=True, ondelete="cascade"
    )
    current_department_id = fields.Many2one(
        related="complaint_id.department_id", string="Current Department"
    )
    current_handler_id = fields.Many2one(
        related="complaint_id.handler_id", string="Current Handler"
    )
    is_transfer = fields.Boolean(compute="_compute_is_transfer")
    allowed_department_ids = fields.Many2many(
        "hr.department", compute="_compute_allowed_department_ids"
    )
    allowed_handler_ids = fields.Many2many(
        "res.users", compute="_compute_allowed_handler_ids"
    )
    department_id = fields.Many2one(
        "hr.department", domain="[('id', 'in', allowed_department_ids)]"
    )
    handler_id = fields.Many2one(
        "res.users", domain="[('id', 'in', allowed_handler_ids)]"
    )
    reason = fields.Text(help="Required when the complaint is already dispatched.")

    @api.depends("complaint_id")
    def _compute_is_transfer(self):
        for wizard in self:
            wizard.is_transfer = bool(
                wizard.complaint_id.department_id or wizard.complaint_id.handler_id
            )

    @api.depends("complaint_id.site_id")
    def _compute_allowed_department_ids(self):
        for wizard in self:
            site = wizard.complaint_id.site_id
            wizard.allowed_department_ids = (
                site._complaint_departments() if site else False
            )

    @api.depends("department_id")
    def _compute_allowed_handler_ids(self):
        handlers = self.env["res.users"].search(
            [
                ("share", "=", False),
                (
                    "groups_id",
                    "in",
                    self.env.ref("property_complaint.group_complaint_handler").ids,
                ),
            ]
        )
        for wizard in self:
            department = wizard.department_id
            if not department:
                wizard.allowed_handler_ids = handlers
                continue
            members = (
                self.env["hr.employee"]
                .sudo()
                .search(
                    [("department_id", "=", department.id), ("user_id", "!=", False)]
                )
                .user_id
                | department.sudo().manager_id.user_id
            )
            wizard.allowed_handler_ids = handlers & members

    @api.onchange("complaint_id")
    def _onchange_complaint_id(self):
        """Propose the department of the matching dispatch rule, or the category's
        default department (issue #21)."""
        complaint = self.complaint_id
        if not complaint or self.department_id:
            return
        rule = self.env["property.complaint.dispatch.rule"]._rule_for(complaint)
        department = rule.sudo().department_id or complaint.category_id.department_id
        if department and department in self.allowed_department_ids._origin:
            self.department_id = department

    @api.onchange("department_id")
    def _onchange_department_id(self):
        if self.handler_id and self.handler_id not in self.allowed_handler_ids:
            self.handler_id = False
        manager_user = self.department_id.manager_id.user_id
        if self.department_id and not self.handler_id and manager_user:
            self.handler_id = manager_user

    def _check_choice(self):
        """The department is one of the site's handling departments and the handler
        works in it (C11)."""
        self.ensure_one()
        if self.department_id and self.department_id not in self.allowed_department_ids:
            raise UserError(
                self.env._(
                    "%(department)s does not handle the complaints of %(site)s.",
                    department=self.department_id.name,
                    site=self.complaint_id.site_id.name,
                )
            )
        if self.handler_id and self.handler_id not in self.allowed_handler_ids:
            raise UserError(
                self.env._(
                    "%(user)s does not work in %(department)s.",
                    user=self.handler_id.name,
                    department=self.department_id.name,
                )
            )

    def action_confirm(self):
        self.ensure_one()
        complaint = self.complaint_id
        user = self.env.user
        if not (
            user.has_group("property_complaint.group_complaint_agent")
            or complaint.handler_id == user
        ):
            raise AccessError(
                self.env._(
                    "Only customer service or the current handler can dispatch a "
                    "complaint."
                )
            )
        self._check_choice()
        complaint._dispatch(self.department_id, self.handler_id, self.reason)
        return {"type": "ir.actions.act_window_close"}
