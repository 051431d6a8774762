import phonenumbers
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumValidationError

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import is_html_empty, parse_contact_from_email


class PropertyComplaint(models.Model):
    """A complaint or demand (投诉/需求) in the register of the customer-service centre."""

    _name = "property.complaint"
    _description = "Complaint or Demand"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_received desc, id desc"
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
        string="Received On", required=True, default=fields.Datetime.now, tracking=True
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
        """The phone number in international format, or a ValidationError."""
        if not phone:
            return phone
        try:
            number = phonenumbers.parse(phone, "CN")
        except phonenumbers.NumberParseException:
            number = None
        if not number or not phonenumbers.is_valid_number(number):
            raise ValidationError(
                self.env._("The phone number %(phone)s is not a valid number.", phone=phone)
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

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
        complaints = super().create(vals_list)
        for complaint, (department_id, handler_id) in zip(complaints, assignments, strict=True):
            if department_id or handler_id:
                complaint._dispatch(
                    self.env["hr.department"].browse(department_id),
                    self.env["res.users"].browse(handler_id),
                    False,
                )
        complaints._notify_department_head()
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
        }

    def _handler_writable_fields(self):
        """Fields a department handler (not customer service) may change."""
        return {
            "resolution",
            "evidence_attachment_ids",
            "department_answer_facts",
            "department_answer_measures",
            "message_main_attachment_id",
            "color",
        }

    def _closed_writable_fields(self):
        """Fields that may still change on a closed complaint (chatter bookkeeping)."""
        return {"message_main_attachment_id", "active", "color"}

    def write(self, vals):
        if not self.env.context.get("property_complaint_action"):
            if "name" in vals and any(c.name != vals["name"] for c in self):
                raise UserError(self.env._("The number of a complaint cannot be changed."))
            forbidden = self._action_only_fields() & vals.keys()
            if forbidden:
                labels = ", ".join(
                    self._fields[f].get_description(self.env)["string"] for f in forbidden
                )
                raise UserError(
                    self.env._(
                        "Use the buttons of the complaint to change: %(fields)s.", fields=labels
                    )
                )
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
            if set(vals) - self._closed_writable_fields() and any(self.mapped("is_closed")):
                raise UserError(
                    self.env._(
                        "A closed complaint is read-only; a manager can reopen it if needed."
                    )
                )
        self._prepare_contact_vals(vals)
        res = super().write(vals)
        if {"channel_id", "complained_department_id"} & vals.keys():
            self._notify_department_head()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "Complaints and demands are kept permanently and cannot be deleted; "
                "archive them instead."
            )
        )

    def _write_action(self, vals):
        return self.with_context(property_complaint_action=True).write(vals)

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
        self._check_open()
        user = self.env.user
        for complaint in self:
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
        self._write_action(
            {"date_department_answer": fields.Datetime.now(), "department_answer_user_id": user.id}
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
    # Smart buttons
    # ------------------------------------------------------------------
    def action_view_transfers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaint.property_complaint_transfer_action"
        )
        action["domain"] = [("complaint_id", "=", self.id)]
        return action
