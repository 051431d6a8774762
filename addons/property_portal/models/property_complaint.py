import base64

import pytz
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# Fields of a complaint a resident reads from the portal (and through the ORM); the
# registration details, the handling notes and the complainant's contact data stay
# with the staff.
PORTAL_COMPLAINT_FIELDS = {
    "id",
    "display_name",
    "name",
    "summary",
    "description",
    "kind",
    "site_id",
    "company_id",
    "unit_id",
    "tenant_company_id",
    "channel_id",
    "category_id",
    "stage_id",
    "stage_role",
    "is_closed",
    "active",
    "date_received",
    "date_accepted",
    "handler_id",
    "date_deadline_resolution",
    "date_resolved",
    "result_summary",
    "result_solution",
    "result_prevention",
    "date_result_communicated",
    "date_closed",
    "callback_state",
    "is_second_complaint",
    "parent_complaint_id",
    "evidence_attachment_ids",
    "portal_result_state",
    "portal_result_date",
    "portal_dispute_reason",
    "create_date",
    "write_date",
}
PORTAL_PHOTO_LIMIT = 5
PORTAL_PHOTO_MAX_BYTES = 10 * 1024 * 1024


class PropertyComplaint(models.Model):
    """Complaints and demands in the residents' portal."""

    _name = "property.complaint"
    _inherit = ["property.complaint", "property.portal.field.mixin"]

    portal_result_state = fields.Selection(
        [("confirmed", "Confirmed by the Customer"), ("disputed", "Disputed by the Customer")],
        string="Result (Customer Online)",
        readonly=True,
        copy=False,
        tracking=True,
        help="The customer's answer to the result, given in the portal.",
    )
    portal_result_date = fields.Datetime(string="Answered Online On", readonly=True, copy=False)
    portal_dispute_reason = fields.Text(
        string="Why the Customer Disputes", readonly=True, copy=False
    )

    @api.model
    def _portal_field_names(self):
        return PORTAL_COMPLAINT_FIELDS

    def _action_only_fields(self):
        return super()._action_only_fields() | {
            "portal_result_state",
            "portal_result_date",
            "portal_dispute_reason",
        }

    # ------------------------------------------------------------------
    # Helpers for the portal pages
    # ------------------------------------------------------------------
    def _portal_local_time(self, field_name):
        """A datetime field in the site's time zone, as shown to the resident."""
        self.ensure_one()
        value = self[field_name]
        if not value:
            return ""
        tz = self.site_id._site_tz()
        return pytz.utc.localize(value).astimezone(tz).strftime("%Y-%m-%d %H:%M")

    def _portal_check_user(self):
        """The current user is a portal user who may read these complaints."""
        if not self.env.user._is_portal():
            raise AccessError(self.env._("Only residents and tenants answer in the portal."))
        self.check_access("read")

    def _portal_can_answer_result(self):
        self.ensure_one()
        record = self.sudo()
        return bool(record.date_result_communicated) and not record.portal_result_state

    def _portal_open_callback(self):
        self.ensure_one()
        return self.sudo().callback_ids.filtered(lambda c: c.state == "todo")[:1]

    # ------------------------------------------------------------------
    # Submission
    # ------------------------------------------------------------------
    @api.model
    def _portal_channel(self):
        channel = self.env.ref("property_complaint.channel_online", raise_if_not_found=False)
        if not channel:
            channel = (
                self.env["property.complaint.channel"]
                .sudo()
                .search([("is_online", "=", True)], limit=1)
            )
        if not channel:
            raise UserError(self.env._("No online channel is configured for complaints."))
        return channel

    @api.model
    def _portal_create(self, values, photos=()):
        """Register a complaint or demand submitted by the current portal user on one
        of their units (channel online, C01/C27), with their photos as evidence.

        :param values: dict with ``unit_id``, ``kind``, ``summary``, ``description``
        :param photos: list of (file name, mimetype, bytes)
        """
        user = self.env.user
        if not user._is_portal():
            raise AccessError(self.env._("Only residents and tenants submit from the portal."))
        unit = user._property_portal_unit(values.get("unit_id"))
        summary = (values.get("summary") or "").strip()
        if not summary:
            raise ValidationError(self.env._("Say in a few words what the matter is."))
        kind = values.get("kind") if values.get("kind") in ("complaint", "demand") else "complaint"
        photos = [p for p in photos if p[2]]
        if len(photos) > PORTAL_PHOTO_LIMIT:
            raise ValidationError(
                self.env._("Attach at most %(count)s photos.", count=PORTAL_PHOTO_LIMIT)
            )
        for filename, mimetype, content in photos:
            if not (mimetype or "").startswith("image/"):
                raise ValidationError(self.env._("%(file)s is not a photo.", file=filename or "?"))
            if len(content) > PORTAL_PHOTO_MAX_BYTES:
                raise ValidationError(
                    self.env._("%(file)s is larger than 10 MB.", file=filename or "?")
                )
        partner = user.partner_id
        company = partner.commercial_partner_id
        description = (values.get("description") or "").strip()
        vals = {
            "site_id": unit.site_id.id,
            "unit_id": unit.id,
            "kind": kind,
            "summary": summary,
            "description": Markup("<p>%s</p>") % escape(description).replace("\n", Markup("<br/>"))
            if description
            else False,
            "channel_id": self._portal_channel().id,
            "partner_id": partner.id,
            "complainant_name": partner.name,
            "tenant_company_id": company.id if company.is_company else False,
            "is_written": True,
            "user_id": False,
            "date_received": fields.Datetime.now(),
        }
        complaint = self.sudo().with_context(mail_create_nosubscribe=True).create(vals)
        if photos:
            attachments = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    [
                        {
                            "name": filename or "photo",
                            "datas": base64.b64encode(content),
                            "mimetype": mimetype,
                            "res_model": complaint._name,
                            "res_id": complaint.id,
                        }
                        for filename, mimetype, content in photos
                    ]
                )
            )
            attachments.generate_access_token()
            complaint.write(
                {"evidence_attachment_ids": [fields.Command.link(a.id) for a in attachments]}
            )
        complaint.message_post(
            body=self.env._("Submitted online by %(name)s.", name=partner.name),
            author_id=partner.id,
            subtype_xmlid="mail.mt_note",
        )
        return self.browse(complaint.id)

    # ------------------------------------------------------------------
    # The customer's answer to the result (C14)
    # ------------------------------------------------------------------
    def action_portal_confirm_result(self):
        """The customer confirms the result communicated to them."""
        self._portal_check_user()
        for complaint in self:
            if not complaint._portal_can_answer_result():
                raise UserError(
                    self.env._(
                        "Complaint %(number)s has no result waiting for your answer.",
                        number=complaint.sudo().name,
                    )
                )
        records = self.sudo()
        records._write_action(
            {"portal_result_state": "confirmed", "portal_result_date": fields.Datetime.now()}
        )
        for complaint in records:
            complaint.message_post(
                body=self.env._("The customer confirmed the result online."),
                author_id=self.env.user.partner_id.id,
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_portal_dispute_result(self, reason):
        """The customer disputes the result: the complaint is flagged for the site's
        supervisors, who reopen or follow it up (an activity each)."""
        self._portal_check_user()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Say why you do not agree with the result."))
        for complaint in self:
            if not complaint._portal_can_answer_result():
                raise UserError(
                    self.env._(
                        "Complaint %(number)s has no result waiting for your answer.",
                        number=complaint.sudo().name,
                    )
                )
        records = self.sudo()
        records._write_action(
            {
                "portal_result_state": "disputed",
                "portal_result_date": fields.Datetime.now(),
                "portal_dispute_reason": reason,
                "priority": "1",
            }
        )
        for complaint in records:
            body = self.env._("The customer disputes the result online: %(reason)s", reason=reason)
            complaint.message_post(
                body=body, author_id=self.env.user.partner_id.id, subtype_xmlid="mail.mt_note"
            )
            supervisors = complaint.site_id.supervisor_ids or complaint.site_id.manager_id
            for supervisor in supervisors:
                complaint.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=supervisor.id,
                    summary=self.env._(
                        "Result of %(number)s disputed by the customer", number=complaint.name
                    ),
                    note=reason,
                )
        return True
