import base64

import pytz
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .staff import STAFF

PORTAL_PHOTO_LIMIT = 5
PORTAL_PHOTO_MAX_BYTES = 10 * 1024 * 1024


class PropertyComplaint(models.Model):
    """Complaints and demands in the residents' portal."""

    _name = "property.complaint"
    _inherit = ["property.portal.staff.chatter", "property.complaint", "portal.mixin"]

    # C22: the registration details, the complainant's contact data, the handling and
    # its notes are the staff's; the resident reads the matter, who handles it and
    # until when, and the result (the portal page, or their own records over RPC)
    create_uid = fields.Many2one(groups=STAFF)
    write_uid = fields.Many2one(groups=STAFF)
    color = fields.Integer(groups=STAFF)
    priority = fields.Selection(groups=STAFF)
    user_id = fields.Many2one(groups=STAFF)
    department_id = fields.Many2one(groups=STAFF)
    is_customer_service = fields.Boolean(groups=STAFF)
    # registration (C01, C02)
    complainant_name = fields.Char(groups=STAFF)
    is_anonymous = fields.Boolean(groups=STAFF)
    is_written = fields.Boolean(groups=STAFF)
    is_online = fields.Boolean(groups=STAFF)
    co_complainant_count = fields.Integer(groups=STAFF)
    # group complaints and merged duplicates (C05, issue #21)
    customer_count = fields.Integer(groups=STAFF)
    group_id = fields.Many2one(groups=STAFF)
    related_complaint_ids = fields.Many2many(groups=STAFF)
    related_complaint_count = fields.Integer(groups=STAFF)
    merged_into_id = fields.Many2one(groups=STAFF)
    merged_complaint_ids = fields.One2many(groups=STAFF)
    place_received = fields.Char(groups=STAFF)
    source_reference = fields.Char(groups=STAFF)
    complained_about = fields.Char(groups=STAFF)
    complained_department_id = fields.Many2one(groups=STAFF)
    customer_request = fields.Text(groups=STAFF)
    date_matter_arose = fields.Date(groups=STAFF)
    demand_type = fields.Selection(groups=STAFF)
    # validity, class and the facts behind it (C03, C05-C07)
    validity = fields.Selection(groups=STAFF)
    # the resident answers the result from the link of the messages (no-login page)
    date_result_confirmed = fields.Datetime(groups=STAFF)
    date_result_disputed = fields.Datetime(groups=STAFF)
    result_dispute_reason = fields.Text(groups=STAFF)
    validity_reason = fields.Text(groups=STAFF)
    customer_explanation = fields.Text(groups=STAFF)
    complaint_class = fields.Selection(groups=STAFF)
    computed_class = fields.Selection(groups=STAFF)
    class_override = fields.Selection(groups=STAFF)
    class_override_reason = fields.Text(groups=STAFF)
    fact_government = fields.Boolean(groups=STAFF)
    fact_injury_loss = fields.Boolean(groups=STAFF)
    fact_lawsuit = fields.Boolean(groups=STAFF)
    fact_legal_claim = fields.Boolean(groups=STAFF)
    fact_media = fields.Boolean(groups=STAFF)
    fact_reputation = fields.Boolean(groups=STAFF)
    fact_second_complaint = fields.Boolean(groups=STAFF)
    fact_service_level = fields.Boolean(groups=STAFF)
    fact_staff_conduct = fields.Boolean(groups=STAFF)
    fact_unresolved_month = fields.Boolean(groups=STAFF)
    # the internal deadlines and their stamps (C08, C09, C13)
    date_deadline_response = fields.Datetime(groups=STAFF)
    date_deadline_reply = fields.Datetime(groups=STAFF)
    date_deadline_solution = fields.Datetime(groups=STAFF)
    date_deadline_investigation = fields.Datetime(groups=STAFF)
    date_deadline_next = fields.Datetime(groups=STAFF)
    deadline_state = fields.Selection(groups=STAFF)
    is_due_today = fields.Boolean(groups=STAFF)
    is_late = fields.Boolean(groups=STAFF)
    lateness_color = fields.Integer(groups=STAFF)
    date_customer_contacted = fields.Datetime(groups=STAFF)
    date_replied = fields.Datetime(groups=STAFF)
    date_investigated = fields.Datetime(groups=STAFF)
    date_solution_proposed = fields.Datetime(groups=STAFF)
    date_solution_started = fields.Datetime(groups=STAFF)
    date_class1_notified = fields.Datetime(groups=STAFF)
    date_escalated = fields.Datetime(groups=STAFF)
    is_escalated = fields.Boolean(groups=STAFF)
    escalation_ids = fields.One2many(groups=STAFF)
    # handling (C10-C12, C19, C27, C28)
    transfer_ids = fields.One2many(groups=STAFF)
    transfer_count = fields.Integer(groups=STAFF)
    investigation = fields.Html(groups=STAFF)
    cause_analysis = fields.Text(groups=STAFF)
    proposed_solution = fields.Text(groups=STAFF)
    resolution = fields.Html(groups=STAFF)
    resolution_extra_days = fields.Integer(groups=STAFF)
    needs_review = fields.Boolean(groups=STAFF)
    is_solution_reviewed = fields.Boolean(groups=STAFF)
    review_ids = fields.One2many(groups=STAFF)
    suspension_state = fields.Selection(groups=STAFF)
    suspension_cause = fields.Selection(groups=STAFF)
    suspension_reason = fields.Text(groups=STAFF)
    suspension_amount = fields.Monetary(groups=STAFF)
    suspension_currency_id = fields.Many2one(groups=STAFF)
    date_suspended = fields.Datetime(groups=STAFF)
    responsible_department_id = fields.Many2one(groups=STAFF)
    responsible_employee_ids = fields.Many2many(groups=STAFF)
    responsible_user_id = fields.Many2one(groups=STAFF)
    staff_at_fault = fields.Boolean(groups=STAFF)
    date_department_notified = fields.Datetime(groups=STAFF)
    date_department_answer = fields.Datetime(groups=STAFF)
    department_answer_facts = fields.Text(groups=STAFF)
    department_answer_measures = fields.Text(groups=STAFF)
    department_answer_user_id = fields.Many2one(groups=STAFF)
    is_survey_comment = fields.Boolean(groups=STAFF)
    survey_answer_deadline = fields.Datetime(groups=STAFF)
    survey_callback_deadline = fields.Date(groups=STAFF)
    survey_forward_deadline = fields.Datetime(groups=STAFF)
    # result, callback, statistics (C14-C17, C20, C25)
    result_method = fields.Selection(groups=STAFF)
    result_user_id = fields.Many2one(groups=STAFF)
    is_callback_satisfied = fields.Boolean(groups=STAFF)
    second_complaint_ids = fields.One2many(groups=STAFF)
    is_typical_case = fields.Boolean(groups=STAFF)
    case_analysis = fields.Html(groups=STAFF)
    publication_topic = fields.Selection(groups=STAFF)

    portal_result_state = fields.Selection(
        [
            ("confirmed", "Confirmed by the Customer"),
            ("disputed", "Disputed by the Customer"),
        ],
        string="Result (Customer Online)",
        readonly=True,
        copy=False,
        tracking=True,
        help="The customer's answer to the result, given in the portal.",
    )
    portal_result_date = fields.Datetime(
        string="Answered Online On", readonly=True, copy=False
    )
    portal_dispute_reason = fields.Text(
        string="Why the Customer Disputes", readonly=True, copy=False
    )

    def _compute_access_url(self):
        for complaint in self:
            complaint.access_url = f"/my/complaints/{complaint.id}"

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
            raise AccessError(
                self.env._("Only residents and tenants answer in the portal.")
            )
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
        channel = self.env.ref(
            "property_complaint.channel_online", raise_if_not_found=False
        )
        if not channel:
            channel = (
                self.env["property.complaint.channel"]
                .sudo()
                .search([("is_online", "=", True)], limit=1)
            )
        if not channel:
            raise UserError(
                self.env._("No online channel is configured for complaints.")
            )
        return channel

    @api.model
    def _portal_request_types(self):
        """What a resident can report, in their words, with the kind and the type of
        demand it is registered as: a repair request first (the default)."""
        return [
            ("repair", self.env._("Repair"), "demand", "request"),
            ("inquiry", self.env._("Question"), "demand", "inquiry"),
            ("suggestion", self.env._("Suggestion"), "demand", "suggestion"),
            ("complaint", self.env._("Complaint"), "complaint", False),
        ]

    @api.model
    def _portal_request_type(self, values):
        """(kind, demand type) of what the resident chose: ``request_type`` (repair,
        inquiry, suggestion, complaint), or the older ``kind``; a repair request when
        nothing valid is given."""
        types = {
            code: (kind, demand)
            for code, _label, kind, demand in self._portal_request_types()
        }
        chosen = values.get("request_type")
        if chosen in types:
            return types[chosen]
        if values.get("kind") == "complaint":
            return types["complaint"]
        return types["repair"]

    def _portal_request_label(self):
        """What the resident reported, in the words of the form they chose it on."""
        self.ensure_one()
        complaint = self.sudo()
        for _code, label, kind, demand in self._portal_request_types():
            if complaint.kind == kind and (
                kind == "complaint" or complaint.demand_type == demand
            ):
                return label
        return self.env._("Request or Question")

    def _portal_status(self):
        """The status shown to the resident: the stage, except that a complaint
        waiting for its callback reads as answered once the callback is recorded."""
        self.ensure_one()
        complaint = self.sudo()
        if complaint.state == "callback" and complaint.callback_state in (
            "done",
            "exempted",
        ):
            return self.env._("Callback Answered")
        return complaint.stage_id.name

    @api.model
    def _portal_create(self, values, photos=()):
        """Register a complaint or demand submitted by the current portal user on one
        of their units (channel online, C01/C27), with their photos as evidence.

        :param values: dict with ``unit_id``, ``request_type`` (or ``kind``),
            ``summary``, ``description``
        :param photos: list of (file name, mimetype, bytes)
        """
        user = self.env.user
        if not user._is_portal():
            raise AccessError(
                self.env._("Only residents and tenants submit from the portal.")
            )
        unit = user._property_portal_unit(values.get("unit_id"))
        summary = (values.get("summary") or "").strip()
        if not summary:
            raise ValidationError(self.env._("Say in a few words what the matter is."))
        kind, demand_type = self._portal_request_type(values)
        photos = [p for p in photos if p[2]]
        if len(photos) > PORTAL_PHOTO_LIMIT:
            raise ValidationError(
                self.env._("Attach at most %(count)s photos.", count=PORTAL_PHOTO_LIMIT)
            )
        for filename, mimetype, content in photos:
            if not (mimetype or "").startswith("image/"):
                raise ValidationError(
                    self.env._("%(file)s is not a photo.", file=filename or "?")
                )
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
            "demand_type": demand_type,
            "summary": summary,
            "description": Markup("<p>%s</p>")
            % escape(description).replace("\n", Markup("<br/>"))
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
                {
                    "evidence_attachment_ids": [
                        fields.Command.link(a.id) for a in attachments
                    ]
                }
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
            {
                "portal_result_state": "confirmed",
                "portal_result_date": fields.Datetime.now(),
            }
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
            body = self.env._(
                "The customer disputes the result online: %(reason)s", reason=reason
            )
            complaint.message_post(
                body=body,
                author_id=self.env.user.partner_id.id,
                subtype_xmlid="mail.mt_note",
            )
        # the supervisors' to-dos
        records._activity_update()
        return True

    # ------------------------------------------------------------------
    # The to-dos of the complaint (see property_complaint's activity.py)
    # ------------------------------------------------------------------
    def _activity_kinds(self):
        # the supervisors (or the manager), while a result disputed online is open
        return dict(
            super()._activity_kinds(),
            dispute=("property_portal.mail_activity_type_complaint_dispute", True),
        )

    def _activity_may_have_todos(self):
        return super()._activity_may_have_todos() or any(
            complaint.portal_result_state == "disputed" for complaint in self
        )

    def _activity_wanted(self):
        wanted = super()._activity_wanted()
        for complaint in self.filtered(
            lambda c: c.portal_result_state == "disputed" and not c.is_closed
        ):
            summary = self.env._(
                "Result of %(number)s disputed by the customer", number=complaint.name
            )
            site = complaint.site_id
            for supervisor in site.supervisor_ids or site.manager_id:
                wanted.append(
                    (
                        complaint,
                        "dispute",
                        supervisor,
                        {"summary": summary, "note": complaint.portal_dispute_reason},
                    )
                )
        return wanted

    def _activity_obsolete(self, kind, activity):
        if kind == "dispute":
            return "done" if self.is_closed else "unlink"
        return super()._activity_obsolete(kind, activity)
