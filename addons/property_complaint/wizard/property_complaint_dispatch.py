from odoo import api, fields, models
from odoo.exceptions import AccessError


class PropertyComplaintDispatch(models.TransientModel):
    """Dispatch (派单) or transfer (转派) a complaint to a department and a handler (C11)."""

    _name = "property.complaint.dispatch"
    _description = "Dispatch a Complaint"
    _inherit = ["property.input.mixin"]

    complaint_id = fields.Many2one("property.complaint", required=True, ondelete="cascade")
    current_department_id = fields.Many2one(
        related="complaint_id.department_id", string="Current Department"
    )
    current_handler_id = fields.Many2one(
        related="complaint_id.handler_id", string="Current Handler"
    )
    is_transfer = fields.Boolean(compute="_compute_is_transfer")
    department_id = fields.Many2one("hr.department")
    handler_id = fields.Many2one(
        "res.users",
        domain=lambda self: [
            ("share", "=", False),
            ("groups_id", "in", self.env.ref("property_complaint.group_complaint_handler").ids),
        ],
    )
    reason = fields.Text(help="Required when the complaint is already dispatched.")

    @api.depends("complaint_id")
    def _compute_is_transfer(self):
        for wizard in self:
            wizard.is_transfer = bool(
                wizard.complaint_id.department_id or wizard.complaint_id.handler_id
            )

    @api.onchange("department_id")
    def _onchange_department_id(self):
        manager_user = self.department_id.manager_id.user_id
        if self.department_id and not self.handler_id and manager_user:
            self.handler_id = manager_user

    def action_confirm(self):
        self.ensure_one()
        complaint = self.complaint_id
        user = self.env.user
        if not (
            user.has_group("property_complaint.group_complaint_agent")
            or complaint.handler_id == user
        ):
            raise AccessError(
                self.env._("Only customer service or the current handler can dispatch a complaint.")
            )
        complaint._dispatch(self.department_id, self.handler_id, self.reason)
        return {"type": "ir.actions.act_window_close"}
