from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import format_date

PASS_SETTINGS = {
    # pass_type: (validity days, fee, deposit) fields of the company
    "temporary": (
        "property_visitor_temp_pass_validity_days",
        "property_visitor_temp_pass_fee",
        "property_visitor_temp_pass_deposit",
    ),
    "resident": (
        "property_visitor_resident_card_validity_days",
        "property_visitor_resident_card_fee",
        "property_visitor_resident_card_deposit",
    ),
}


class PropertyPass(models.Model):
    """A temporary entry pass (临时出入证) or a resident card (住户卡), V04."""

    _name = "property.pass"
    _description = "Entry Pass"
    _inherit = [
        "property.stamped.mixin",
        "property.personal.data.mixin",
        "property.gate.token.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "id desc"
    _gate_token_prefix = "P"
    _internal_flag = "property_pass_internal"
    _stamped_fields = {"state", "deposit_state", "extension_count", "date_returned"}
    # the holder and the validity of an issued pass: only its buttons change them
    _frozen_fields = {
        "site_id",
        "pass_type",
        "holder_name",
        "holder_partner_id",
        "holder_category",
        "photo",
        "id_type",
        "id_number",
        "id_number_masked",
        "phone",
        "phone_masked",
        "sponsor_unit_id",
        "sponsor_partner_id",
        "date_from",
        "date_to",
        "fee",
        "deposit",
    }

    pass_type = fields.Selection(
        [("temporary", "Temporary Entry Pass"), ("resident", "Resident Card")],
        required=True,
        default="temporary",
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Active"),
            ("suspended", "Suspended"),
            ("expired", "Expired"),
            ("revoked", "Revoked"),
            ("returned", "Returned"),
        ],
        default="draft",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    holder_name = fields.Char(string="Holder", required=True, tracking=True)
    holder_partner_id = fields.Many2one("res.partner", string="Resident", tracking=True)
    holder_category = fields.Selection(
        [
            ("contractor", "Contractor"),
            ("decoration", "Decoration Worker"),
            ("temporary_staff", "Temporary Staff"),
            ("resident", "Resident"),
        ],
        required=True,
        default="contractor",
        tracking=True,
    )
    photo = fields.Image(max_width=512, max_height=512)
    sponsor_unit_id = fields.Many2one(
        "property.unit", domain="[('site_id', '=', site_id)]"
    )
    sponsor_partner_id = fields.Many2one(
        "res.partner",
        string="Sponsor",
        help="Tenant company or contractor responsible for the holder.",
        tracking=True,
    )
    date_from = fields.Date(
        string="Valid From",
        required=True,
        default=lambda self: self._default_date_from(),
    )
    # never open-ended: filled from the pass type's validity when not given
    date_to = fields.Date(string="Valid Until", required=True, tracking=True)
    fee = fields.Monetary(tracking=True)
    deposit = fields.Monetary(tracking=True)
    deposit_state = fields.Selection(
        [
            ("none", "No Deposit"),
            ("held", "Held"),
            ("refunded", "Refunded"),
            ("kept", "Kept"),
        ],
        default="none",
        readonly=True,
        tracking=True,
        copy=False,
    )
    extension_count = fields.Integer(readonly=True, copy=False)
    date_returned = fields.Date(readonly=True, copy=False)
    note = fields.Text()

    # ------------------------------------------------------------------
    # Settings
    # ------------------------------------------------------------------
    @api.model
    def _pass_settings(self, pass_type, company=None):
        """(validity days, fee, deposit) of ``pass_type`` in ``company`` (the
        record's, else the current one)."""
        company = company or self[:1].company_id or self.env.company
        return tuple(company[name] for name in PASS_SETTINGS[pass_type])

    @api.onchange("pass_type")
    def _onchange_pass_type(self):
        days, fee, deposit = self._pass_settings(self.pass_type or "temporary")
        self.fee, self.deposit = fee, deposit
        self.date_to = (self.date_from or self._site_today()) + timedelta(days=days)
        if self.pass_type == "resident":
            self.holder_category = "resident"

    @api.model_create_multi
    def create(self, vals_list):
        # the suite's input guard ran first (property.integrity.mixin)
        for vals in vals_list:
            site = self.env["property.site"].browse(vals.get("site_id"))
            days, fee, deposit = self._pass_settings(
                vals.get("pass_type") or "temporary", site.company_id
            )
            vals.setdefault("fee", fee)
            vals.setdefault("deposit", deposit)
            if not vals.get("date_from"):
                vals["date_from"] = self._site_today(site)
            if not vals.get("date_to"):
                vals["date_to"] = fields.Date.to_date(vals["date_from"]) + timedelta(
                    days=days
                )
        passes = super().create(vals_list)
        passes._check_validity_limit()
        return passes

    def write(self, vals):
        if "date_to" in vals and not vals["date_to"]:
            raise UserError(
                self.env._("A pass needs an end date: passes are never open-ended.")
            )
        res = super().write(vals)
        if {"date_from", "date_to", "pass_type"} & vals.keys():
            self._check_validity_limit()
        return res

    def _check_validity_limit(self):
        """A pass is valid at most its type's validity (the setting) from the later of
        its start and today: on creation, on every change and on every extension."""
        for record in self:
            days = record._pass_settings(record.pass_type)[0]
            start = max(record.date_from, record._site_today())
            if record.date_to > start + timedelta(days=days):
                kind = dict(self._fields["pass_type"]._description_selection(self.env))[
                    record.pass_type
                ]
                raise ValidationError(
                    self.env._(
                        "A %(kind)s is valid for at most %(days)s days: it cannot run "
                        "until %(date)s.",
                        kind=kind,
                        days=days,
                        date=format_date(self.env, record.date_to),
                    )
                )

    def _stamped_error(self):
        return self.env._("The status of a pass changes only through its buttons.")

    def _frozen_error(self):
        return self.env._(
            "The holder and the validity of an issued pass cannot be changed: extend "
            "it with the Extend button, or revoke it and issue a new pass."
        )

    @api.model
    def _default_date_from(self):
        return self._site_today(self.env.user.property_site_ids[:1])

    def _site_today(self, site=None):
        """Today at the gate: the date in the site's time zone, whoever asks and from
        where."""
        site = site if site is not None else self.site_id
        if not site:
            return fields.Date.context_today(self)
        return site._local_date(fields.Datetime.now())

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _state_error(self, action_label):
        return self.env._(
            "Pass %(name)s is %(state)s: this cannot be done now.",
            name=self.name,
            state=self._state_label(),
        )

    def _check_issuer(self):
        if not self.env.user.has_group("property_visitor.group_visitor_frontdesk"):
            raise AccessError(self.env._("Passes are issued by the front desk."))

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        if any(p.date_to and p.date_from and p.date_to < p.date_from for p in self):
            raise ValidationError(self.env._("The pass ends before it starts."))

    def action_activate(self):
        self._check_issuer()
        self._check_state(("draft",))
        for record in self:
            if record.date_to < record.date_from:
                raise UserError(self.env._("The pass ends before it starts."))
            record._check_validity_limit()
            record._write_internal(
                {
                    "state": "active",
                    "deposit_state": "held" if record.deposit else "none",
                }
            )
        return True

    def action_suspend(self):
        self._check_issuer()
        self._check_state(("active",))
        self._write_internal({"state": "suspended"})
        return True

    def action_resume(self):
        self._check_issuer()
        self._check_state(("suspended",))
        self._write_internal({"state": "active"})
        return True

    def action_revoke(self):
        if not (
            self.env.user.has_group(
                "property_visitor.group_visitor_frontdesk_supervisor"
            )
            or self.env.user.has_group(
                "property_visitor.group_visitor_security_manager"
            )
        ):
            raise AccessError(
                self.env._(
                    "Only the front-desk supervisor or the security manager revokes a "
                    "pass."
                )
            )
        self._check_state(("active", "suspended", "expired"))
        self._write_internal({"state": "revoked"})
        return True

    def _return(self, deposit_state):
        self._check_issuer()
        self._check_state(("active", "suspended", "expired", "revoked"))
        for record in self:
            record._write_internal(
                {
                    "state": "returned",
                    "date_returned": record._site_today(),
                    "deposit_state": deposit_state if record.deposit else "none",
                }
            )
        return True

    def action_return_refund(self):
        """The card is handed back and the deposit refunded."""
        return self._return("refunded")

    def action_return_keep(self, reason=None):
        """The card is lost, or handed back damaged or late: the deposit is kept (the
        reason, when given, noted on the chatter)."""
        res = self._return("kept")
        if reason:
            for record in self.filtered("deposit"):
                record.message_post(
                    body=self.env._("Deposit kept: %(reason)s", reason=reason)
                )
        return res

    def action_extend(self):
        """Extend to one validity period from the later of today and the start date
        (never beyond: the validity limit holds for extensions too)."""
        self._check_issuer()
        self._check_state(("active", "expired"))
        for record in self:
            today = record._site_today()
            days = record._pass_settings(record.pass_type)[0]
            old = record.date_to
            new = max(record.date_from, today) + timedelta(days=days)
            if new <= old:
                raise UserError(
                    self.env._(
                        "Pass %(name)s is already valid until %(date)s, the longest "
                        "its validity allows.",
                        name=record.name,
                        date=old,
                    )
                )
            record._write_internal(
                {
                    "date_to": new,
                    "state": "active",
                    "extension_count": record.extension_count + 1,
                }
            )
            record.message_post(
                body=self.env._(
                    "Pass extended from %(old)s to %(new)s (extension %(count)s).",
                    old=old,
                    new=new,
                    count=record.extension_count,
                )
            )
        return True

    @api.model
    def _cron_expire(self):
        # a site's today is at most one day ahead of UTC's: one search, then each site's
        # date
        latest = fields.Date.today() + timedelta(days=1)
        passes = self.sudo().search(
            [
                ("state", "=", "active"),
                "|",
                ("date_to", "=", False),
                ("date_to", "<", latest),
            ]
        )
        passes = passes.filtered(lambda p: not p.date_to or p.date_to < p._site_today())
        passes._write_internal({"state": "expired"})
        return len(passes)

    # ------------------------------------------------------------------
    # Gate
    # ------------------------------------------------------------------
    def _gate_live_status(self):
        self.ensure_one()
        today = self._site_today()
        if self.state == "active" and (not self.date_to or self.date_to < today):
            return "expired"
        if self.state == "active" and self.date_from > today:
            return "not_yet_valid"
        return {
            "active": "valid",
            "suspended": "suspended",
            "expired": "expired",
            "revoked": "revoked",
            "returned": "revoked",
        }.get(self.state, "invalid")

    def _gate_holder_details(self):
        self.ensure_one()
        kind = dict(self._fields["pass_type"]._description_selection(self.env))[
            self.pass_type
        ]
        return {
            "holder_name": self.holder_name,
            "photo": self.photo,
            "reference": f"{kind} {self.name}",
            "validity": f"{self.date_from} – {self.date_to or ''}",
            "site_id": self.site_id.id,
            "items": self.sponsor_partner_id.name or self.sponsor_unit_id.name or "",
        }
