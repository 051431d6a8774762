from odoo import api, fields, models, tools
from odoo.exceptions import UserError
from odoo.tools import parse_contact_from_email

from .lifecycle import STATES


class PropertyComplaint(models.Model):
    """A complaint or demand (投诉/需求) in the register of the customer-service
    centre."""

    _name = "property.complaint"
    _description = "Complaint or Demand"
    # its time-based automation rules (the escalation ladder) are checked in SQL and
    # run in batches (property_base/models/base_automation.py)
    _property_automation_windowed = True
    # the rooms first: their methods run before mail.thread's, as the model's own
    _inherit = [
        "property.complaint.lifecycle.mixin",
        "property.complaint.access.mixin",
        "property.complaint.contact.mixin",
        "property.complaint.verdict.mixin",
        "property.complaint.handling.mixin",
        "property.complaint.auto.dispatch.mixin",
        "property.complaint.online.mixin",
        "property.complaint.class.mixin",
        "property.complaint.sla.mixin",
        "property.complaint.deadline.mixin",
        "property.complaint.board.mixin",
        "property.complaint.suspension.mixin",
        "property.complaint.escalation.mixin",
        "property.complaint.closing.mixin",
        "property.complaint.followup.mixin",
        "property.complaint.activity.mixin",
        "property.complaint.link.mixin",
        "property.complaint.group.mixin",
        "property.complaint.merge.mixin",
        "property.complaint.notify.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "property.integrity.mixin",
    ]
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
    company_id = fields.Many2one(
        related="site_id.company_id", store=True, index=True, precompute=True
    )
    site_manager_id = fields.Many2one(
        related="site_id.manager_id",
        string="Site Manager",
        groups="base.group_user",
        help="The service-centre manager of the complaint's site: an automation rule "
        "can give them an activity or an e-mail.",
    )
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
        default=lambda self: self._default_record("property_complaint.channel_phone"),
    )
    is_online = fields.Boolean(
        string="Online Channel",
        compute="_compute_is_online",
        store=True,
        precompute=True,
    )
    category_id = fields.Many2one(
        "property.complaint.category", tracking=True, index=True
    )
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
    # the complaint's place in its life cycle, set by its actions; the stage (the
    # kanban column) follows it, and moving a card runs the action (see access)
    state = fields.Selection(
        STATES,
        string="Status",
        required=True,
        default="new",
        readonly=True,
        copy=False,
        index=True,
    )
    stage_role = fields.Selection(related="stage_id.role")
    is_closed = fields.Boolean(
        compute="_compute_is_closed", store=True, index=True, precompute=True
    )
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
    place_received = fields.Char(
        string="Received At", help="Where the complaint was received."
    )
    date_accepted = fields.Datetime(string="Accepted On", readonly=True, copy=False)
    source_reference = fields.Char(
        string="Original Document No.",
        help="Number written on the original letter, fax, phone note or meeting "
        "record.",
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
    complainant_name = fields.Char(
        help="Name given by the customer, also when not a contact yet."
    )
    partner_phone = fields.Char(
        string="Phone",
        groups="property_complaint.group_complaint_agent",
        help="Normalised to the international format; confidential.",
    )
    partner_email = fields.Char(
        string="Email", groups="property_complaint.group_complaint_agent"
    )
    id_number = fields.Char(
        string="ID Number",
        groups="property_complaint.group_complaint_agent",
        help="Resident identity card number (居民身份证号码), when given; "
        "confidential.",
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
        string="Co-complainants",
        help="Number of other customers joining this complaint.",
    )
    complained_about = fields.Char(
        help="Person or service complained about (投诉对象)."
    )
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

    _sql_constraints = [
        (
            "name_site_uniq",
            "unique(name, site_id)",
            "The complaint number must be unique.",
        ),
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

    @api.depends("channel_id.is_online")
    def _compute_is_online(self):
        # the channel's flag without reading the channel at each registration
        online = self.env["property.complaint.channel"]._online_ids()
        for complaint in self:
            complaint.is_online = complaint.channel_id.id in online

    @api.depends("state")
    def _compute_is_closed(self):
        for complaint in self:
            complaint.is_closed = complaint.state == "closed"

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([("role", "!=", False)], order=stages._order)

    @api.model
    def _stage_for_role(self, role):
        return self.env["property.complaint.stage"].browse(
            self.env["property.complaint.stage"]._first_of_role(role)
        )

    @api.model
    @tools.ormcache()
    def _precompute_inputs(self):
        """The stored, non-computed fields that the precomputed fields depend on."""
        names = set()
        for field in self._fields.values():
            if not (field.store and field.compute and field.precompute):
                continue
            for path in self.pool.field_depends[field]:
                dependency = self._fields.get(path.split(".")[0])
                if (
                    dependency
                    and dependency.store
                    and not dependency.compute
                    and dependency.type not in ("one2many", "many2many")
                ):
                    names.add(dependency.name)
        return tuple(sorted(names))

    @api.model
    def _default_record(self, xmlid):
        """The record of ``xmlid`` (False when missing), from the cached xmlid look-up
        (``env.ref`` checks that the record exists with a query at every call)."""
        model, res_id = self.env["ir.model.data"]._xmlid_to_res_model_res_id(
            xmlid, raise_if_not_found=False
        )
        return self.env[model].browse(res_id) if model else False

    @api.depends("name", "summary")
    def _compute_display_name(self):
        for complaint in self:
            if complaint.summary and complaint.name:
                complaint.display_name = f"{complaint.name} {complaint.summary}"
            else:
                complaint.display_name = complaint.name or complaint.summary

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
            # the receipt is told with the registration (_notify_customer below): its
            # stamp goes into the INSERT, not an UPDATE after it
            vals["date_receipt_notified"] = fields.Datetime.now()
            if vals.get("category_id") and "kind" not in vals:
                vals["kind"] = categories.browse(vals["category_id"]).default_kind
        assignments = [
            (vals.pop("department_id", False), vals.pop("handler_id", False))
            for vals in vals_list
        ]
        default_site = (
            self.default_get(["site_id"]).get("site_id")
            if not all(vals.get("site_id") for vals in vals_list)
            else False
        )
        sites = self.env["property.site"].browse(
            {vals.get("site_id") or default_site for vals in vals_list} - {False}
        )
        sites._complaint_prime_registration()
        for vals in vals_list:
            site = sites.browse(vals.get("site_id") or default_site)
            if not site:
                raise UserError(self.env._("Choose the site of the complaint."))
            received = (
                fields.Datetime.to_datetime(vals.get("date_received"))
                or fields.Datetime.now()
            )
            vals["name"] = site._next_complaint_number(received)
            if not vals.get("date_matter_arose"):
                vals["date_matter_arose"] = site._local_date(received)
            if "responsible_user_id" not in vals and site.manager_id:
                vals["responsible_user_id"] = site.manager_id.id
            if "callback_ids" not in vals:
                # no callback yet: known now, not computed after the insert (an UPDATE)
                vals.setdefault("callback_state", False)
                vals.setdefault("is_callback_satisfied", False)
        # the plain fields without a default that the precomputed ones (class,
        # deadlines) read: read on the record still unsaved, each of them would ask
        # for its default on its own (the fields with a default get it from create)
        inputs = self._precompute_inputs()
        missing = {name for vals in vals_list for name in inputs if name not in vals}
        if missing:
            defaults = self.default_get(sorted(missing))
            for vals in vals_list:
                for name in missing - defaults.keys():
                    vals.setdefault(name, False)
        if any(vals.get("class_override") for vals in vals_list):
            self._check_group("property_complaint.group_complaint_manager")
        # the life cycle starts at a stage of the role "new" (see access)
        model = self._initial_stage(vals_list)
        complaints = super(PropertyComplaint, model).create(vals_list)
        for complaint, (department_id, handler_id) in zip(
            complaints, assignments, strict=True
        ):
            if department_id or handler_id:
                complaint._dispatch(
                    self.env["hr.department"].browse(department_id),
                    self.env["res.users"].browse(handler_id),
                    False,
                    update_activities=False,
                )
        # the others by the dispatch rules (issue #21), when one matches
        complaints.browse(
            [
                complaint.id
                for complaint, assignment in zip(complaints, assignments, strict=True)
                if not any(assignment)
            ]
        )._auto_dispatch()
        # the to-dos of the new complaints, in one batch
        complaints._activity_update()
        # the complainants' receipts (and the dispatch of those dispatched at once)
        complaints._notify_customer("receipt", stamped=True)
        complaints._notify_customer("dispatch")
        return complaints

    # ------------------------------------------------------------------
    # Incoming e-mail (C01)
    # ------------------------------------------------------------------
    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A message to the alias of a site registers an e-mail complaint."""
        values = dict(custom_values or {})
        email = (msg_dict.get("email_from") or "").strip()
        name, address = parse_contact_from_email(email) if email else ("", "")
        values.setdefault(
            "summary", msg_dict.get("subject") or self.env._("E-mail complaint")
        )
        values.setdefault("description", msg_dict.get("body"))
        values.setdefault("complainant_name", name or address)
        values.setdefault("partner_email", address)
        values.setdefault("is_written", True)
        channel = self.env.ref(
            "property_complaint.channel_email", raise_if_not_found=False
        )
        if channel:
            values.setdefault("channel_id", channel.id)
        if msg_dict.get("author_id"):
            values.setdefault("partner_id", msg_dict["author_id"])
        return super().message_new(msg_dict, custom_values=values)
