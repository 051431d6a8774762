from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _property_home_actions(self):
        """Supervisors and managers land on the overview, agents on the open
        register, handlers on the complaints dispatched to them."""
        return [
            *super()._property_home_actions(),
            (
                10,
                "property_complaint.group_complaint_supervisor",
                "property_complaint.property_complaint_action_overview",
            ),
            (
                40,
                "property_complaint.group_complaint_agent",
                "property_complaint.property_complaint_action_register",
            ),
            (
                60,
                "property_complaint.group_complaint_handler",
                "property_complaint.property_complaint_action_my_work",
            ),
        ]
