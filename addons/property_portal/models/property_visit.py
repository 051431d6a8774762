import base64
from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .staff import STAFF

# An invitation is the host's consent, in writing, to a visitor within a time window:
# its visitor, window and consent change only through its actions (cancel and invite
# again), never by a client's write (a field lock of property.integrity.mixin)
INVITATION_LOCKED_FIELDS = frozenset(
    {
        "site_id",
        "visitor_id",
        "visitor_name",
        "phone",
        "phone_masked",
        "vehicle_plate",
        "appointment",
        "planned_time",
        "planned_end",
        "host_unit_id",
        "host_partner_id",
        "host_person",
        "contact_person",
        "contact_method",
        "contact_time",
        "contact_answer",
        "invite_email",
    }
)
# the visitor's ID document, recorded by the front desk on arrival: filled once, then
# locked like the rest
INVITATION_ID_FIELDS = frozenset({"id_type", "id_number", "id_number_masked"})


class PropertyVisit(models.Model):
    """A visit announced ahead by a resident from the portal: planned, with a signed
    gate token shown as a QR code and sent to the visitor."""

    _name = "property.visit"
    _inherit = [
        "property.portal.staff.chatter",
        "property.visit",
        "property.gate.token.mixin",
        "portal.mixin",
    ]
    _gate_token_prefix = "V"

    planned_end = fields.Datetime(string="Expected Until", tracking=True)
    invited_by_id = fields.Many2one(
        "res.partner",
        readonly=True,
        copy=False,
        index=True,
        help="The resident or tenant contact who announced the visitor in the portal.",
    )
    invite_email = fields.Char(
        string="Visitor E-mail",
        copy=False,
        groups="property_visitor.group_visitor_frontdesk",
        help="Where the invitation with the QR code was sent.",
    )
    # V09: the visitor's ID document and phone (their own groups), the registration
    # at the desk, the staff's notes are the staff's; the resident reads who comes,
    # when, and whether they arrived
    create_uid = fields.Many2one(groups=STAFF)
    write_uid = fields.Many2one(groups=STAFF)
    visitor_id = fields.Many2one(groups=STAFF)
    id_type = fields.Selection(groups=STAFF)
    id_number_masked = fields.Char(groups=STAFF)
    phone_masked = fields.Char(groups=STAFF)
    company_name = fields.Char(groups=STAFF)
    people_count = fields.Integer(groups=STAFF)
    host_person = fields.Char(groups=STAFF)
    visit_area_id = fields.Many2one(groups=STAFF)
    area_restricted = fields.Boolean(groups=STAFF)
    approval_state = fields.Selection(groups=STAFF)
    approval_review_ids = fields.One2many(groups=STAFF)
    approval_can_review = fields.Boolean(groups=STAFF)
    area_responsible_id = fields.Many2one(groups=STAFF)
    approved_by_id = fields.Many2one(groups=STAFF)
    contact_person = fields.Char(groups=STAFF)
    contact_method = fields.Selection(groups=STAFF)
    contact_time = fields.Datetime(groups=STAFF)
    contact_answer = fields.Selection(groups=STAFF)
    host_answer = fields.Selection(groups=STAFF)
    host_answer_time = fields.Datetime(groups=STAFF)
    host_answer_note = fields.Char(groups=STAFF)
    host_override_reason = fields.Char(groups=STAFF)
    registrar_id = fields.Many2one(groups=STAFF)
    registrar_role = fields.Selection(groups=STAFF)
    checked_in_by_id = fields.Many2one(groups=STAFF)
    refusal_reason = fields.Char(groups=STAFF)
    closed_time = fields.Datetime(groups=STAFF)
    overstay = fields.Boolean(groups=STAFF)
    anonymized = fields.Boolean(groups=STAFF)
    note = fields.Text(groups=STAFF)

    @api.constrains("planned_time", "planned_end", "invited_by_id")
    def _check_planned_window(self):
        max_days = self._invitation_max_days()
        for visit in self:
            if visit.invited_by_id and not (visit.planned_time and visit.planned_end):
                raise ValidationError(self.env._("Give the time window of the visit."))
            if not (visit.planned_time and visit.planned_end):
                continue
            if visit.planned_end <= visit.planned_time:
                raise ValidationError(
                    self.env._("The end of the expected time must be after its start.")
                )
            if visit.planned_end - visit.planned_time > timedelta(days=max_days):
                raise ValidationError(
                    self.env._(
                        "A visitor is announced for at most %(days)s days.",
                        days=max_days,
                    )
                )

    def _property_field_locks(self):
        invitations = self.filtered("invited_by_id")
        return {
            **super()._property_field_locks(),
            INVITATION_LOCKED_FIELDS: invitations,
            INVITATION_ID_FIELDS: invitations.filtered("id_number"),
        }

    def _property_lock_message(self):
        if self.sudo().invited_by_id:
            return self.env._(
                "The visitor, the time window and the host's consent of an invitation "
                "cannot be changed: cancel it and invite the visitor again."
            )
        return super()._property_lock_message()

    def _compute_access_url(self):
        for visit in self:
            visit.access_url = f"/my/visits/{visit.id}"

    # ------------------------------------------------------------------
    # Gate token (scanned at the gate, property.gate.verify)
    # ------------------------------------------------------------------
    def _gate_live_status(self):
        self.ensure_one()
        if self.state in ("checked_in", "checked_out"):
            return "used"
        if self.state in ("cancelled", "refused"):
            return "revoked"
        # valid within its time window only, its start included; never open-ended
        if not (self.planned_time and self.planned_end):
            return "invalid"
        now = fields.Datetime.now()
        if now < self.planned_time:
            return "not_yet_valid"
        if self.planned_end < now:
            return "expired"
        return "valid"

    def _local_time(self, value):
        if not value:
            return ""
        tz = self.site_id._site_tz()
        return pytz.utc.localize(value).astimezone(tz).strftime("%Y-%m-%d %H:%M")

    def _portal_window(self):
        """The expected time window, in the site's time zone."""
        self.ensure_one()
        start = self._local_time(self.planned_time)
        end = self._local_time(self.planned_end)
        if start and end and start[:10] == end[:10]:
            end = end[11:]
        return f"{start} – {end}" if end else start

    def _gate_holder_details(self):
        self.ensure_one()
        items = [self.host_unit_id.display_name or "", self.vehicle_plate or ""]
        return {
            "site_id": self.site_id.id,
            "holder_name": self.visitor_name,
            "photo": False,
            "reference": self.name,
            "validity": self._portal_window(),
            "items": "\n".join(i for i in items if i),
        }

    # ------------------------------------------------------------------
    # Invitation from the portal
    # ------------------------------------------------------------------
    @api.model
    def _portal_invite(self, values):
        """Create the planned visit of a visitor invited by the current portal user
        on one of their units, and send the invitation with the QR code.

        :param values: dict with ``unit_id``, ``visitor_name``, ``phone``, ``email``,
            ``planned_time`` and ``planned_end`` (naive UTC datetimes),
            ``vehicle_plate``,
            ``purpose``"""
        user = self.env.user
        if not user._is_portal():
            raise AccessError(
                self.env._("Only residents and tenants invite from the portal.")
            )
        unit = user._property_portal_unit(values.get("unit_id"))
        name = (values.get("visitor_name") or "").strip()
        if not name:
            raise ValidationError(self.env._("Give the visitor's name."))
        phone = self.env["property.personal.data.mixin"]._property_normalize_phone(
            values.get("phone")
        )
        if not phone:
            raise ValidationError(self.env._("Give the visitor's phone number."))
        start = fields.Datetime.to_datetime(values.get("planned_time"))
        end = fields.Datetime.to_datetime(values.get("planned_end"))
        if not start or not end:
            raise ValidationError(self.env._("Give the time window of the visit."))
        if end <= start:
            raise ValidationError(
                self.env._("The end of the expected time must be after its start.")
            )
        if end <= fields.Datetime.now():
            raise ValidationError(
                self.env._("The time window of the visit is already over.")
            )
        max_days = self._invitation_max_days()
        if end - start > timedelta(days=max_days):
            raise ValidationError(
                self.env._(
                    "A visitor is announced for at most %(days)s days.", days=max_days
                )
            )
        email = (values.get("email") or "").strip()
        if email and "@" not in email:
            raise ValidationError(
                self.env._("%(email)s is not an e-mail address.", email=email)
            )
        partner = user.partner_id
        now = fields.Datetime.now()
        visit = self.sudo().create(
            {
                "site_id": unit.site_id.id,
                "visitor_name": name,
                "phone": phone,
                "vehicle_plate": (values.get("vehicle_plate") or "").strip() or False,
                "purpose": (values.get("purpose") or "").strip() or self.env._("Visit"),
                "appointment": True,
                "planned_time": start,
                "planned_end": end,
                "host_unit_id": unit.id,
                "host_partner_id": partner.id,
                "host_person": partner.name,
                "invited_by_id": partner.id,
                "invite_email": email or False,
                # V02: announcing the visitor is the host's agreement, given in writing
                "contact_person": partner.name,
                "contact_method": "message",
                "contact_time": now,
                "contact_answer": "agreed",
            }
        )
        visit.message_post(
            body=self.env._("Announced in the portal by %(name)s.", name=partner.name),
            author_id=partner.id,
            subtype_xmlid="mail.mt_note",
        )
        visit._portal_send_invitation()
        return self.browse(visit.id)

    def action_portal_cancel(self):
        """The resident who announced the visitor cancels the invitation before the
        visitor arrives; the QR code is revoked at once."""
        if not self.env.user._is_portal():
            raise AccessError(
                self.env._("Only residents and tenants cancel from the portal.")
            )
        self.check_access("read")
        for visit in self.sudo():
            if not visit.invited_by_id or visit.state != "planned":
                raise UserError(
                    self.env._(
                        "Visit %(visit)s can no longer be cancelled.", visit=visit.name
                    )
                )
        records = self.sudo()
        records._write_internal(
            {"state": "cancelled", "closed_time": fields.Datetime.now()}
        )
        for visit in records:
            visit.message_post(
                body=self.env._(
                    "Cancelled in the portal by %(name)s.", name=self.env.user.name
                ),
                author_id=self.env.user.partner_id.id,
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _portal_qr_attachment(self):
        self.ensure_one()
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{self.name}.png",
                    "datas": self.sudo().gate_qr_image,
                    "mimetype": "image/png",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )

    def _portal_send_invitation(self):
        """E-mail the invitation with the QR code to the visitor, when an address was
        given; and the SMS with the link to the visit's QR page (property_visitor)."""
        template = self.env.ref("property_portal.mail_template_visit_invitation")
        for visit in self.sudo().filtered("invite_email"):
            qr = visit._portal_qr_attachment()
            template.send_mail(
                visit.id,
                email_values={"attachment_ids": [fields.Command.link(qr.id)]},
            )
        self._send_invitation_sms()

    def _portal_qr_data_uri(self):
        self.ensure_one()
        image = self.sudo().gate_qr_image
        if not image:
            return ""
        if isinstance(image, bytes):
            image = image.decode()
        return f"data:image/png;base64,{image}"

    def _portal_qr_png(self):
        self.ensure_one()
        return base64.b64decode(self.sudo().gate_qr_image or b"")
