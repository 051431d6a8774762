from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _property_home_actions(self):
        """The front desk lands on the visitor desk, the guard on the gate."""
        return [
            *super()._property_home_actions(),
            (
                20,
                "property_visitor.group_visitor_frontdesk",
                "property_visitor.property_visit_desk_action",
            ),
            (
                30,
                "property_visitor.group_visitor_guard",
                "property_visitor.property_gate_verify_action",
            ),
        ]
