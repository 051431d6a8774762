from odoo import models
from odoo.exceptions import UserError


class PropertyVisitCorrect(models.TransientModel):
    """A correction fixes a registration after check-in; an invitation still waiting for
    its visitor is the host's consent to that visitor and is not corrected."""

    _inherit = "property.visit.correct"

    def action_apply(self):
        for wizard in self:
            visit = wizard.visit_id.sudo()
            if visit.invited_by_id and visit.state == "planned":
                raise UserError(
                    self.env._(
                        "The visitor, the time window and the host's consent of an "
                        "invitation cannot be changed: cancel it and invite the "
                        "visitor again."
                    )
                )
        return super().action_apply()
