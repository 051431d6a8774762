from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _property_home_actions(self):
        """Assessors (the trainers) land on this month's assessments."""
        return [
            *super()._property_home_actions(),
            (
                50,
                "property_staff_kpi.group_kpi_assessor",
                "property_staff_kpi.property_kpi_assessment_action_month",
            ),
        ]
