from odoo import api, fields, models

from odoo.addons.property_base.tools.phone import phone_display


class PropertyComplaintCall(models.Model):
    """A call to the service hotline (C23): when it rang, when it was answered, by
    whom, and the complaint or demand it led to. The caller is looked up by the
    number in any form typed or sent by the telephone system, and the household's
    history (一户一档) is one click away. A telephone system records its calls with
    ``register_call`` over JSON-RPC (README)."""

    _name = "property.complaint.call"
    _description = "Hotline Call"
    # the suite's integrity layer: the figures (seconds, answered by the third ring)
    # are computed, never given by a client
    _inherit = ["property.integrity.mixin"]
    _order = "date_rung desc, id desc"
    _rec_name = "phone_display"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    site_id = fields.Many2one("property.site", index=True)
    phone = fields.Char(
        string="Caller's Number", required=True, help="Stored in E.164 (+86…)."
    )
    phone_display = fields.Char(string="Number", compute="_compute_phone_display")
    date_rung = fields.Datetime(
        string="Rang At", required=True, default=fields.Datetime.now
    )
    date_answered = fields.Datetime(string="Answered At")
    rings = fields.Integer(
        help="Rings before the call was answered, as the telephone system counts "
        "them; empty: counted from the seconds (Settings).",
    )
    seconds_to_answer = fields.Integer(
        compute="_compute_answer", store=True, aggregator="avg"
    )
    answered_in_time = fields.Boolean(
        string="Answered by the Third Ring",
        compute="_compute_answer",
        store=True,
    )
    # 100 or 0: its average over calls is the month's rate (statistics)
    in_time_rate = fields.Float(
        string="Answered by the Third Ring (%)",
        compute="_compute_answer",
        store=True,
        aggregator="avg",
    )
    user_id = fields.Many2one(
        "res.users", string="Answered By", default=lambda self: self.env.user
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Caller",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
    )
    complaint_ids = fields.One2many(
        "property.complaint", "call_id", string="Complaints and Demands"
    )
    history_count = fields.Integer(
        string="Household History", compute="_compute_history_count"
    )
    note = fields.Text()

    # ------------------------------------------------------------------
    @api.depends("phone")
    def _compute_phone_display(self):
        for call in self:
            call.phone_display = phone_display(call.phone)

    @api.depends("date_rung", "date_answered", "rings", "company_id")
    def _compute_answer(self):
        for call in self:
            if not (call.date_rung and call.date_answered):
                call.seconds_to_answer = 0
                call.answered_in_time = False
                call.in_time_rate = 0.0
                continue
            seconds = max(int((call.date_answered - call.date_rung).total_seconds()), 0)
            company = call.company_id or self.env.company
            rings = call.rings or -(
                -seconds // (company.property_complaint_ring_seconds or 5)
            )
            call.seconds_to_answer = seconds
            call.answered_in_time = rings <= company.property_complaint_answer_rings
            call.in_time_rate = 100.0 if call.answered_in_time else 0.0

    @api.depends("phone")
    def _compute_partner_id(self):
        callers = self._callers_by_phone({call.phone for call in self if call.phone})
        for call in self:
            call.partner_id = callers.get(call.phone) or call.partner_id

    @api.model
    def _callers_by_phone(self, numbers):
        """{E.164 number: partner} of the callers known by these numbers: the
        customer of their latest complaint or demand."""
        if not numbers:
            return {}
        Complaint = (
            self.env["property.complaint"].sudo().with_context(active_test=False)
        )
        result = {}
        # one search, the latest first: the first complaint met per number is its
        # latest one (a number's complaints are few)
        for complaint in Complaint.search(
            [("partner_phone", "in", list(numbers)), ("partner_id", "!=", False)],
            order="date_received desc, id desc",
        ):
            result.setdefault(complaint.partner_phone, complaint.partner_id)
        return result

    def _history_domain(self):
        """The household's complaints and demands (一户一档): the caller's, its
        company's and its units', and those registered under the number."""
        self.ensure_one()
        domain = [("partner_phone", "=", self.phone)]
        if self.partner_id:
            domain = ["|", *domain, *self.partner_id._property_complaint_domain()]
        return domain

    @api.depends("phone", "partner_id")
    def _compute_history_count(self):
        Complaint = self.env["property.complaint"].with_context(active_test=False)
        for call in self:
            call.history_count = (
                Complaint.search_count(call._history_domain()) if call.phone else 0
            )

    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("phone"):
                vals["phone"] = self._normalize_call_phone(vals["phone"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("phone"):
            vals = dict(vals, phone=self._normalize_call_phone(vals["phone"]))
        return super().write(vals)

    @api.model
    def _normalize_call_phone(self, phone):
        return self.env["property.complaint"]._normalize_phone(phone)

    @api.model
    def register_call(self, phone, date_rung, date_answered=False, rings=0, **extra):
        """What a telephone system calls for each call (JSON-RPC, as a user of the
        customer-service group): the number in any form, the times in UTC
        (``YYYY-MM-DD HH:MM:SS``), the rings if it counts them, and optionally
        ``agent_login`` and ``site_code``. Returns the call's id."""
        vals = {
            "phone": phone,
            "date_rung": date_rung,
            "date_answered": date_answered,
            "rings": rings or 0,
        }
        if extra.get("agent_login"):
            agent = self.env["res.users"].search(
                [("login", "=", extra["agent_login"])], limit=1
            )
            vals["user_id"] = agent.id
        if extra.get("site_code"):
            site = self.env["property.site"].search(
                [("code", "=", extra["site_code"])], limit=1
            )
            vals["site_id"] = site.id
        return self.create(vals).id

    def action_view_history(self):
        """The caller's household history (一户一档), archived records included."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaint.property_complaint_action"
        )
        action["domain"] = [*self._history_domain(), ("active", "in", (True, False))]
        action["context"] = {"create": False}
        action["view_mode"] = "list,form"
        action["views"] = [(False, "list"), (False, "form")]
        return action

    def action_register_complaint(self):
        """A new complaint or demand from this call: the caller and the number filled
        in, the complaint linked to the call."""
        self.ensure_one()
        context = {
            "default_call_id": self.id,
            "default_partner_phone": self.phone,
            "default_channel_id": self.env.ref(
                "property_complaint.channel_phone", raise_if_not_found=False
            ).id,
        }
        if self.partner_id:
            context["default_partner_id"] = self.partner_id.id
        if self.site_id:
            context["default_site_id"] = self.site_id.id
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.complaint",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": context,
        }
