from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.property_base.tools.phone import phone_mobile_e164 as sms_number

# the purposes of the no-login links of a visit (property.signed.link.mixin)
HOST_PURPOSE = "visit_host"
INVITATION_PURPOSE = "visit_invitation"
# the bus notification the front desk's screens listen to
HOST_ANSWER_BUS = "property_visit_host_answer"
# the longest reason a host may give from the link
HOST_NOTE_MAX = 500


class PropertyVisitHostMixin(models.AbstractModel):
    """The host's side of a visit (V02): an SMS to the resident or tenant visited, with
    a no-login link where they answer "let in" or "refuse"; the answer is stored on the
    visit (set only by the link's action, never by a client's write) and the front desk
    sees it at once. The visitor's invitation shared by SMS with a link to its QR
    page."""

    _name = "property.visit.host.mixin"
    _inherit = ["property.signed.link.mixin"]
    _description = "Visit: Host Answer"
    _signed_link_purposes = (HOST_PURPOSE, INVITATION_PURPOSE)

    host_answer = fields.Selection(
        [("none", "No Answer"), ("let_in", "Let In"), ("refused", "Refused")],
        string="Host's Answer by Link",
        default="none",
        required=True,
        copy=False,
        tracking=True,
        help="What the host answered from the link of their SMS.",
    )
    host_answer_time = fields.Datetime(
        string="Host Answered At", readonly=True, copy=False
    )
    host_answer_note = fields.Char(
        string="Host's Reason", readonly=True, copy=False, tracking=True
    )
    host_override_reason = fields.Char(
        string="Reason for Overriding the Host",
        copy=False,
        tracking=True,
        help="The host refused by the link: why the front desk lets the visitor in all "
        "the same.",
    )

    # the links the SMS templates carry (and the China provider's template
    # parameters), fresh at each message; read by the server only
    host_link_url = fields.Char(
        string="Host's Link",
        compute="_compute_link_urls",
        groups="base.group_system",
    )
    invitation_link_url = fields.Char(
        string="Invitation Link",
        compute="_compute_link_urls",
        groups="base.group_system",
    )

    def _compute_link_urls(self):
        for visit in self:
            record = visit.sudo()
            visit.host_link_url = (
                record._signed_link_url(HOST_PURPOSE) if visit.id else False
            )
            visit.invitation_link_url = (
                record._signed_link_url(INVITATION_PURPOSE) if visit.id else False
            )

    # ------------------------------------------------------------------
    # Recipients
    # ------------------------------------------------------------------
    def _host_sms_partner(self):
        """The host who receives the SMS: the household or tenant visited (else the
        unit's occupant or owner), when they have a valid phone number."""
        self.ensure_one()
        partner = (self.host_partner_id or self._walk_in_partner()).sudo()
        return partner, sms_number(partner.mobile, partner.phone)

    # ------------------------------------------------------------------
    # Sending (batched: one rendering per template, one chatter message per visit)
    # ------------------------------------------------------------------
    def _visit_sms_send(self, template_xmlid, recipients, urgent=False):
        """Post the SMS of ``template_xmlid`` on each visit of ``recipients`` (a dict
        visit id -> (partner or False, E.164 number)); the template carries the
        visit's signed link. The SMS are queued (sent by Odoo's SMS queue through
        the provider chosen in Settings, which reads their template); a failure shows
        on the visit, as every SMS of Odoo."""
        template = self.env.ref(template_xmlid, raise_if_not_found=False)
        visits = self.sudo().filtered(lambda v: v.id in recipients)
        if not template or not visits:
            return
        template = template.sudo()
        bodies = template._render_field("body", visits.ids, compute_lang=True)
        # a host asked at the gate is urgent: the SMS goes out in the night hours too
        visits = visits.with_context(
            property_sms_template_id=template.id, property_sms_urgent=urgent
        )
        for visit in visits:
            partner, number = recipients[visit.id]
            if partner:
                visit._message_sms(
                    bodies[visit.id],
                    partner_ids=partner.ids,
                    sms_pid_to_number={partner.id: number},
                    put_in_queue=True,
                )
            else:
                visit._message_sms(
                    bodies[visit.id], sms_numbers=[number], put_in_queue=True
                )

    def _notify_host(self, event):
        """V02: SMS the host of each visit that ``event`` ("registered" or "arrived")
        concerns, with the link where they answer."""
        if event == "registered":
            # a visitor the host announced (an invitation) or already answered for
            visits = self.filtered(
                lambda v: v.state == "planned" and v.contact_answer != "agreed"
            )
            template = "property_visitor.sms_template_visit_host_registered"
        else:
            visits = self.filtered(lambda v: v.state == "checked_in")
            template = "property_visitor.sms_template_visit_host_arrived"
        recipients = {}
        for visit in visits:
            partner, number = visit._host_sms_partner()
            if number:
                recipients[visit.id] = (partner, number)
        self._visit_sms_send(template, recipients, urgent=True)

    def _send_invitation_sms(self):
        """The visitor's invitation by SMS: a link to the visit's QR page (sent to the
        visitor's phone, when one was given)."""
        recipients = {}
        for visit in self.sudo().filtered(lambda v: v.state == "planned"):
            number = sms_number(visit.phone)
            if number:
                recipients[visit.id] = (False, number)
        self._visit_sms_send(
            "property_visitor.sms_template_visit_invitation", recipients
        )

    def action_send_invitation_sms(self):
        """Front desk: (re)send the invitation with the QR page to the visitor."""
        self._check_desk_user()
        self._check_state(("planned",), self.env._("sent to the visitor"))
        for visit in self:
            if not sms_number(visit.sudo().phone):
                raise UserError(
                    self.env._(
                        "Record the phone of %(visitor)s first: the invitation is sent "
                        "to it.",
                        visitor=visit.visitor_name,
                    )
                )
        self._send_invitation_sms()
        return True

    def action_notify_host(self):
        """Front desk: (re)send the host the SMS with the link to answer."""
        self._check_desk_user()
        self._check_state(("planned",), self.env._("sent to the host"))
        for visit in self:
            if not visit._host_sms_partner()[1]:
                raise UserError(
                    self.env._(
                        "The host of %(visit)s has no mobile number: contact them by "
                        "phone or intercom.",
                        visit=visit.name,
                    )
                )
        self.filtered(lambda v: v.contact_answer != "agreed")._notify_host("registered")
        return True

    # ------------------------------------------------------------------
    # The host's answer (from the link only)
    # ------------------------------------------------------------------
    def _host_answer(self, answer, note=None):
        """Record the host's ``answer`` ("let_in" or "refused") given from the link,
        with their optional reason; called by the link's page only. A "let in" is the
        host's consent (V02), recorded as contacted by message."""
        self.ensure_one()
        if answer not in ("let_in", "refused"):
            raise UserError(self.env._("Answer “let in” or “refuse”."))
        if self.state != "planned" or self.host_answer != "none":
            raise UserError(self.env._("This visit no longer waits for your answer."))
        note = (note or "").strip()[:HOST_NOTE_MAX] or False
        now = fields.Datetime.now()
        vals = {
            "host_answer": answer,
            "host_answer_time": now,
            "host_answer_note": note,
        }
        partner = self.sudo()._host_sms_partner()[0]
        if answer == "let_in" and not self.contact_answer:
            vals.update(
                {
                    "contact_person": self.host_person or partner.name,
                    "contact_method": "message",
                    "contact_time": now,
                    "contact_answer": "agreed",
                }
            )
        visit = self.sudo()
        visit._write_internal(vals)
        if answer == "let_in":
            body = self.env._("The host answered from the link: let in.")
        elif note:
            body = self.env._(
                "The host answered from the link: refuse (%(reason)s).", reason=note
            )
        else:
            body = self.env._("The host answered from the link: refuse.")
        visit.message_post(
            body=body,
            author_id=partner.id or None,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        visit._notify_desk_host_answer()
        return True

    def _notify_desk_host_answer(self):
        """The front desk sees the answer at once: a notice on the screens of the
        site's front-desk users, whose open visit list or form reloads."""
        group = self.env.ref("property_visitor.group_visitor_frontdesk")
        desk = (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("groups_id", "in", group.id),
                    ("property_site_ids", "in", self.site_id.ids),
                ]
            )
        )
        for visit in self:
            users = desk.filtered(
                lambda u, site=visit.site_id: site in u.property_site_ids
            )
            if visit.host_answer == "let_in":
                message = self.env._(
                    "%(visit)s: the host lets %(visitor)s in.",
                    visit=visit.name,
                    visitor=visit.visitor_name,
                )
            else:
                message = self.env._(
                    "%(visit)s: the host refuses %(visitor)s.",
                    visit=visit.name,
                    visitor=visit.visitor_name,
                )
            payload = {
                "visit_id": visit.id,
                "host_answer": visit.host_answer,
                "message": message,
                "type": "success" if visit.host_answer == "let_in" else "danger",
            }
            for partner in users.partner_id:
                partner._bus_send(HOST_ANSWER_BUS, payload)

    # ------------------------------------------------------------------
    # The link's pages (no login; ``self`` is the visit in sudo)
    # ------------------------------------------------------------------
    def _signed_link_page(self, purpose, token, form=None):
        if purpose == HOST_PURPOSE:
            return self._host_link_page(token, form)
        if purpose == INVITATION_PURPOSE:
            return self._invitation_link_page(token)
        return super()._signed_link_page(purpose, token, form)

    def _host_link_page(self, token, form=None):
        """The host's page: who comes, when, why; "let in" / "refuse" while the
        visit waits for the answer."""
        self.ensure_one()
        error = done = False
        if form is not None:
            answer = form.get("answer")
            try:
                self._host_answer(answer, form.get("reason"))
                done = True
            except UserError as exc:
                error = exc.args[0]
        values = self._host_page_values()
        values.update(
            {"token": token, "title": self.name, "error": error, "done": done}
        )
        return request.render("property_visitor.visit_host_link_page", values)

    def _invitation_link_page(self, token):
        """The visitor's invitation: the visit, its time window and its QR code for
        the gate."""
        self.ensure_one()
        values = self._host_page_values()
        values.update(
            {
                "token": token,
                "title": self.name,
                "qr": self._invitation_qr_data_uri(self),
                "valid": self.state == "planned",
            }
        )
        return request.render("property_visitor.visit_invitation_link_page", values)

    # ------------------------------------------------------------------
    # What the link's pages show
    # ------------------------------------------------------------------
    def _host_page_values(self):
        """The visit as the host's page shows it: the visitor's name, time and
        purpose, never their ID document or phone (V09)."""
        self.ensure_one()
        visit = self.sudo()
        tz = visit.site_id._site_tz()
        when = visit.arrival_time or visit.planned_time or visit.create_date

        def local(value):
            return (
                fields.Datetime.context_timestamp(
                    visit.with_context(tz=tz.zone), value
                ).strftime("%Y-%m-%d %H:%M")
                if value
                else ""
            )

        return {
            "visit": visit,
            "visitor_name": visit.visitor_name,
            "people_count": visit.people_count,
            "purpose": visit.purpose,
            "when": local(when),
            "unit": visit.host_unit_id.display_name or "",
            "site": visit.site_id.display_name,
            "state_label": dict(
                visit._fields["state"]._description_selection(self.env)
            )[visit.state],
            "can_answer": visit.state == "planned" and visit.host_answer == "none",
            "host_answer": visit.host_answer,
            "host_answer_label": dict(
                visit._fields["host_answer"]._description_selection(self.env)
            )[visit.host_answer],
            "host_answer_time": local(visit.host_answer_time),
        }

    @api.model
    def _invitation_qr_data_uri(self, visit):
        """The QR code of an invited visit (the gate token, when the visit has one)."""
        visit = visit.sudo()
        if "gate_qr_image" not in visit._fields or not visit.gate_qr_image:
            return ""
        image = visit.gate_qr_image
        if isinstance(image, bytes):
            image = image.decode()
        return f"data:image/png;base64,{image}"
