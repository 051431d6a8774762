import pytz

from odoo import api, fields, models
from odoo.tools import email_normalize

from odoo.addons.property_base.tools.phone import phone_mobile_e164

AGENT = "property_complaint.group_complaint_agent"

# The messages to the complainant (issue #20): {event: (setting of the company, mail
# template, SMS template)}
NOTICES = {
    "receipt": (
        "property_complaint_notify_receipt",
        "property_complaint.mail_template_complaint_receipt",
        "property_complaint.sms_template_complaint_receipt",
    ),
    "dispatch": (
        "property_complaint_notify_dispatch",
        "property_complaint.mail_template_complaint_dispatch",
        "property_complaint.sms_template_complaint_dispatch",
    ),
    "result": (
        "property_complaint_notify_result",
        "property_complaint.mail_template_complaint_result",
        "property_complaint.sms_template_complaint_result",
    ),
    "callback": (
        "property_complaint_notify_callback",
        "property_complaint.mail_template_complaint_callback",
        "property_complaint.sms_template_complaint_callback",
    ),
}


class PropertyComplaintNotifyMixin(models.AbstractModel):
    """The messages to the complainant (issue #20): at registration, at dispatch, with
    the result (C14, C24) and the invitation to rate (callback), by SMS or e-mail,
    each with the complaint's no-login link. Sent by ``_notify_customer(event)``, one
    call per action for all its complaints; each event is stamped on the complaint so
    that no message goes twice."""

    _name = "property.complaint.notify.mixin"
    _description = "Complaint: Messages to the Complainant"

    notify_channel = fields.Selection(
        [("sms", "SMS"), ("email", "Email"), ("none", "No Messages")],
        string="Messages By",
        default="sms",
        groups=AGENT,
        help="How the complainant hears from the service centre: by SMS to the mobile "
        "or by e-mail (the other one when the chosen one is missing), or not at all.",
    )
    # the events already told (or passed over), so that none is told twice
    date_receipt_notified = fields.Datetime(
        string="Registration Told On", readonly=True, copy=False, groups=AGENT
    )
    notified_transfer_id = fields.Many2one(
        "property.complaint.transfer",
        string="Dispatch Told",
        readonly=True,
        copy=False,
        groups=AGENT,
    )
    date_result_notified = fields.Datetime(
        string="Result Told",
        readonly=True,
        copy=False,
        groups=AGENT,
        help="The date of the result communicated whose message was sent.",
    )
    notified_callback_id = fields.Many2one(
        "property.complaint.callback",
        string="Callback Invitation Told",
        readonly=True,
        copy=False,
        groups=AGENT,
    )
    # the words of the messages (their templates read them)
    notify_reference = fields.Char(
        string="Message: Reference", compute="_compute_notify_texts", groups=AGENT
    )
    notify_reply_deadline = fields.Char(
        string="Message: Reply By", compute="_compute_notify_texts", groups=AGENT
    )
    notify_resolution_deadline = fields.Char(
        string="Message: Resolved By", compute="_compute_notify_texts", groups=AGENT
    )
    notify_assignee = fields.Char(
        string="Message: Handled By", compute="_compute_notify_texts", groups=AGENT
    )
    notify_lang = fields.Char(
        string="Message: Language", compute="_compute_notify_lang", groups=AGENT
    )
    # the complaint's no-login page (property_base's signed links), fresh at each
    # message
    notify_link = fields.Char(
        string="Message: Link", compute="_compute_notify_link", groups=AGENT
    )

    @api.depends_context("lang")
    @api.depends(
        "name",
        "kind",
        "complaint_class",
        "date_deadline_reply",
        "date_deadline_resolution",
        "department_id",
        "handler_id",
        "site_id",
    )
    def _compute_notify_texts(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        # the glossary's words: 一类投诉, 二类投诉, 三类投诉
        classes = {
            "1": self.env._("Class 1 complaint"),
            "2": self.env._("Class 2 complaint"),
            "3": self.env._("Class 3 complaint"),
        }
        for complaint in self:
            tz = complaint.site_id._site_tz() if complaint.site_id else pytz.utc
            if complaint.kind == "complaint" and complaint.complaint_class:
                reference = self.env._(
                    "%(class)s %(number)s",
                    number=complaint.name,
                    **{"class": classes[complaint.complaint_class]},
                )
            else:
                reference = self.env._(
                    "%(kind)s %(number)s",
                    kind=kinds.get(complaint.kind),
                    number=complaint.name,
                )
            complaint.notify_reference = reference
            complaint.notify_reply_deadline = complaint._notify_local(
                complaint.date_deadline_reply, tz
            )
            complaint.notify_resolution_deadline = complaint._notify_local(
                complaint.date_deadline_resolution, tz
            )
            sudo = complaint.sudo()
            complaint.notify_assignee = " / ".join(
                name for name in (sudo.department_id.name, sudo.handler_id.name) if name
            )

    def _compute_notify_lang(self):
        """The complainant's language when active, else Chinese, else the company's
        (a language that is not active would stop the message)."""
        active = {code for code, _name in self.env["res.lang"].get_installed()}
        for complaint in self:
            sudo = complaint.sudo()
            candidates = (
                sudo.partner_id.lang,
                "zh_CN",
                sudo.company_id.partner_id.lang,
            )
            complaint.notify_lang = next(
                (lang for lang in candidates if lang in active), False
            )

    def _compute_notify_link(self):
        for complaint in self:
            complaint.notify_link = (
                complaint.sudo()._signed_link_url("complaint")
                if complaint.id
                else False
            )

    @api.model
    def _notify_local(self, value, tz):
        """``value`` (naive UTC) as the complainant reads it at the site."""
        if not value:
            return ""
        local = pytz.utc.localize(value).astimezone(tz)
        return local.strftime("%Y-%m-%d %H:%M")

    # ------------------------------------------------------------------
    # Where a message goes
    # ------------------------------------------------------------------
    def _notify_mobile(self):
        """The complainant's mobile number in E.164, or False (a landline receives
        no SMS)."""
        self.ensure_one()
        return phone_mobile_e164(self.sudo().partner_phone)

    def _notify_route(self):
        """``("sms", number)``, ``("email", address)`` or ``(False, False)``: the
        complainant's preferred channel, the other one when the preferred one is
        missing."""
        self.ensure_one()
        complaint = self.sudo()
        if complaint.notify_channel == "none":
            return False, False
        number = complaint._notify_mobile()
        email = email_normalize(complaint.partner_email or "")
        routes = [("sms", number), ("email", email)]
        if complaint.notify_channel == "email":
            routes.reverse()
        return next(((kind, to) for kind, to in routes if to), (False, False))

    # ------------------------------------------------------------------
    # The dispatcher
    # ------------------------------------------------------------------
    def _notify_pending(self, event):
        """{complaint: stamp values}: the complaints of ``self`` for which ``event`` is
        not told yet."""
        pending = {}
        for complaint in self:
            if event == "receipt" and not complaint.date_receipt_notified:
                pending[complaint] = {"date_receipt_notified": fields.Datetime.now()}
            elif event == "dispatch":
                last = complaint.transfer_ids.sorted("id")[-1:]
                if last and last != complaint.notified_transfer_id:
                    pending[complaint] = {"notified_transfer_id": last.id}
            elif event == "result":
                date = complaint.date_result_communicated
                if date and date != complaint.date_result_notified:
                    pending[complaint] = {"date_result_notified": date}
            elif event == "callback":
                callback = complaint.callback_ids.filtered(
                    lambda c: c.state == "todo"
                ).sorted("id")[-1:]
                if callback and callback != complaint.notified_callback_id:
                    pending[complaint] = {"notified_callback_id": callback.id}
        return pending

    def _notify_customer(self, event, stamped=False):
        """Tell the complainants of these complaints of ``event`` (a key of
        ``NOTICES``), in batch: one SMS or e-mail each, by their channel, logged in the
        chatter and sent by the queues (the SMS provider's, the mail queue's); the
        event is stamped, so that a second call sends nothing (``stamped``: the
        caller stamped it already, as the registration does in its values). A company
        whose setting is off, a complainant without a mobile or an e-mail: no
        message."""
        if not self or not self.env.registry.ready:
            return
        complaints = self.sudo()
        pending = (
            {complaint: {} for complaint in complaints}
            if stamped
            else complaints._notify_pending(event)
        )
        if not pending:
            return
        # the stamps first (one write per value), so that nothing is sent twice
        stamps = {}
        for complaint, stamp in pending.items():
            key = tuple(sorted(stamp.items()))
            stamps[key] = stamps.get(key, complaints.browse()) | complaint
        for key, records in stamps.items():
            if key:
                records._write_action(dict(key))
        setting, mail_xmlid, sms_xmlid = NOTICES[event]
        by_sms, by_email = {}, complaints.browse()
        for complaint in pending:
            numbers = complaint.company_id._property_numbers()
            if complaint.is_closed or not numbers[setting]:
                continue
            kind, to = complaint._notify_route()
            if kind == "sms":
                by_sms[complaint] = to
            elif kind == "email":
                by_email |= complaint
        if by_sms:
            complaints.browse([c.id for c in by_sms])._notify_send_sms(
                sms_xmlid, by_sms, urgent=event != "callback"
            )
        if by_email:
            by_email._notify_send_email(mail_xmlid)

    def _notify_send_sms(self, xmlid, numbers, urgent=False):
        """SMS from the template ``xmlid`` to ``numbers`` ({complaint: E.164}),
        queued for the SMS provider and logged in the chatter. Each SMS knows its
        template (the China provider sends the template registered for it) and, for
        a class-1 complaint when ``urgent``, goes out in the night hours too."""
        template = self.env.ref(xmlid, raise_if_not_found=False)
        if not template:
            return
        bodies = template._render_field("body", self.ids, compute_lang=True)
        for complaint in self:
            complaint.with_context(
                property_sms_template_id=template.id,
                property_sms_urgent=urgent and complaint.complaint_class == "1",
            )._message_sms(
                bodies[complaint.id],
                partner_ids=False,
                sms_numbers=[numbers[complaint]],
                author_id=complaint.company_id.partner_id.id,
                put_in_queue=True,
            )

    def _notify_send_email(self, xmlid):
        """E-mails from the template ``xmlid`` (from the company's address), logged
        in the chatter and left to the mail queue."""
        template = self.env.ref(xmlid, raise_if_not_found=False)
        if not template:
            return
        self.with_context(mail_notify_force_send=False).message_post_with_source(
            template, subtype_xmlid="mail.mt_note"
        )
