from odoo import api, fields, models
from odoo.exceptions import UserError

PORTAL_CALLBACK_FIELDS = {
    "id",
    "display_name",
    "complaint_id",
    "site_id",
    "company_id",
    "state",
    "date_due",
    "date_done",
    "method",
    "satisfaction_id",
    "is_satisfied",
    "is_dissatisfied",
    "comments",
    "second_complaint_id",
}


class PropertyComplaintCallback(models.Model):
    """The customer answers the callback (C15) in the portal; a dissatisfied answer
    opens the second complaint of C17 through the callback's own action."""

    _name = "property.complaint.callback"
    _inherit = ["property.complaint.callback", "property.portal.field.mixin"]

    method = fields.Selection(
        selection_add=[("portal", "Online (Portal)")], ondelete={"portal": "set null"}
    )

    @api.model
    def _portal_field_names(self):
        return PORTAL_CALLBACK_FIELDS

    def action_portal_answer(self, satisfaction, comments):
        """Record the customer's own answer: satisfaction level and comment, given
        online (no signature: the customer is logged in)."""
        self.ensure_one()
        self.complaint_id._portal_check_user()
        callback = self.sudo()
        if callback.state != "todo":
            raise UserError(self.env._("This callback is already answered."))
        satisfaction = satisfaction.sudo().exists()
        if not satisfaction or not satisfaction.active:
            raise UserError(self.env._("Choose how satisfied you are."))
        partner = self.env.user.partner_id
        callback.write(
            {
                "date_done": fields.Datetime.now(),
                "method": "portal",
                "caller_name": self.env._("%(name)s (online)", name=partner.name),
                "no_signature_possible": True,
                "satisfaction_id": satisfaction.id,
                "comments": (comments or "").strip() or False,
            }
        )
        callback.action_done()
        callback.complaint_id.message_post(
            body=self.env._(
                "The customer answered the callback online: %(level)s.",
                level=satisfaction.name,
            ),
            author_id=partner.id,
            subtype_xmlid="mail.mt_note",
        )
        return True
