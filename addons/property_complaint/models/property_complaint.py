from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumValidationError

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import is_html_empty, parse_contact_from_email

from odoo.addons.property_base.tools import INTERNAL, is_internal
from odoo.addons.property_base.tools.phone import normalize_phone

CLASS_SELECTION = [
    ("1", "Class 1 (Major)"),
    ("2", "Class 2 (Important)"),
    ("3", "Class 3 (Ordinary)"),
]

# Settings of the register (ir.config_parameter property_complaint.<key>) and their
# defaults from RULES.md.
PARAM_DEFAULTS = {
    "group_threshold": 5,
    "unresolved_months": 1,
    "response_hours": 1,
    "reply_hours": 24,
    "solution_days": 3,
    "days_class1": 1,
    "days_class2": 3,
    "days_class3": 5,
    "days_demand": 5,
    "days_escalated": 15,
    "suspension_amount": 5000.0,
    "suspension_approval": False,
    "callback_days_class1": 7,
    "callback_days_other": 14,
    "survey_forward_days": 2,
    "survey_answer_days": 3,
    "survey_callback_days": 14,
    # dates of a complaint (ours): received at most this many minutes in the future
    # (clocks differ), the matter arisen at most this many years before
    "received_future_minutes": 10,
    "matter_arose_max_years": 10,
}

DEADLINE_FIELDS = (
    "date_deadline_response",
    "date_deadline_reply",
    "date_deadline_solution",
    "date_deadline_investigation",
    "date_deadline_resolution",
    "date_deadline_next",
)


