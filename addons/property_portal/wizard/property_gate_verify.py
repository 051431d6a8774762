from odoo import api, fields, models

from odoo.addons.property_visitor.models.property_gate_log import (
    GATE_RESULTS_WITH_DETAILS,
)


class PropertyGateVerify(models.TransientModel):
    """The gate also reads the QR code of a visitor invited ahead from the portal."""

    _inherit = "property.gate.verify"

    visit_id = fields.Many2one("property.visit", string="Planned Visit", readonly=True)

    @api.model
    def _gate_number_models(self):
        # the visit's printed number (FK…) may be typed too
        return [*super()._gate_number_models(), "property.visit"]

    @api.model
    def _verify_token(self, token):
        result, record = super()._verify_token(token)
        if record is not None:
            return result, record
        parsed = self.env["property.gate.token.mixin"]._gate_parse(token)
        if not parsed or parsed[0] != self.env["property.visit"]._gate_token_prefix:
            return result, record
        visit = (
            self.env["property.visit"]
            .sudo()
            .search([("token_key", "=", parsed[1])], limit=1)
        )
        if not visit:
            return "invalid", None
        return visit._gate_status(), visit

    def action_verify(self):
        res = super().action_verify()
        for wizard in self:
            result, record = self._verify_token((wizard.token or "").strip())
            visit = (
                record
                if record is not None and record._name == "property.visit"
                else False
            )
            # nothing of a visit that is not valid here and now
            wizard.visit_id = visit and result in GATE_RESULTS_WITH_DETAILS and visit.id
        return res

    def action_clear(self):
        self.visit_id = False
        return super().action_clear()

    def action_open_visit(self):
        """Open the planned visit to check the visitor in (the same record, no new
        registration)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.visit",
            "res_id": self.visit_id.id,
            "view_mode": "form",
            "target": "current",
        }
