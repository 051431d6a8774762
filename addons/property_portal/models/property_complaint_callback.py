from odoo import fields, models
from odoo.exceptions import UserError

from .staff import STAFF


class PropertyComplaintCallback(models.Model):
    """The customer answers the callback (C15) in the portal; a dissatisfied answer
    opens the second complaint of C17 through the callback's own action."""

    _name = "property.complaint.callback"
    _inherit = ["property.portal.staff.chatter", "property.complaint.callback"]

    method = fields.Selection(
        selection_add=[("portal", "Online (Portal)")], ondelete={"portal": "set null"}
    )
    # C22: who called, the exemption and the signed form are the staff's; the customer
    # reads the callback they answer (its state, due date, their answer)
    create_uid = fields.Many2one(groups=STAFF)
    create_date = fields.Datetime(groups=STAFF)
    write_uid = fields.Many2one(groups=STAFF)
    write_date = fields.Datetime(groups=STAFF)
    user_id = fields.Many2one(groups=STAFF)
    caller_name = fields.Char(groups=STAFF)
    answered_by = fields.Char(groups=STAFF)
    complainant_name = fields.Char(groups=STAFF)
    kind = fields.Selection(groups=STAFF)
    summary = fields.Char(groups=STAFF)
    unit_id = fields.Many2one(groups=STAFF)
    is_late = fields.Boolean(groups=STAFF)
    exemption_reason = fields.Selection(groups=STAFF)
    exemption_note = fields.Text(groups=STAFF)
    exempted_by_id = fields.Many2one(groups=STAFF)
    no_signature_possible = fields.Boolean(groups=STAFF)
    signature = fields.Binary(groups=STAFF)
    signed_form = fields.Binary(groups=STAFF)
    signed_form_name = fields.Char(groups=STAFF)

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