class PropertyComplaint(models.Model):
    """A complaint or demand (投诉/需求) in the register of the customer-service centre."""

    _name = "property.complaint"
    _description = "Complaint or Demand"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.integrity.mixin"]
    _order = "date_received desc, id desc"
    # the suite's integrity rules (property_base/models/property_integrity_mixin.py)
    _internal_flag = "property_complaint_action"
    _property_keep = True
    _property_archive_group = "property_complaint.group_complaint_manager"
    # the registration may already dispatch the complaint (see create)
    _property_create_fields = frozenset({"department_id", "handler_id"})
    _rec_names_search = ["name", "summary", "complainant_name"]
    _check_company_auto = True

    # ------------------------------------------------------------------
    # Register (C01, C02)
    # ------------------------------------------------------------------
    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        index="trigram",
        default=lambda self: self.env._("New"),
        help="Unique number of the register, printed on every form of this record.",
    )
    summary = fields.Char(
        string="Nature / Summary",
        required=True,
        tracking=True,
        help="Nature of the complaint or a short summary (投诉性质/内容摘要).",
    )
    description = fields.Html()
    active = fields.Boolean(default=True, tracking=True)
    site_id = fields.Many2one(
        "property.site",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        default=lambda self: self.env.user.property_site_ids[:1],
    )
    company_id = fields.Many2one(related="site_id.company_id", store=True, index=True)
    kind = fields.Selection(
        [("complaint", "Complaint"), ("demand", "Demand")],
        required=True,
        default="complaint",
        tracking=True,
        help="Complaint: the company failed its service obligations. Demand: inquiry, "
        "request, suggestion, paid special service, or dissatisfaction not caused by "
        "the company, including complaints judged invalid.",
    )
    demand_type = fields.Selection(
        [
            ("inquiry", "Inquiry"),
            ("request", "Request"),
            ("suggestion", "Suggestion"),
            ("special_service", "Paid Special Service"),
            ("not_company", "Not Caused by the Company"),
            ("invalid_complaint", "Invalid Complaint"),
        ],
        tracking=True,
    )
    channel_id = fields.Many2one(
        "property.complaint.channel",
        required=True,
        tracking=True,
        default=lambda self: self.env.ref(
            "property_complaint.channel_phone", raise_if_not_found=False
        ),
    )
    is_online = fields.Boolean(related="channel_id.is_online", store=True)
    category_id = fields.Many2one("property.complaint.category", tracking=True, index=True)
    stage_id = fields.Many2one(
        "property.complaint.stage",
        required=True,
        index=True,
        tracking=True,
        copy=False,
        ondelete="restrict",
        group_expand="_read_group_stage_ids",
        default=lambda self: self._stage_for_role("new"),
    )
    stage_role = fields.Selection(related="stage_id.role")
    is_closed = fields.Boolean(related="stage_id.is_closed", store=True, index=True)
    priority = fields.Selection([("0", "Normal"), ("1", "Urgent")], default="0")
    color = fields.Integer()
    user_id = fields.Many2one(
        "res.users",
        string="Registered By",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    date_received = fields.Datetime(
        string="Received On",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
        index=True,
    )
    place_received = fields.Char(string="Received At", help="Where the complaint was received.")
    date_accepted = fields.Datetime(string="Accepted On", readonly=True, copy=False)
    source_reference = fields.Char(
        string="Original Document No.",
        help="Number written on the original letter, fax, phone note or meeting record.",
    )

    # Complainant
    partner_id = fields.Many2one(
        "res.partner",
        string="Complainant",
        tracking=True,
        index=True,
        groups="property_complaint.group_complaint_agent",
        help="The customer's contact, with their phone and address: confidential.",
    )
    complainant_name = fields.Char(help="Name given by the customer, also when not a contact yet.")
    partner_phone = fields.Char(
        string="Phone",
        groups="property_complaint.group_complaint_agent",
        help="Normalised to the international format; confidential.",
    )
    partner_email = fields.Char(string="Email", groups="property_complaint.group_complaint_agent")
    id_number = fields.Char(
        string="ID Number",
        groups="property_complaint.group_complaint_agent",
        help="Resident identity card number (居民身份证号码), when given; confidential.",
    )
    unit_id = fields.Many2one(
        "property.unit",
        index=True,
        tracking=True,
        domain="[('site_id', '=', site_id)]",
    )
    tenant_company_id = fields.Many2one(
        "res.partner",
        domain="[('is_company', '=', True)]",
        index=True,
    )
    is_anonymous = fields.Boolean(string="Anonymous")
    is_written = fields.Boolean(string="Written Complaint")
    co_complainant_count = fields.Integer(
        string="Co-complainants", help="Number of other customers joining this complaint."
    )
    complained_about = fields.Char(help="Person or service complained about (投诉对象).")
    complained_department_id = fields.Many2one(
        "hr.department", string="Department Complained About", tracking=True
    )
    customer_request = fields.Text(string="Customer's Request", help="投诉要求")
    evidence_attachment_ids = fields.Many2many(
        "ir.attachment",
        "property_complaint_evidence_rel",
        "complaint_id",
        "attachment_id",
        string="Evidence",
    )

    # ------------------------------------------------------------------
    # Verdict (C03)
    # ------------------------------------------------------------------
    validity = fields.Selection(
        [("pending", "To Verify"), ("valid", "Valid"), ("invalid", "Invalid")],
        required=True,
        default="pending",
        tracking=True,
        readonly=True,
        copy=False,
    )
    validity_reason = fields.Text(string="Verdict Reason")
    customer_explanation = fields.Text(
        string="Explanation to the Customer",
        help="Why the complaint is not valid, as explained to the customer.",
    )

    # ------------------------------------------------------------------
    # Dispatch (C11)
    # ------------------------------------------------------------------
    department_id = fields.Many2one(
        "hr.department",
        string="Handling Department",
        tracking=True,
        readonly=True,
        copy=False,
        index=True,
    )
    handler_id = fields.Many2one("res.users", tracking=True, readonly=True, copy=False, index=True)
    transfer_ids = fields.One2many(
        "property.complaint.transfer", "complaint_id", string="Dispatches", readonly=True
    )
    transfer_count = fields.Integer(compute="_compute_transfer_count")
    is_customer_service = fields.Boolean(
        compute="_compute_is_customer_service",
        help="Whether the current user may edit the registration (customer service).",
    )

    # ------------------------------------------------------------------
    # Resolution and result to the customer (C14, C24)
    # ------------------------------------------------------------------
    resolution = fields.Html(help="Investigation, cause and what was done.")
    date_resolved = fields.Datetime(string="Resolved On", readonly=True, copy=False)
    result_summary = fields.Text(string="Result", help="The result, as told to the customer.")
    result_solution = fields.Text(string="Solution")
    result_prevention = fields.Text(
        string="Recurrence Prevention", help="How a recurrence will be avoided."
    )
    result_method = fields.Selection(
        [
            ("phone", "Phone"),
            ("visit", "Visit"),
            ("letter", "Letter"),
            ("sms", "SMS"),
            ("email", "Email"),
            ("online", "Online / App / WeChat"),
        ],
        string="Communicated By",
    )
    date_result_communicated = fields.Datetime(
        string="Result Communicated On", readonly=True, copy=False, tracking=True
    )
    result_user_id = fields.Many2one(
        "res.users", string="Result Communicated By", readonly=True, copy=False
    )
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False, tracking=True)

    # ------------------------------------------------------------------
    # Online complaints (C27)
    # ------------------------------------------------------------------
    date_department_notified = fields.Datetime(
        string="Department Head Notified On", readonly=True, copy=False
    )
    department_answer_facts = fields.Text(string="Facts (Department's Answer)")
    department_answer_measures = fields.Text(string="Planned Measures")
    date_department_answer = fields.Datetime(string="Answered On", readonly=True, copy=False)
    department_answer_user_id = fields.Many2one(
        "res.users", string="Answered By", readonly=True, copy=False
    )

    # ------------------------------------------------------------------
    # Responsibility (C19)
    # ------------------------------------------------------------------
    responsible_department_id = fields.Many2one("hr.department", tracking=True)
    staff_at_fault = fields.Boolean(string="Staff at Fault", tracking=True)
    responsible_employee_ids = fields.Many2many(
        "hr.employee",
        "property_complaint_responsible_employee_rel",
        "complaint_id",
        "employee_id",
        string="Responsible Employees",
    )

    _sql_constraints = [
        ("name_site_uniq", "unique(name, site_id)", "The complaint number must be unique."),
        (
            "co_complainant_count_positive",
            "CHECK(co_complainant_count >= 0)",
            "The number of co-complainants cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes, defaults
    # ------------------------------------------------------------------
    def _compute_transfer_count(self):
        counts = dict(
            self.env["property.complaint.transfer"]._read_group(
                [("complaint_id", "in", self.ids)], ["complaint_id"], ["__count"]
            )
        )
        for complaint in self:
            complaint.transfer_count = counts.get(complaint, 0)

    @api.depends("kind")  # always set, so that new records compute it too
    @api.depends_context("uid")
    def _compute_is_customer_service(self):
        is_cs = self.env.user.has_group("property_complaint.group_complaint_agent")
        for complaint in self:
            complaint.is_customer_service = is_cs

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([("role", "!=", False)], order=stages._order)

    @api.model
    def _stage_for_role(self, role):
        return self.env["property.complaint.stage"].search([("role", "=", role)], limit=1)

    @api.depends("name", "summary")
    def _compute_display_name(self):
        for complaint in self:
            if complaint.summary and complaint.name:
                complaint.display_name = f"{complaint.name} {complaint.summary}"
            else:
                complaint.display_name = complaint.name or complaint.summary

    # ------------------------------------------------------------------
    # Validation of the contact data (C02)
    # ------------------------------------------------------------------
    @api.model
    def _normalize_phone(self, phone):
        """The phone number in E.164 (shown in the national format for a mainland
        number: ``partner_phone_display``), or a ValidationError (also for a value that
        is not a text; a whole number is read as its digits): property_base's
        ``tools/phone.py``, through Odoo's ``phone_validation``."""
        if not phone:
            return phone
        return normalize_phone(self.env, phone)

    @api.model
    def _normalize_id_number(self, id_number):
        """The compact ID number after checking it, or a ValidationError."""
        if not id_number:
            return id_number
        try:
            return ric.validate(id_number)
        except StdnumValidationError as error:
            raise ValidationError(
                self.env._(
                    "The ID number %(number)s is not a valid resident identity card number.",
                    number=id_number,
                )
            ) from error

    @api.model
    def _prepare_contact_vals(self, vals):
        if vals.get("partner_phone"):
            vals["partner_phone"] = self._normalize_phone(vals["partner_phone"])
        if vals.get("id_number"):
            vals["id_number"] = self._normalize_id_number(vals["id_number"])
        if vals.get("partner_email"):
            vals["partner_email"] = vals["partner_email"].strip()
        return vals

    @api.model
    def _partner_contact_vals(self, partner):
        """Name, phone and email of a partner, for a new complaint."""
        vals = {"complainant_name": partner.name}
        phone = partner.phone or partner.mobile
        if phone:
            try:
                vals["partner_phone"] = self._normalize_phone(phone)
            except ValidationError:
                vals["partner_phone"] = phone
        if partner.email:
            vals["partner_email"] = partner.email
        units = partner.property_owned_unit_ids | partner.property_occupied_unit_ids
        if len(units) == 1:
            vals["unit_id"] = units.id
        return vals

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if not self.partner_id:
            return
        vals = self._partner_contact_vals(self.partner_id)
        if not self.env.user.has_group("property_complaint.group_complaint_agent"):
            vals = {k: v for k, v in vals.items() if k in ("complainant_name", "unit_id")}
        if self.unit_id and "unit_id" in vals:
            del vals["unit_id"]
        self.update(vals)

    @api.onchange("category_id")
    def _onchange_category_id(self):
        if self.category_id and self.validity == "pending":
            self.kind = self.category_id.default_kind

    @api.onchange("partner_phone")
    def _onchange_partner_phone(self):
        if self.partner_phone:
            self.partner_phone = self._normalize_phone(self.partner_phone)

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        # the suite's input guard ran first (property.integrity.mixin)
        categories = self.env["property.complaint.category"].browse(
            [vals["category_id"] for vals in vals_list if vals.get("category_id")]
        )
        for vals in vals_list:
            if vals.get("partner_id"):
                partner = self.env["res.partner"].browse(vals["partner_id"])
                for key, value in self._partner_contact_vals(partner).items():
                    if not vals.get(key):
                        vals[key] = value
            self._prepare_contact_vals(vals)
            if vals.get("category_id") and "kind" not in vals:
                vals["kind"] = categories.browse(vals["category_id"]).default_kind
        assignments = [
            (vals.pop("department_id", False), vals.pop("handler_id", False)) for vals in vals_list
        ]
        default_site = self.default_get(["site_id"]).get("site_id")
        sites = self.env["property.site"]
        for vals in vals_list:
            site = sites.browse(vals.get("site_id") or default_site)
            if not site:
                raise UserError(self.env._("Choose the site of the complaint."))
            received = (
                fields.Datetime.to_datetime(vals.get("date_received")) or fields.Datetime.now()
            )
            vals["name"] = site._next_complaint_number(received)
            if not vals.get("date_matter_arose"):
                vals["date_matter_arose"] = site._local_date(received)
            if "responsible_user_id" not in vals and site.manager_id:
                vals["responsible_user_id"] = site.manager_id.id
        if any(vals.get("class_override") for vals in vals_list):
            self._check_group("property_complaint.group_complaint_manager")
        complaints = super().create(vals_list)
        for complaint, (department_id, handler_id) in zip(complaints, assignments, strict=True):
            if department_id or handler_id:
                complaint._dispatch(
                    self.env["hr.department"].browse(department_id),
                    self.env["res.users"].browse(handler_id),
                    False,
                )
        complaints._notify_department_head()
        complaints._notify_class1()
        return complaints

    def _action_only_fields(self):
        """Fields that only the ``action_*`` methods (and the dispatch wizard) change;
        other addons add theirs."""
        return {
            "stage_id",
            "department_id",
            "handler_id",
            "validity",
            "date_accepted",
            "date_resolved",
            "date_closed",
            "date_result_communicated",
            "result_user_id",
            "date_department_answer",
            "department_answer_user_id",
            "date_department_notified",
            "fact_unresolved_month",
            "date_class1_notified",
            "date_customer_contacted",
            "date_replied",
            "date_investigated",
            "date_solution_proposed",
            "date_solution_started",
            "suspension_state",
            "date_suspended",
            "resolution_extra_days",
            "is_escalated",
            "date_escalated",
        }

    def _property_owned_fields(self):
        return super()._property_owned_fields() | self._action_only_fields()

    def _property_owned_message(self, names):
        return self.env._(
            "Use the buttons of the complaint to change: %(fields)s.",
            fields=self._property_field_labels(names),
        )

    def _property_locked(self):
        return self.filtered("is_closed")

    def _property_lock_message(self):
        return self.env._(
            "Complaint %(number)s is closed and read-only; a manager can reopen it if needed.",
            number=self.name,
        )

    def _property_unlocked_fields(self):
        return super()._property_unlocked_fields() | self._closed_writable_fields()

    def _property_finished(self):
        return self.filtered("is_closed")

    def _handler_writable_fields(self):
        """Fields a department handler (not customer service) may change."""
        return {
            "resolution",
            "evidence_attachment_ids",
            "department_answer_facts",
            "department_answer_measures",
            "investigation",
            "cause_analysis",
            "proposed_solution",
            "message_main_attachment_id",
            "color",
        }

    def _closed_writable_fields(self):
        """Fields that may still change on a closed complaint (chatter bookkeeping)."""
        return {"message_main_attachment_id", "active", "color"}

    def write(self, vals):
        # input guard, owned fields and the closed lock: property.integrity.mixin
        if not is_internal(self.env, "property_complaint_action"):
            if not self.env.su and not self.env.user.has_group(
                "property_complaint.group_complaint_agent"
            ):
                refused = set(vals) - self._handler_writable_fields()
                if refused:
                    labels = ", ".join(
                        self._fields[f].get_description(self.env)["string"] for f in refused
                    )
                    raise AccessError(
                        self.env._(
                            "Only customer service can change the registration: %(fields)s.",
                            fields=labels,
                        )
                    )
            if {"class_override", "class_override_reason"} & vals.keys():
                self._check_group("property_complaint.group_complaint_manager")
        self._prepare_contact_vals(vals)
        res = super().write(vals)
        if {"channel_id", "complained_department_id"} & vals.keys():
            self._notify_department_head()
        if not self.env.context.get("property_complaint_no_notify"):
            self.filtered(
                lambda c: c.complaint_class == "1" and not c.date_class1_notified
            )._notify_class1()
        return res

    def _write_action(self, vals):
        return self.with_context(property_complaint_action=INTERNAL).write(vals)

    def _run_handling_step(self, vals, check=None, group=None, may_handle=True):
        """The common frame of a handling step: the right of ``group`` (when given),
        the complaints still open, the user allowed to handle each of them (when
        ``may_handle``), the step's own ``check`` of each complaint (a function that
        raises ``UserError``), then ``vals`` written as an action."""
        if group:
            self._check_group(group)
        self._check_open()
        for complaint in self:
            if may_handle:
                complaint._check_may_handle()
            if check:
                check(complaint)
        self._write_action(vals)
        return True

    # ------------------------------------------------------------------
    # Rights
    # ------------------------------------------------------------------
    def _check_group(self, xmlid):
        if not self.env.su and not self.env.user.has_group(xmlid):
            group = self.env.ref(xmlid)
            raise AccessError(
                self.env._("Only the group %(group)s can do this.", group=group.full_name)
            )

    def _check_open(self):
        closed = self.filtered("is_closed")
        if closed:
            raise UserError(
                self.env._(
                    "Complaint %(number)s is closed; a manager must reopen it first.",
                    number=closed[0].name,
                )
            )

    # ------------------------------------------------------------------
    # Life cycle
    # ------------------------------------------------------------------
    def action_accept(self):
        """Accept (受理) a new complaint: the day of acceptance starts the deadlines."""
        self._check_group("property_complaint.group_complaint_agent")
        self._check_open()
        for complaint in self:
            if complaint.date_accepted:
                raise UserError(
                    self.env._("Complaint %(number)s is already accepted.", number=complaint.name)
                )
        self._accept()
        return True

    def _accept(self):
        to_accept = self.filtered(lambda c: not c.date_accepted)
        if to_accept:
            to_accept._write_action(
                {
                    "date_accepted": fields.Datetime.now(),
                    "stage_id": self._stage_for_role("progress").id,
                }
            )

    def action_dispatch(self):
        """Open the dispatch wizard (派单/转派)."""
        self.ensure_one()
        self._check_open()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaint.property_complaint_dispatch_action"
        )
        action["context"] = {"default_complaint_id": self.id}
        return action

    def _dispatch(self, department, handler, reason):
        """Assign the complaint to ``department`` and ``handler`` (C11): write the
        transfer line, accept it when new and schedule an activity for the handler."""
        self.ensure_one()
        self._check_open()
        is_transfer = bool(self.department_id or self.handler_id)
        if is_transfer and not (reason or "").strip():
            raise UserError(
                self.env._(
                    "Complaint %(number)s is already dispatched: give the reason of the transfer.",
                    number=self.name,
                )
            )
        if not department and not handler:
            raise UserError(self.env._("Choose the department or the handler to dispatch to."))
        if handler and not handler.has_group("property_complaint.group_complaint_handler"):
            raise UserError(
                self.env._(
                    "%(user)s is not a complaint handler and cannot receive complaints.",
                    user=handler.name,
                )
            )
        # The rights were checked; the dispatcher may lose sight of the complaint.
        complaint = self.sudo()
        complaint.env["property.complaint.transfer"].create(
            {
                "complaint_id": complaint.id,
                "user_id": self.env.user.id,
                "from_department_id": complaint.department_id.id,
                "from_handler_id": complaint.handler_id.id,
                "to_department_id": department.id,
                "to_handler_id": handler.id,
                "is_transfer": is_transfer,
                "reason": reason,
            }
        )
        old_handler = complaint.handler_id
        complaint._write_action({"department_id": department.id, "handler_id": handler.id})
        complaint._accept()
        if old_handler and old_handler != handler:
            complaint.activity_unlink(
                ["property_complaint.mail_activity_type_complaint_handle"], user_id=old_handler.id
            )
        if handler:
            complaint.activity_schedule(
                "property_complaint.mail_activity_type_complaint_handle",
                user_id=handler.id,
                summary=self.env._("Handle complaint %(number)s", number=complaint.name),
                note=reason or complaint.summary,
            )
            complaint.message_subscribe(partner_ids=handler.partner_id.ids)

    def action_confirm_valid(self):
        """Verdict (C03): the complaint is valid."""
        self._check_group("property_complaint.group_complaint_agent")
        self._check_open()
        for complaint in self:
            if complaint.kind != "complaint" or complaint.validity != "pending":
                raise UserError(
                    self.env._(
                        "Only a complaint still to verify can be confirmed valid (%(number)s).",
                        number=complaint.name,
                    )
                )
            if not (complaint.validity_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Record the reason of the verdict on %(number)s.", number=complaint.name
                    )
                )
        self._write_action({"validity": "valid"})
        return True

    def action_confirm_invalid(self):
        """Verdict (C03): the complaint is not valid; it becomes a demand with the same
        number and history, and the explanation to the customer is recorded."""
        self._check_group("property_complaint.group_complaint_agent")
        self._check_open()
        for complaint in self:
            if complaint.kind != "complaint" or complaint.validity != "pending":
                raise UserError(
                    self.env._(
                        "Only a complaint still to verify can be judged invalid (%(number)s).",
                        number=complaint.name,
                    )
                )
            missing = []
            if not (complaint.validity_reason or "").strip():
                missing.append(self.env._("the reason of the verdict"))
            if not (complaint.customer_explanation or "").strip():
                missing.append(self.env._("the explanation to the customer"))
            if missing:
                raise UserError(
                    self.env._(
                        "Record %(missing)s on %(number)s.",
                        missing=self.env._(" and ").join(missing),
                        number=complaint.name,
                    )
                )
        self._write_action(
            {
                "validity": "invalid",
                "kind": "demand",
                "demand_type": "invalid_complaint",
                "responsible_department_id": False,
                "staff_at_fault": False,
                "responsible_employee_ids": [fields.Command.clear()],
            }
        )
        for complaint in self:
            complaint.message_post(
                body=self.env._(
                    "Judged not valid, registered as a demand. Explanation to the customer: "
                    "%(explanation)s",
                    explanation=complaint.customer_explanation,
                )
            )
        return True

    def action_submit_resolution(self):
        """The handler has recorded the resolution: the result is to be communicated."""
        self._check_open()
        for complaint in self:
            complaint._check_may_handle()
            if complaint.stage_role not in ("new", "progress"):
                raise UserError(
                    self.env._("Complaint %(number)s is not in progress.", number=complaint.name)
                )
            if not complaint._has_resolution():
                raise UserError(
                    self.env._("Record the resolution of %(number)s first.", number=complaint.name)
                )
        self._accept()
        self._write_action(
            {
                "stage_id": self._stage_for_role("feedback").id,
                "date_resolved": fields.Datetime.now(),
            }
        )
        self.activity_feedback(["property_complaint.mail_activity_type_complaint_handle"])
        return True

    def _check_may_handle(self):
        user = self.env.user
        if self.env.su or user.has_group("property_complaint.group_complaint_agent"):
            return
        if self.handler_id == user or user.sudo().employee_ids.department_id & self.department_id:
            return
        raise AccessError(
            self.env._(
                "Only customer service or the handler can do this on %(number)s.", number=self.name
            )
        )

    def _has_resolution(self):
        self.ensure_one()
        return not is_html_empty(self.resolution)

    def _result_missing(self):
        """Names of the missing parts of the result message (C14, C24)."""
        self.ensure_one()
        labels = []
        for fname in ("result_summary", "result_solution", "result_prevention", "result_method"):
            if not (self[fname] or "").strip():
                labels.append(self._fields[fname].get_description(self.env)["string"])
        return labels

    def action_communicate_result(self):
        """The result was given to the customer (C14): result, solution and recurrence
        prevention (C24), how; when and by whom are recorded."""
        self._check_group("property_complaint.group_complaint_agent")
        self._check_open()
        for complaint in self:
            if not complaint._has_resolution():
                raise UserError(
                    self.env._("Record the resolution of %(number)s first.", number=complaint.name)
                )
            missing = complaint._result_missing()
            if missing:
                raise UserError(
                    self.env._(
                        "The result message of %(number)s needs: %(fields)s.",
                        number=complaint.name,
                        fields=", ".join(missing),
                    )
                )
        now = fields.Datetime.now()
        vals = {
            "date_result_communicated": now,
            "result_user_id": self.env.user.id,
            "stage_id": self._stage_for_role("callback").id,
        }
        self.filtered(lambda c: not c.date_resolved)._write_action({"date_resolved": now})
        self._write_action(vals)
        return True

    def _get_close_blockers(self):
        """Translated names of the conditions still missing to close (C18); other
        addons add theirs (e.g. the callback)."""
        self.ensure_one()
        blockers = []
        if not self._has_resolution():
            blockers.append(self.env._("the resolution is not recorded"))
        if not self.date_result_communicated:
            blockers.append(self.env._("the result has not been communicated to the customer"))
        if self.kind == "complaint":
            if self.validity == "pending":
                blockers.append(self.env._("the validity of the complaint is not verified"))
            elif self.validity == "valid" and not self.responsible_department_id:
                blockers.append(self.env._("the responsible department is not named"))
            if self.staff_at_fault and not self.responsible_employee_ids:
                blockers.append(self.env._("the responsible employees are not named"))
            if self.date_department_notified and not self.date_department_answer:
                blockers.append(
                    self.env._("the written answer of the department complained about is missing")
                )
        return blockers

    def action_close(self):
        """Close (结案) the complaint when every condition of C18 is met."""
        self._check_group("property_complaint.group_complaint_agent")
        self._check_open()
        for complaint in self:
            blockers = complaint._get_close_blockers()
            if blockers:
                raise UserError(
                    self.env._(
                        "Complaint %(number)s cannot be closed yet:\n%(blockers)s",
                        number=complaint.name,
                        blockers="\n".join(f"- {b}" for b in blockers),
                    )
                )
        self._write_action(
            {"stage_id": self._stage_for_role("closed").id, "date_closed": fields.Datetime.now()}
        )
        self.activity_unlink(["property_complaint.mail_activity_type_complaint_handle"])
        return True

    def action_reopen(self):
        """Open the reopen wizard (managers only)."""
        self.ensure_one()
        self._check_group("property_complaint.group_complaint_manager")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaint.property_complaint_reopen_action"
        )
        action["context"] = {"default_complaint_id": self.id}
        return action

    def _reopen(self, reason):
        """Reopen closed complaints (managers only), with the reason in the chatter."""
        self._check_group("property_complaint.group_complaint_manager")
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for reopening the complaint."))
        for complaint in self:
            if not complaint.is_closed:
                raise UserError(
                    self.env._("Complaint %(number)s is not closed.", number=complaint.name)
                )
        self._write_action({"stage_id": self._stage_for_role("progress").id, "date_closed": False})
        for complaint in self:
            complaint.message_post(
                body=self.env._("Reopened: %(reason)s", reason=reason),
                subtype_xmlid="mail.mt_note",
            )

    # ------------------------------------------------------------------
    # Online complaints (C27)
    # ------------------------------------------------------------------
    def _notify_department_head(self):
        """Notify at once the head of the department complained about of an online
        complaint, with an activity asking for the written answer."""
        to_notify = self.filtered(
            lambda c: c.is_online and c.complained_department_id and not c.date_department_notified
        )
        if not to_notify:
            return
        activity_type = self.env.ref("property_complaint.mail_activity_type_complaint_answer")
        for complaint in to_notify:
            head = complaint.complained_department_id.manager_id.user_id
            if head:
                complaint.activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=head.id,
                    summary=self.env._(
                        "Online complaint %(number)s: answer in writing", number=complaint.name
                    ),
                    note=self.env._(
                        "Your department is the subject of an online complaint. Record the "
                        "facts and the planned measures on the complaint."
                    ),
                )
                complaint.message_subscribe(partner_ids=head.partner_id.ids)
            else:
                complaint.message_post(
                    body=self.env._(
                        "The department %(department)s has no head with a user account to "
                        "notify of this online complaint.",
                        department=complaint.complained_department_id.name,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        to_notify._write_action({"date_department_notified": fields.Datetime.now()})

    def action_record_department_answer(self):
        """The department complained about answers in writing (C27)."""
        user = self.env.user

        def check(complaint):
            head = complaint.complained_department_id.manager_id.user_id
            if not (
                self.env.su
                or user == head
                or user.has_group("property_complaint.group_complaint_agent")
            ):
                raise AccessError(
                    self.env._(
                        "Only the head of the department complained about or customer service "
                        "can record its answer."
                    )
                )
            if (
                not (complaint.department_answer_facts or "").strip()
                or not (complaint.department_answer_measures or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "The written answer of %(number)s needs the facts and the planned "
                        "measures.",
                        number=complaint.name,
                    )
                )

        self._run_handling_step(
            {"date_department_answer": fields.Datetime.now(), "department_answer_user_id": user.id},
            check,
            may_handle=False,
        )
        self.activity_feedback(["property_complaint.mail_activity_type_complaint_answer"])
        return True

    # ------------------------------------------------------------------
    # Incoming e-mail (C01)
    # ------------------------------------------------------------------
    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A message to the alias of a site registers an e-mail complaint."""
        values = dict(custom_values or {})
        email = (msg_dict.get("email_from") or "").strip()
        name, address = parse_contact_from_email(email) if email else ("", "")
        values.setdefault("summary", msg_dict.get("subject") or self.env._("E-mail complaint"))
        values.setdefault("description", msg_dict.get("body"))
        values.setdefault("complainant_name", name or address)
        values.setdefault("partner_email", address)
        values.setdefault("is_written", True)
        channel = self.env.ref("property_complaint.channel_email", raise_if_not_found=False)
        if channel:
            values.setdefault("channel_id", channel.id)
        if msg_dict.get("author_id"):
            values.setdefault("partner_id", msg_dict["author_id"])
        return super().message_new(msg_dict, custom_values=values)

    # ------------------------------------------------------------------
    # Class (C05, C06, C07)
    # ------------------------------------------------------------------
    date_matter_arose = fields.Date(
        string="Matter Arose On",
        tracking=True,
        help="Day the matter complained about arose; a valid complaint still unresolved "
        "one month later becomes class 1. The day of receipt when empty.",
    )
    fact_media = fields.Boolean(string="Media Exposure (Actual or Likely)", tracking=True)
    fact_reputation = fields.Boolean(string="Serious Damage to the Reputation", tracking=True)
    fact_injury_loss = fields.Boolean(
        string="Personal Injury or Major Economic Loss", tracking=True
    )
    fact_legal_claim = fields.Boolean(string="Lawyer's Letter or Compensation Claim", tracking=True)
    fact_lawsuit = fields.Boolean(string="Lawsuit", tracking=True)
    fact_unresolved_month = fields.Boolean(
        string="Unresolved One Month by Our Fault",
        readonly=True,
        copy=False,
        tracking=True,
        help="Set by the daily check: the complaint is valid and still unresolved one "
        "month after the matter arose.",
    )
    fact_service_level = fields.Boolean(string="About the Overall Service Level", tracking=True)
    fact_staff_conduct = fields.Boolean(
        string="About Staff Attitude, Ethics or Integrity", tracking=True
    )
    fact_second_complaint = fields.Boolean(string="Second Complaint", tracking=True)
    fact_government = fields.Boolean(string="Referred by a Government Body", tracking=True)
    computed_class = fields.Selection(
        CLASS_SELECTION,
        string="Class from the Facts",
        compute="_compute_computed_class",
        store=True,
    )
    class_override = fields.Selection(
        CLASS_SELECTION,
        string="Class Set by a Manager",
        tracking=True,
        copy=False,
        help="Overrides the class computed from the facts; a reason is required.",
    )
    class_override_reason = fields.Text(string="Reason of the Class Override", tracking=True)
    complaint_class = fields.Selection(
        CLASS_SELECTION,
        string="Class",
        compute="_compute_complaint_class",
        store=True,
        index=True,
        tracking=True,
    )
    date_class1_notified = fields.Datetime(string="Class 1 Notified On", readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Response, reply, handling (C08, C12)
    # ------------------------------------------------------------------
    responsible_user_id = fields.Many2one(
        "res.users",
        string="Person in Charge",
        tracking=True,
        index=True,
        domain="[('share', '=', False)]",
        help="First responsible person: the service-centre manager of the site (项目总), "
        "then whoever takes the complaint over.",
    )
    date_customer_contacted = fields.Datetime(
        string="Customer Contacted On", readonly=True, copy=False, tracking=True
    )
    date_replied = fields.Datetime(string="Replied On", readonly=True, copy=False, tracking=True)
    investigation = fields.Html(help="Investigation and evidence.")
    date_investigated = fields.Datetime(
        string="Investigated On", readonly=True, copy=False, tracking=True
    )
    cause_analysis = fields.Text()
    proposed_solution = fields.Text()
    date_solution_proposed = fields.Datetime(
        string="Solution Proposed On", readonly=True, copy=False, tracking=True
    )
    date_solution_started = fields.Datetime(
        string="Solution Carried Out From", readonly=True, copy=False, tracking=True
    )
    review_ids = fields.One2many(
        "property.complaint.review", "complaint_id", string="Solution Reviews", readonly=True
    )
    needs_review = fields.Boolean(
        compute="_compute_needs_review",
        help="A major escalated complaint: its solution needs an internal review.",
    )
    is_solution_reviewed = fields.Boolean(compute="_compute_needs_review")

    # ------------------------------------------------------------------
    # Deadlines (C08, C09)
    # ------------------------------------------------------------------
    date_deadline_response = fields.Datetime(
        string="Response Deadline", compute="_compute_deadlines", store=True
    )
    date_deadline_reply = fields.Datetime(
        string="Reply Deadline", compute="_compute_deadlines", store=True
    )
    date_deadline_solution = fields.Datetime(
        string="Solution Deadline", compute="_compute_deadlines", store=True
    )
    date_deadline_investigation = fields.Datetime(
        string="Investigation Deadline",
        compute="_compute_deadlines",
        store=True,
        help="A visit complaint is investigated the same day.",
    )
    date_deadline_resolution = fields.Datetime(
        string="Resolution Deadline", compute="_compute_deadlines", store=True, tracking=True
    )
    date_deadline_next = fields.Datetime(
        string="Next Deadline",
        compute="_compute_deadlines",
        store=True,
        index=True,
        help="The earliest deadline not met yet; empty while the resolution clock is "
        "stopped or once resolved.",
    )
    deadline_state = fields.Selection(
        [("late", "Late"), ("today", "Due Today"), ("at_risk", "At Risk"), ("ok", "On Time")],
        compute="_compute_deadline_state",
    )
    is_late = fields.Boolean(compute="_compute_deadline_state", search="_search_is_late")
    is_due_today = fields.Boolean(compute="_compute_deadline_state", search="_search_is_due_today")

    # ------------------------------------------------------------------
    # Suspension, extension (C10)
    # ------------------------------------------------------------------
    suspension_state = fields.Selection(
        [
            ("to_approve", "To Approve"),
            ("suspended", "Suspended"),
        ],
        readonly=True,
        copy=False,
        tracking=True,
    )
    suspension_cause = fields.Selection(
        [("engineering", "Long Engineering Work"), ("purchase", "Purchase")],
        tracking=True,
    )
    suspension_amount = fields.Float(string="Purchase Amount (Yuan)", tracking=True)
    suspension_reason = fields.Text(tracking=True)
    date_suspended = fields.Datetime(string="Suspended On", readonly=True, copy=False)
    resolution_extra_days = fields.Integer(
        string="Working Days Added",
        readonly=True,
        copy=False,
        tracking=True,
        help="Working days added to the resolution deadline by suspensions.",
    )

    # ------------------------------------------------------------------
    # Escalation (C13)
    # ------------------------------------------------------------------
    is_escalated = fields.Boolean(
        string="Escalated Complaint",
        readonly=True,
        copy=False,
        tracking=True,
        help="升级投诉: taken over by the project management centre, with its own deadline.",
    )
    date_escalated = fields.Datetime(
        string="Taken Over On", readonly=True, copy=False, tracking=True
    )
    escalation_ids = fields.One2many(
        "property.complaint.escalation", "complaint_id", string="Escalations", readonly=True
    )

    # ------------------------------------------------------------------
    # Settings
    # ------------------------------------------------------------------
    @api.model
    def _param(self, key):
        """Value of the setting ``key`` of the complaint register, or its default."""
        default = PARAM_DEFAULTS[key]
        value = self.env["ir.config_parameter"].sudo().get_param(f"property_complaint.{key}")
        if value in (None, False, ""):
            return default
        if isinstance(default, bool):
            return value not in ("False", "0")
        try:
            return type(default)(value)
        except ValueError:
            return default

    # ------------------------------------------------------------------
    # Class
    # ------------------------------------------------------------------
    @api.depends(
        "kind",
        "co_complainant_count",
        "fact_media",
        "fact_reputation",
        "fact_injury_loss",
        "fact_legal_claim",
        "fact_lawsuit",
        "fact_unresolved_month",
        "fact_service_level",
        "fact_staff_conduct",
        "fact_second_complaint",
        "is_written",
        "fact_government",
    )
    def _compute_computed_class(self):
        threshold = self._param("group_threshold")
        for complaint in self:
            if complaint.kind != "complaint":
                complaint.computed_class = False
            elif (
                # C05: N customers in all, the complainant and the co-complainants
                complaint.co_complainant_count + 1 >= threshold
                or complaint.fact_media
                or complaint.fact_reputation
                or complaint.fact_injury_loss
                or complaint.fact_legal_claim
                or complaint.fact_lawsuit
                or complaint.fact_unresolved_month
            ):
                complaint.computed_class = "1"
            elif (
                complaint.fact_service_level
                or complaint.fact_staff_conduct
                or complaint.fact_second_complaint
                or complaint.is_written
                or complaint.fact_government
            ):
                complaint.computed_class = "2"
            else:
                complaint.computed_class = "3"

    @api.depends("kind", "computed_class", "class_override")
    def _compute_complaint_class(self):
        for complaint in self:
            if complaint.kind != "complaint":
                complaint.complaint_class = False
            else:
                complaint.complaint_class = complaint.class_override or complaint.computed_class

    @api.constrains("date_received", "date_matter_arose")
    def _check_dates(self):
        """The complaint cannot be received in the future (the deadlines start from
        it) and the matter cannot have arisen after it was received nor absurdly long
        before (the class of an unresolved complaint counts from it)."""
        tolerance = timedelta(minutes=self._param("received_future_minutes"))
        years = self._param("matter_arose_max_years")
        now = fields.Datetime.now()
        for complaint in self:
            received = complaint.date_received
            if received and received > now + tolerance:
                raise ValidationError(
                    self.env._(
                        "The complaint cannot be received in the future (%(date)s); "
                        "enter the date and time it was received.",
                        date=fields.Datetime.to_string(received),
                    )
                )
            arose = complaint.date_matter_arose
            if not (arose and received and complaint.site_id):
                continue
            received_day = complaint.site_id._local_date(received)
            if arose > received_day:
                raise ValidationError(
                    self.env._(
                        "The matter cannot have arisen (%(arose)s) after the complaint was "
                        "received (%(received)s).",
                        arose=fields.Date.to_string(arose),
                        received=fields.Date.to_string(received_day),
                    )
                )
            if arose < received_day - relativedelta(years=years):
                raise ValidationError(
                    self.env._(
                        "The matter cannot have arisen (%(arose)s) more than %(years)s years "
                        "before the complaint was received.",
                        arose=fields.Date.to_string(arose),
                        years=years,
                    )
                )

    @api.constrains("class_override", "class_override_reason")
    def _check_class_override_reason(self):
        for complaint in self:
            if complaint.class_override and not (complaint.class_override_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "Give the reason for setting the class of %(number)s by hand.",
                        number=complaint.name,
                    )
                )

    @api.model
    def _cron_raise_unresolved_class(self):
        """C05: a valid complaint still unresolved one month after the matter arose
        becomes class 1."""
        limit = fields.Date.context_today(self) - relativedelta(
            months=self._param("unresolved_months")
        )
        domain = [
            ("kind", "=", "complaint"),
            ("validity", "=", "valid"),
            ("is_closed", "=", False),
            ("date_resolved", "=", False),
            ("fact_unresolved_month", "=", False),
            ("date_matter_arose", "<=", limit),
        ]
        complaints = self.search(domain)
        complaints._write_action({"fact_unresolved_month": True})
        complaints._notify_class1()
        return complaints

    def _notify_class1(self):
        """C13 (our addition): notify the service-centre manager and the quality
        centre as soon as a complaint is class 1."""
        to_notify = self.filtered(
            lambda c: c.complaint_class == "1" and not c.date_class1_notified and not c.is_closed
        )
        to_notify = to_notify.filtered(lambda c: c.company_id.property_complaint_class1_notify)
        if not to_notify:
            return
        quality_group = self.env.ref("property_complaint.group_complaint_quality")
        activity_type = self.env.ref("property_complaint.mail_activity_type_complaint_escalation")
        vals_list = []
        bodies = {}
        for complaint in to_notify:
            site = complaint.site_id
            quality = site.quality_user_ids or quality_group.users.filtered(
                lambda u, c=complaint: c.company_id in u.company_ids
            )
            users = site.manager_id | quality
            summary = self.env._("Class 1 complaint %(number)s", number=complaint.name)
            for user in users:
                vals_list.append(
                    complaint._activity_vals(activity_type, user, summary, complaint.summary)
                )
            complaint.message_subscribe(partner_ids=users.partner_id.ids)
            bodies[complaint.id] = self.env._(
                "Class 1 complaint: notified %(users)s.",
                users=", ".join(users.mapped("name")) or self.env._("nobody (no manager set)"),
            )
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            vals_list
        )
        to_notify._message_log_batch(bodies=bodies)
        to_notify._write_action({"date_class1_notified": fields.Datetime.now()})

    def _activity_vals(self, activity_type, user, summary, note):
        self.ensure_one()
        return {
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "activity_type_id": activity_type.id,
            "user_id": user.id,
            "summary": summary,
            "note": note,
            "date_deadline": fields.Date.context_today(self),
        }

    # ------------------------------------------------------------------
    # Deadlines
    # ------------------------------------------------------------------
    def _resolution_days(self):
        self.ensure_one()
        if self.is_escalated:
            return self._param("days_escalated")
        if self.kind == "demand":
            return self._param("days_demand")
        return self._param(f"days_class{self.complaint_class or '3'}")

    @api.depends(
        "date_received",
        "date_accepted",
        "site_id",
        "kind",
        "complaint_class",
        "channel_id",
        "is_escalated",
        "date_escalated",
        "resolution_extra_days",
        "suspension_state",
        "date_customer_contacted",
        "responsible_user_id",
        "date_replied",
        "date_investigated",
        "date_solution_proposed",
        "date_resolved",
        "is_closed",
    )
    def _compute_deadlines(self):
        response_hours = self._param("response_hours")
        reply_hours = self._param("reply_hours")
        solution_days = self._param("solution_days")
        visit = self.env.ref("property_complaint.channel_visit", raise_if_not_found=False)
        for complaint in self:
            received = complaint.date_received
            site = complaint.site_id
            if not received or not site:
                complaint.update(dict.fromkeys(DEADLINE_FIELDS, False))
                continue
            accepted = complaint.date_accepted or received
            complaint.date_deadline_response = received + timedelta(hours=response_hours)
            complaint.date_deadline_reply = received + timedelta(hours=reply_hours)
            complaint.date_deadline_solution = site._working_day_deadline(accepted, solution_days)
            if visit and complaint.channel_id == visit:
                day = site._local_date(received)
                tz = site._site_tz()
                end = tz.localize(datetime.combine(day, time(23, 59, 59)))
                complaint.date_deadline_investigation = end.astimezone(pytz.utc).replace(
                    tzinfo=None
                )
            else:
                complaint.date_deadline_investigation = False
            start = complaint.date_escalated if complaint.is_escalated else accepted
            days = complaint._resolution_days() + complaint.resolution_extra_days
            complaint.date_deadline_resolution = site._working_day_deadline(start, days)
            pending = []
            if (
                complaint.is_closed
                or complaint.date_resolved
                or complaint.suspension_state == "suspended"
            ):
                complaint.date_deadline_next = False
                continue
            if not (complaint.date_customer_contacted and complaint.responsible_user_id):
                pending.append(complaint.date_deadline_response)
            if not complaint.date_replied:
                pending.append(complaint.date_deadline_reply)
            if complaint.date_deadline_investigation and not complaint.date_investigated:
                pending.append(complaint.date_deadline_investigation)
            if not complaint.date_solution_proposed:
                pending.append(complaint.date_deadline_solution)
            pending.append(complaint.date_deadline_resolution)
            pending = [d for d in pending if d]
            complaint.date_deadline_next = min(pending) if pending else False

    @api.model
    def _today_bounds(self):
        """Now and the end of today in the user's time zone, as naive UTC datetimes."""
        now = fields.Datetime.now()
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "Asia/Shanghai")
        local_day = pytz.utc.localize(now).astimezone(tz).date()
        end = tz.localize(datetime.combine(local_day, time(23, 59, 59)))
        tomorrow_end = end + timedelta(days=1)
        return (
            now,
            end.astimezone(pytz.utc).replace(tzinfo=None),
            tomorrow_end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    @api.depends("date_deadline_next")
    @api.depends_context("tz")
    def _compute_deadline_state(self):
        now, today_end, tomorrow_end = self._today_bounds()
        for complaint in self:
            deadline = complaint.date_deadline_next
            if not deadline:
                state = False
            elif deadline < now:
                state = "late"
            elif deadline <= today_end:
                state = "today"
            elif deadline <= tomorrow_end:
                state = "at_risk"
            else:
                state = "ok"
            complaint.deadline_state = state
            complaint.is_late = state == "late"
            complaint.is_due_today = state == "today"

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the late complaints."))
        now = fields.Datetime.now()
        domain = [("date_deadline_next", "<", now)]
        if (operator == "=") != value:
            domain = ["|", ("date_deadline_next", "=", False), ("date_deadline_next", ">=", now)]
        return domain

    def _search_is_due_today(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the complaints due today."))
        now, today_end, _tomorrow = self._today_bounds()
        domain = [("date_deadline_next", ">=", now), ("date_deadline_next", "<=", today_end)]
        if (operator == "=") != value:
            domain = [
                "|",
                "|",
                ("date_deadline_next", "=", False),
                ("date_deadline_next", "<", now),
                ("date_deadline_next", ">", today_end),
            ]
        return domain

    # ------------------------------------------------------------------
    # Response, reply, handling (C08, C12)
    # ------------------------------------------------------------------
    def action_record_contact(self):
        """The customer was contacted (C08); the response is met once the person in
        charge is named too."""

        def check(complaint):
            if complaint.date_customer_contacted:
                raise UserError(
                    self.env._(
                        "The contact with the customer of %(number)s is already recorded.",
                        number=complaint.name,
                    )
                )
            if not complaint.responsible_user_id:
                raise UserError(
                    self.env._(
                        "Name the person in charge of %(number)s before recording the contact.",
                        number=complaint.name,
                    )
                )

        return self._run_handling_step(
            {"date_customer_contacted": fields.Datetime.now()},
            check,
            group="property_complaint.group_complaint_handler",
        )

    def action_record_reply(self):
        """The customer received a reply (C08, 24 hours by default)."""

        def check(complaint):
            if complaint.date_replied:
                raise UserError(
                    self.env._(
                        "The reply of %(number)s is already recorded.", number=complaint.name
                    )
                )

        return self._run_handling_step({"date_replied": fields.Datetime.now()}, check)

    def action_record_investigation(self):
        """Investigation and cause analysis are recorded (C12)."""

        def check(complaint):
            if (
                is_html_empty(complaint.investigation)
                or not (complaint.cause_analysis or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "Record the investigation and the cause analysis of %(number)s.",
                        number=complaint.name,
                    )
                )

        return self._run_handling_step({"date_investigated": fields.Datetime.now()}, check)

    def action_propose_solution(self):
        """The proposed solution is recorded (C08: 3 working days by default)."""

        def check(complaint):
            if not complaint.date_investigated:
                raise UserError(
                    self.env._(
                        "Record the investigation of %(number)s first.", number=complaint.name
                    )
                )
            if not (complaint.proposed_solution or "").strip():
                raise UserError(
                    self.env._("Write the proposed solution of %(number)s.", number=complaint.name)
                )

        return self._run_handling_step({"date_solution_proposed": fields.Datetime.now()}, check)

    @api.depends(
        "complaint_class",
        "is_escalated",
        "proposed_solution",
        "review_ids.state",
        "review_ids.solution",
    )
    def _compute_needs_review(self):
        for complaint in self:
            complaint.needs_review = complaint.is_escalated and complaint.complaint_class == "1"
            # reviewed: an approved review of the solution proposed now (one changed
            # after its approval needs a new review)
            solution = (complaint.proposed_solution or "").strip()
            complaint.is_solution_reviewed = bool(solution) and any(
                review.state == "approved" and (review.solution or "").strip() == solution
                for review in complaint.sudo().review_ids
            )

    def action_carry_out_solution(self):
        """The service centre carries out the proposed solution (C12); a major
        escalated complaint needs an approved internal review first."""

        def check(complaint):
            if not complaint.date_solution_proposed:
                raise UserError(
                    self.env._("Propose a solution for %(number)s first.", number=complaint.name)
                )
            if complaint.date_solution_started:
                raise UserError(
                    self.env._(
                        "The solution of %(number)s is already carried out.", number=complaint.name
                    )
                )
            if complaint.needs_review and not complaint.is_solution_reviewed:
                raise UserError(
                    self.env._(
                        "%(number)s is a major escalated complaint: its solution must pass the "
                        "internal review of the project management centre first.",
                        number=complaint.name,
                    )
                )

        return self._run_handling_step(
            {"date_solution_started": fields.Datetime.now()},
            check,
            group="property_complaint.group_complaint_agent",
            may_handle=False,
        )

    def action_request_review(self):
        """Open a solution review (C12) for this complaint."""
        self.ensure_one()
        self._check_open()
        if not self.date_solution_proposed:
            raise UserError(
                self.env._("Propose a solution for %(number)s first.", number=self.name)
            )
        solution = (self.proposed_solution or "").strip()
        # the review of this solution still under way, or a new one
        review = self.sudo().review_ids.filtered(
            lambda r: r.state in ("draft", "advised") and (r.solution or "").strip() == solution
        )[:1] or self.env["property.complaint.review"].sudo().create(
            {"complaint_id": self.id, "solution": self.proposed_solution}
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.complaint.review",
            "res_id": review.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # Suspension (C10)
    # ------------------------------------------------------------------
    def action_suspend(self):
        """Suspend the resolution deadline (C10): long engineering work or a purchase
        of at least the threshold amount, with the reason recorded."""
        self._check_group("property_complaint.group_complaint_agent")
        self._check_open()
        threshold = self._param("suspension_amount")
        for complaint in self:
            if complaint.suspension_state:
                raise UserError(
                    self.env._("%(number)s is already suspended.", number=complaint.name)
                )
            if not (complaint.suspension_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Record the reason of the suspension of %(number)s.", number=complaint.name
                    )
                )
            if complaint.suspension_cause == "purchase":
                if complaint.suspension_amount < threshold:
                    raise UserError(
                        self.env._(
                            "A purchase suspends the deadline from %(amount)s yuan only.",
                            amount=threshold,
                        )
                    )
            elif complaint.suspension_cause != "engineering":
                raise UserError(
                    self.env._(
                        "Only long engineering work or a purchase suspends the deadline of "
                        "%(number)s.",
                        number=complaint.name,
                    )
                )
        if self._param("suspension_approval") and not self.env.user.has_group(
            "property_complaint.group_complaint_manager"
        ):
            self._write_action({"suspension_state": "to_approve"})
            return True
        self._write_action(
            {"suspension_state": "suspended", "date_suspended": fields.Datetime.now()}
        )
        return True

    def action_approve_suspension(self):
        self._check_group("property_complaint.group_complaint_manager")
        for complaint in self:
            if complaint.suspension_state != "to_approve":
                raise UserError(
                    self.env._(
                        "The suspension of %(number)s is not waiting for approval.",
                        number=complaint.name,
                    )
                )
        self._write_action(
            {"suspension_state": "suspended", "date_suspended": fields.Datetime.now()}
        )
        return True

    def action_resume(self):
        """End the suspension: the working days it lasted are added to the deadline."""
        self._check_group("property_complaint.group_complaint_agent")
        now = fields.Datetime.now()
        for complaint in self:
            if not complaint.suspension_state:
                raise UserError(self.env._("%(number)s is not suspended.", number=complaint.name))
        suspended = self.filtered(lambda c: c.suspension_state == "suspended")
        by_extra_days = {}
        for complaint in suspended:
            extra = complaint.resolution_extra_days + complaint._working_days_between(
                complaint.date_suspended, now
            )
            by_extra_days.setdefault(extra, []).append(complaint.id)
        (self - suspended)._write_action({"suspension_state": False})
        for extra, ids in by_extra_days.items():
            self.browse(ids)._write_action(
                {"suspension_state": False, "resolution_extra_days": extra}
            )
        return True

    def _working_days_between(self, start, end):
        """Working days of the site's calendar after the day of ``start`` up to and
        including the day of ``end`` (naive UTC datetimes)."""
        self.ensure_one()
        site = self.site_id
        tz = site._site_tz()
        first = site._local_date(start) + timedelta(days=1)
        last = site._local_date(end)
        if last < first:
            return 0
        intervals = site.calendar_id._work_intervals_batch(
            tz.localize(datetime.combine(first, time.min)),
            tz.localize(datetime.combine(last, time.max)),
        )[False]
        return len({interval[0].date() for interval in intervals})

    # ------------------------------------------------------------------
    # Escalation (C13)
    # ------------------------------------------------------------------
    @api.model
    def _escalation_domain(self, level, now):
        """Open complaints past their next deadline by the delay of ``level`` and not
        escalated to that level yet."""
        return [
            ("is_closed", "=", False),
            ("date_deadline_next", "<", now - timedelta(hours=level.delay_hours)),
            ("escalation_ids", "not any", [("level_id", "=", level.id)]),
        ]

    @api.model
    def _cron_escalate(self, batch_size=500):
        """C13: escalate the late complaints one level at a time, in batches. A level
        is reached once per complaint: the unique log line decides, so the cron is safe
        to run twice or concurrently."""
        now = fields.Datetime.now()
        levels = self.env["property.complaint.escalation.level"].search([("target", "!=", False)])
        escalated = self.browse()
        for level in levels:
            while True:
                ids = self.search(
                    self._escalation_domain(level, now), limit=batch_size, order="id"
                ).ids
                if not ids:
                    break
                done = self.browse(ids)._escalate(level)
                escalated |= done
                if len(ids) < batch_size:
                    break
                if not self.env.registry.in_test_mode() and not self.env.context.get(
                    "property_complaint_no_commit"
                ):
                    self.env.cr.commit()  # pylint: disable=invalid-commit
        return escalated

    def _escalate(self, level):
        """Escalate these complaints to ``level``; returns those actually escalated by
        this call (a concurrent run may have taken the others)."""
        if not self:
            return self
        self.env.cr.execute(
            """
            INSERT INTO property_complaint_escalation
                (complaint_id, site_id, level_id, date, create_uid, write_uid, create_date,
                 write_date)
            SELECT c.id, c.site_id, %(level)s, %(now)s, %(uid)s, %(uid)s, %(now)s, %(now)s
              FROM property_complaint c
             WHERE c.id = ANY(%(ids)s)
            ON CONFLICT (complaint_id, level_id) DO NOTHING
            RETURNING complaint_id, id
            """,
            {"level": level.id, "now": fields.Datetime.now(), "uid": self.env.uid, "ids": self.ids},
        )
        rows = self.env.cr.fetchall()
        if not rows:
            return self.browse()
        complaints = self.browse([row[0] for row in rows])
        logs = self.env["property.complaint.escalation"].browse([row[1] for row in rows])
        self.env["property.complaint.escalation"].invalidate_model()
        self.invalidate_model(["escalation_ids"])
        owners = complaints._escalation_owners(level)
        activity_type = self.env.ref("property_complaint.mail_activity_type_complaint_escalation")
        activity_vals = []
        bodies = {}
        followers = {}
        for complaint in complaints:
            owner = owners.get(complaint.id) or self.env["res.users"]
            if owner:
                activity_vals.append(
                    complaint._activity_vals(
                        activity_type,
                        owner,
                        self.env._(
                            "Escalated complaint %(number)s: %(level)s",
                            number=complaint.name,
                            level=level.name,
                        ),
                        complaint.summary,
                    )
                )
                followers.setdefault(owner.partner_id.id, []).append(complaint.id)
            bodies[complaint.id] = self.env._(
                "Escalated to %(level)s: %(owner)s (deadline %(deadline)s passed).",
                level=level.name,
                owner=owner.name or self.env._("nobody found"),
                deadline=complaint.date_deadline_next,
            )
        logs_by_owner = {}
        for complaint_id, log_id in rows:
            owner = owners.get(complaint_id)
            if owner:
                logs_by_owner.setdefault(owner, []).append(log_id)
        for owner, log_ids in logs_by_owner.items():
            logs.browse(log_ids).write({"user_id": owner.id})
        if activity_vals:
            self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
                activity_vals
            )
        for partner_id, complaint_ids in followers.items():
            self.browse(complaint_ids).message_subscribe(partner_ids=[partner_id])
        complaints._message_log_batch(bodies=bodies)
        if level.target == "pmc":
            takeover = complaints.filtered(lambda c: not c.is_escalated)
            for owner, group in takeover.grouped(lambda c: owners.get(c.id)).items():
                vals = {"is_escalated": True, "date_escalated": fields.Datetime.now()}
                if owner:
                    vals["responsible_user_id"] = owner.id
                group._write_action(vals)
        return complaints

    def _escalation_owners(self, level):
        """The new owner of each complaint for ``level``: {complaint id: user}."""
        Users = self.env["res.users"]
        result = {}
        if level.target in ("pmc", "quality"):
            group = self.env.ref(
                "property_complaint.group_complaint_pmc"
                if level.target == "pmc"
                else "property_complaint.group_complaint_quality"
            )
            by_company = {}
            for company_id, ids in self._read_group(
                [("id", "in", self.ids)], ["company_id"], ["id:array_agg"]
            ):
                if company_id not in by_company:
                    by_company[company_id] = group.users.filtered(
                        lambda u, c=company_id: c in u.company_ids and not u.share
                    )[:1]
                for complaint_id in ids:
                    result[complaint_id] = by_company[company_id]
            if level.target == "quality":
                for site, ids in self._read_group(
                    [("id", "in", self.ids)], ["site_id"], ["id:array_agg"]
                ):
                    if site.quality_user_ids:
                        for complaint_id in ids:
                            result[complaint_id] = site.quality_user_ids[:1]
            return result
        for site, handler, ids in self._read_group(
            [("id", "in", self.ids)], ["site_id", "handler_id"], ["id:array_agg"]
        ):
            if level.target == "site_manager":
                owner = site.manager_id
            else:
                supervisor = handler.employee_ids[:1].parent_id.user_id
                owner = supervisor if supervisor else site.supervisor_ids[:1]
            for complaint_id in ids:
                result[complaint_id] = owner or Users
        return result

    # ------------------------------------------------------------------
    # Smart buttons
    # ------------------------------------------------------------------
    def action_view_transfers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaint.property_complaint_transfer_action"
        )
        action["domain"] = [("complaint_id", "=", self.id)]
        return action
