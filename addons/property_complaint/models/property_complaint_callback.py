from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.property_base.tools import INTERNAL, is_internal


class PropertyComplaintCallback(models.Model):
    """The callback (回访) to the customer after the result of a complaint was
    communicated (C15), or its exemption chosen by a supervisor (C16)."""

    _name = "property.complaint.callback"
    _description = "Complaint Callback"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.integrity.mixin",
        "property.todo.mixin",
    ]
    # the suite's integrity rules (property_base/models/property_integrity_mixin.py)
    _internal_flag = "property_complaint_action"
    _property_keep = True
    _property_lock_parent = "complaint_id"
    _property_create_fields = frozenset({"complaint_id"})
    _order = "date_due, id"
    _rec_name = "complaint_id"
    _check_company_auto = True

    complaint_id = fields.Many2one(
        "property.complaint",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
        check_company=True,
    )
    site_id = fields.Many2one(related="complaint_id.site_id", store=True, index=True)
    company_id = fields.Many2one(
        related="complaint_id.company_id", store=True, index=True
    )
    kind = fields.Selection(related="complaint_id.kind", store=True)
    summary = fields.Char(related="complaint_id.summary")
    complainant_name = fields.Char(related="complaint_id.complainant_name")
    unit_id = fields.Many2one(related="complaint_id.unit_id")
    state = fields.Selection(
        [("todo", "To Call Back"), ("done", "Done"), ("exempted", "Exempted")],
        required=True,
        default="todo",
        readonly=True,
        tracking=True,
        index=True,
        copy=False,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        tracking=True,
        index=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        help="The agent in charge of the callback.",
    )
    date_due = fields.Date(string="Due On", required=True, index=True, tracking=True)
    date_done = fields.Datetime(
        string="Called Back On",
        tracking=True,
        help="Now when left empty as the callback is recorded.",
    )
    method = fields.Selection(
        [
            ("phone", "Phone"),
            ("visit", "Visit"),
            ("other", "Other"),
            # answered by the resident on the page of the link of a message
            ("link", "Link (by the Resident)"),
        ],
        tracking=True,
    )
    caller_name = fields.Char(
        string="Called By",
        help="Who called the customer back: the customer-service supervisor after the "
        "fix is verified, or the building officer or person in charge.",
    )
    answered_by = fields.Char(
        tracking=True,
        help="Who answered a phone callback: the customer, or who spoke for them.",
    )
    satisfaction_id = fields.Many2one("property.complaint.satisfaction", tracking=True)
    is_satisfied = fields.Boolean(related="satisfaction_id.is_satisfied", store=True)
    is_dissatisfied = fields.Boolean(
        related="satisfaction_id.is_dissatisfied", store=True
    )
    comments = fields.Text(string="Customer's Comments")
    signature = fields.Binary(
        string="Customer's Signature", copy=False, attachment=True, help="签字认可"
    )
    signed_form = fields.Binary(string="Signed Paper Form", copy=False, attachment=True)
    signed_form_name = fields.Char(string="Signed Form File Name")
    no_signature_possible = fields.Boolean(
        help="Kept for the callbacks recorded before a phone callback needed no "
        "signature; only a visit callback is signed.",
    )
    exemption_reason = fields.Selection(
        [
            ("on_spot", "Resolved on the Spot, Satisfaction Confirmed"),
            ("no_contact", "Anonymous or No Contact"),
            ("sensitive", "Sensitive Complaint"),
        ],
        tracking=True,
        help="Why no callback is made (C16); chosen by a supervisor.",
    )
    exemption_note = fields.Text()
    exempted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    second_complaint_id = fields.Many2one(
        "property.complaint", readonly=True, copy=False, index=True
    )
    is_late = fields.Boolean(compute="_compute_is_late", search="_search_is_late")

    # ------------------------------------------------------------------
    @api.depends("state", "date_due")
    @api.depends_context("tz")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for callback in self:
            callback.is_late = callback.state == "todo" and callback.date_due < today

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on late callbacks."))
        domain = [
            ("state", "=", "todo"),
            ("date_due", "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.model
    def _due_days(self, complaint):
        """Calendar days to call back (C15): 7 for class 1, 14 otherwise (settings).
        The class comes from the class rules (C05–C07) when they are installed."""
        is_class1 = (
            "complaint_class" in complaint._fields
            and complaint.complaint_class
            in (
                "1",
                1,
            )
        )
        company = complaint.company_id or self.env.company
        if is_class1:
            return company.property_complaint_callback_days_class1
        return company.property_complaint_callback_days_other

    @api.model
    def _prepare_for_complaints(self, complaints):
        vals_list = []
        for complaint in complaints:
            start = complaint.date_result_communicated or fields.Datetime.now()
            date_due = complaint.site_id._local_date(start) + timedelta(
                days=self._due_days(complaint)
            )
            if complaint.survey_callback_deadline:
                date_due = min(date_due, complaint.survey_callback_deadline)
            vals_list.append(
                {
                    "complaint_id": complaint.id,
                    "user_id": complaint.user_id.id or self.env.user.id,
                    "date_due": date_due,
                }
            )
        return vals_list

    # ------------------------------------------------------------------
    def _check_group(self, xmlid):
        self.env["property.complaint"]._check_group(xmlid)

    def _check_todo(self):
        for callback in self:
            if callback.state != "todo":
                raise UserError(
                    self.env._(
                        "The callback of %(number)s is already recorded.",
                        number=callback.complaint_id.name,
                    )
                )

    def _property_owned_fields(self):
        return super()._property_owned_fields() | {
            "state",
            "exempted_by_id",
            "second_complaint_id",
            "complaint_id",
        }

    def _property_owned_message(self, names):
        return self.env._("Use the buttons of the callback to change its state.")

    def _property_locked(self):
        return self.filtered(lambda c: c.state != "todo")

    def _property_lock_message(self):
        return self.env._("A recorded callback is read-only.")

    @api.constrains("method")
    def _check_method_link(self):
        """Only the resident's answer on the page of the link records a callback
        made by the link."""
        if is_internal(self.env, self._internal_flag):
            return
        if any(callback.method == "link" for callback in self):
            raise ValidationError(
                self.env._(
                    "Only the customer's answer through the link of a message is "
                    "recorded as a callback by link."
                )
            )

    @api.onchange("method", "satisfaction_id")
    def _onchange_method_date_done(self):
        if self.state == "todo" and self.method and not self.date_done:
            self.date_done = fields.Datetime.now()

    def _missing_for_done(self):
        """What the callback lacks to be recorded (C15): the method and the
        satisfaction; a visit is signed on screen or on paper, a phone callback names
        who answered."""
        self.ensure_one()
        missing = []
        for fname in ("method", "satisfaction_id"):
            if not self[fname]:
                missing.append(self._fields[fname].get_description(self.env)["string"])
        if self.method == "visit" and not (self.signature or self.signed_form):
            missing.append(
                self.env._("the customer's signature or the signed paper form")
            )
        if self.method == "phone" and not (self.answered_by or "").strip():
            missing.append(self.env._("who answered the phone"))
        return missing

    def action_done(self):
        """Record the callback (C15), at the time given or now; a dissatisfied customer
        opens a second complaint (C17), announced to the agent."""
        self._check_group("property_complaint.group_complaint_agent")
        self._check_todo()
        for callback in self:
            missing = callback._missing_for_done()
            if missing:
                raise UserError(
                    self.env._(
                        "The callback of %(number)s needs: %(fields)s.",
                        number=callback.complaint_id.name,
                        fields=", ".join(missing),
                    )
                )
        now = fields.Datetime.now()
        for callback in self.filtered(lambda c: not c.date_done):
            callback.date_done = now
        self.with_context(property_complaint_action=INTERNAL).write({"state": "done"})
        # the agent's to-do is done
        self._activity_update()
        seconds = self.filtered("is_dissatisfied")._create_second_complaints()
        if not seconds:
            return True
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "sticky": True,
                "title": self.env._("Second complaint opened"),
                "message": self.env._(
                    "The customer is dissatisfied: second complaint %(numbers)s is "
                    "registered and the supervisors of the site are told.",
                    numbers=", ".join(seconds.sudo().mapped("name")),
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_exempt(self):
        """No callback is needed (C16): a supervisor records the reason."""
        if not self.env.su and not self.env.user.has_group(
            "property_complaint.group_complaint_supervisor"
        ):
            raise AccessError(
                self.env._("Only a customer-service supervisor can exempt a callback.")
            )
        self._check_todo()
        for callback in self:
            if not callback.exemption_reason:
                raise UserError(
                    self.env._(
                        "Choose the reason of the exemption of %(number)s.",
                        number=callback.complaint_id.name,
                    )
                )
        self.with_context(property_complaint_action=INTERNAL).write(
            {"state": "exempted", "exempted_by_id": self.env.user.id}
        )
        # no callback: the agent's to-do is removed
        self._activity_update()
        return True

    # ------------------------------------------------------------------
    # The to-do of the callback (C15), in one place
    # ------------------------------------------------------------------
    def _property_activity_fields(self):
        # the agent in charge may change: the to-do follows
        return super()._property_activity_fields() | {"user_id", "date_due"}

    def _activity_update(self):
        """The agent in charge has one to-do while the callback is to make (due on its
        day); it is marked done when the callback is recorded, removed when it is
        exempted or given to another agent. In batch, idempotent (anchor:
        hr_holidays' ``activity_update``). The dispatcher's to-dos are the automated
        to-dos of a callback."""
        callbacks = self.sudo()
        if not callbacks:
            return
        callbacks._property_sync_todos(
            {
                callback.id: (
                    callback.user_id,
                    {
                        "date_deadline": callback.date_due,
                        "summary": self.env._(
                            "Call back the customer of %(number)s",
                            number=callback.complaint_id.name,
                        ),
                    },
                )
                for callback in callbacks
                if callback.state == "todo" and callback.user_id
            },
            finished=callbacks.filtered(lambda callback: callback.state == "done"),
        )

    # ------------------------------------------------------------------
    # Dissatisfaction (C17)
    # ------------------------------------------------------------------
    def _prepare_second_complaint(self):
        self.ensure_one()
        first = self.complaint_id.sudo()
        return {
            "site_id": first.site_id.id,
            "kind": "complaint",
            "summary": self.env._(
                "Second complaint: %(summary)s", summary=first.summary
            ),
            "description": self.comments or False,
            "channel_id": first.channel_id.id,
            "category_id": first.category_id.id,
            "partner_id": first.partner_id.id,
            "complainant_name": first.complainant_name,
            "partner_phone": first.partner_phone,
            "partner_email": first.partner_email,
            "unit_id": first.unit_id.id,
            "tenant_company_id": first.tenant_company_id.id,
            "complained_department_id": first.responsible_department_id.id
            or first.complained_department_id.id,
            "customer_request": self.comments or False,
            "is_second_complaint": True,
            # C06: a second complaint is class 2 (or higher)
            "fact_second_complaint": True,
            "parent_complaint_id": first.id,
        }

    def _create_second_complaints(self):
        """Exactly one second complaint (二次投诉) per dissatisfied callback, linked
        both ways; the supervisors of the site are notified."""
        todo = self.filtered(lambda c: not c.second_complaint_id)
        if not todo:
            return self.env["property.complaint"]
        Complaint = self.env["property.complaint"].sudo()
        seconds = Complaint.create([c._prepare_second_complaint() for c in todo])
        for callback, second in zip(todo, seconds, strict=True):
            callback.with_context(property_complaint_action=INTERNAL).write(
                {"second_complaint_id": second.id}
            )
            first = callback.complaint_id
            # the supervisors' to-dos were scheduled as it was registered (see
            # property.complaint._activity_update)
            second.message_subscribe(
                partner_ids=second.site_id.supervisor_ids.partner_id.ids
            )
            body = self.env._(
                "The customer was dissatisfied at the callback of %(first)s "
                "(%(level)s): second complaint %(second)s opened.",
                first=first.name,
                level=callback.satisfaction_id.name,
                second=second.name,
            )
            first.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")
            second.message_post(body=body, subtype_xmlid="mail.mt_note")
        return seconds

    def action_open_complaint(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.complaint",
            "res_id": self.complaint_id.id,
            "view_mode": "form",
        }
