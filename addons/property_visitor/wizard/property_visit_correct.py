from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.property_personal_data_mixin import ID_TYPES

CORRECTABLE = (
    "visitor_name",
    "company_name",
    "people_count",
    "vehicle_plate",
    "purpose",
    "host_person",
    "id_type",
)


class PropertyVisitCorrect(models.TransientModel):
    """Correct a registration after check-in: the changes are tracked on the visit with
    the reason, never overwritten silently (V01)."""

    _name = "property.visit.correct"
    _description = "Correct a Visit Registration"
    _inherit = ["property.input.mixin"]

    visit_id = fields.Many2one("property.visit", required=True, ondelete="cascade")
    reason = fields.Text(required=True)
    visitor_name = fields.Char(string="Visitor")
    company_name = fields.Char(string="Company")
    people_count = fields.Integer(string="Number of People")
    vehicle_plate = fields.Char()
    purpose = fields.Char()
    host_person = fields.Char(string="Person Visited")
    id_type = fields.Selection(ID_TYPES, string="ID Document")
    id_number_new = fields.Char(
        string="New ID Number", help="Leave empty to keep the registered number."
    )
    phone_new = fields.Char(
        string="New Phone", help="Leave empty to keep the registered phone."
    )

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        visit = self.env["property.visit"].browse(res.get("visit_id"))
        if visit:
            for name in CORRECTABLE:
                res.setdefault(name, visit[name])
        return res

    def action_apply(self):
        self.ensure_one()
        visit = self.visit_id
        if not self.env.user.has_group("property_visitor.group_visitor_frontdesk"):
            raise UserError(self.env._("Only the front desk corrects registrations."))
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason for the correction."))
        vals = {name: self[name] for name in CORRECTABLE if self[name] != visit[name]}
        if self.id_number_new:
            vals["id_number_masked"] = self.id_number_new
        if self.phone_new:
            vals["phone_masked"] = self.phone_new
        if not vals:
            raise UserError(self.env._("Nothing was changed."))
        visit._write_internal(vals)
        labels = ", ".join(
            visit._fields[name].get_description(self.env)["string"] for name in vals
        )
        visit.message_post(
            body=self.env._(
                "Registration corrected (%(fields)s). Reason: %(reason)s",
                fields=labels,
                reason=self.reason,
            )
        )
        return {"type": "ir.actions.act_window_close"}
