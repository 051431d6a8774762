from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.property_base.tools import internal, is_internal
from odoo.addons.property_base.tools.date_style import zh_datetime

GOODS_STAMPED = {
    "state",
    "cs_confirmed_by_id",
    "cs_confirmed_date",
    "valid_until",
    "gate_user_id",
    "gate_time",
    "reissued_from_id",
}
FROZEN_AFTER_CONFIRM = {
    "direction",
    "site_id",
    "tenant_partner_id",
    "carrier_name",
    "planned_date",
    "line_ids",
    "auth_method",
    "signatory_id",
    "seal_checked",
    "large_move",
    "slot_id",
}
# what a draft's levels of approval depend on: changed, they are asked again (V05)
APPROVAL_FIELDS = {
    "direction",
    "site_id",
    "tenant_partner_id",
    "planned_date",
    "auth_method",
    "signatory_id",
}


class PropertyGoodsPass(models.Model):
    """The two-part goods carry-in/carry-out pass (携物出入门证, V05-V07)."""

    _name = "property.goods.pass"
    _description = "Goods Pass"
    _inherit = [
        "property.stamped.mixin",
        "property.personal.data.mixin",
        "property.gate.token.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "property.approval.mixin",
    ]
    # V05: customer service's stamp is a level of the suite's approval mechanism (after
    # the tenant's signatory's when property_portal asks it; the rules are data:
    # data/property_approval_rule_data.xml)
    # the suite's integrity rules (property_base/models/property_integrity_mixin.py)
    _property_keep = True
    _order = "id desc"
    _gate_token_prefix = "G"
    _internal_flag = "property_goods_internal"
    _stamped_fields = GOODS_STAMPED
    _frozen_fields = FROZEN_AFTER_CONFIRM

    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("confirmed", "Confirmed by Customer Service"),
            ("done", "Passed the Gate"),
            ("sent_back", "Sent Back"),
            ("expired", "Expired"),
            ("voided", "Voided"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
    )
    direction = fields.Selection(
        [("out", "Carry Out"), ("in", "Carry In")],
        required=True,
        default="out",
        tracking=True,
    )
    tenant_partner_id = fields.Many2one(
        "res.partner", string="Tenant Company", required=True, tracking=True
    )
    unit_id = fields.Many2one("property.unit", domain="[('site_id', '=', site_id)]")
    carrier_name = fields.Char(string="Carrier", required=True, tracking=True)
    planned_date = fields.Datetime(
        string="Carrying Time",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
    )
    valid_until = fields.Datetime(readonly=True, copy=False)
    line_ids = fields.One2many(
        "property.goods.pass.line", "goods_pass_id", string="Items", copy=True
    )
    auth_method = fields.Selection(
        [("seal", "Tenant Company Seal"), ("signature", "Authorised Signatory")],
        string="Tenant Authorisation",
        tracking=True,
    )
    signatory_id = fields.Many2one(
        "property.tenant.signatory",
        domain="[('partner_id', '=', tenant_partner_id)]",
        tracking=True,
    )
    seal_checked = fields.Boolean(
        tracking=True,
        help="Customer service compared the seal on the paper slip with the tenant's "
        "seal on file.",
    )
    tenant_seal_image = fields.Image(related="tenant_partner_id.property_seal_image")
    large_move = fields.Boolean(
        tracking=True, help="Large moves need a slot booked by customer service."
    )
    slot_id = fields.Many2one(
        "property.move.slot",
        string="Moving Slot",
        domain="[('site_id', '=', site_id)]",
        tracking=True,
    )
    cs_confirmed_by_id = fields.Many2one(
        "res.users", string="Confirmed by Customer Service", readonly=True, copy=False
    )
    cs_confirmed_date = fields.Datetime(
        string="Confirmed On", readonly=True, copy=False
    )
    gate_user_id = fields.Many2one(
        "res.users", string="Guard", readonly=True, copy=False
    )
    gate_time = fields.Datetime(readonly=True, copy=False)
    gate_note = fields.Text(string="Gate Remarks", copy=False, tracking=True)
    reissued_from_id = fields.Many2one(
        "property.goods.pass", string="Reissue of", readonly=True, copy=False
    )
    reissue_ids = fields.One2many(
        "property.goods.pass", "reissued_from_id", string="Reissued As"
    )

    @api.model_create_multi
    def create(self, vals_list):
        passes = super().create(vals_list)
        # the desk that registers the pass stamps it later, after its checks
        passes._approval_request(at_once=False)
        return passes

    def write(self, vals):
        res = super().write(vals)
        if APPROVAL_FIELDS & vals.keys() and not is_internal(
            self.env, self._internal_flag
        ):
            self._approval_renew()
        return res

    def _approval_renew(self):
        """A draft whose tenant, direction, day or authorisation changed asks its levels
        again (a refusal stays: the pass is cancelled)."""
        drafts = self.filtered(
            lambda g: g.state == "draft" and g.approval_state != "refused"
        )
        drafts._approval_cancel()
        drafts._approval_request(at_once=False)

    def _approval_activity_record(self):
        # the desk learns of the tenant's answer by its own to-do (property_portal)
        return None

    def _stamped_error(self):
        return self.env._(
            "The status of a goods pass changes only through its buttons."
        )

    def _property_children_locked(self):
        """The items of a confirmed pass are frozen with it (V05)."""
        return self.filtered(lambda goods: goods.state != "draft")

    def _property_lock_message(self):
        return self.env._("The items of a confirmed goods pass cannot be changed.")

    def _frozen_error(self):
        return self.env._(
            "A confirmed goods pass cannot be changed; send it back and reissue it."
        )

    def _state_error(self, action_label):
        return self.env._(
            "Goods pass %(name)s is %(state)s: this cannot be done now.",
            name=self.name,
            state=self._state_label(),
        )

    def _check_customer_service(self):
        if not self.env.user.has_group("property_visitor.group_visitor_frontdesk"):
            raise AccessError(
                self.env._(
                    "Goods passes are confirmed by the customer-service front desk."
                )
            )

    def _check_guard(self):
        if not self.env.user.has_group("property_visitor.group_visitor_guard"):
            raise AccessError(self.env._("Only a guard checks goods at the gate."))

    @api.model
    def _validity_days(self):
        company = self[:1].company_id or self.env.company
        return company.property_visitor_goods_pass_validity_days

    def _end_of_validity(self):
        """23:59:59 of the carrying day (plus the setting's extra days), site time."""
        self.ensure_one()
        tz = self.site_id._site_tz()
        day = self.site_id._local_date(self.planned_date) + timedelta(
            days=self._validity_days()
        )
        end = tz.localize(datetime.combine(day, time(23, 59, 59)))
        return end.astimezone(pytz.utc).replace(tzinfo=None)

    def _report_local_time(self, field_name="planned_date"):
        """Date and time of a datetime field in the site's time zone, for the form."""
        self.ensure_one()
        value = self[field_name]
        if not value:
            return ""
        return zh_datetime(value, self.site_id._site_tz())

    # ------------------------------------------------------------------
    # Customer service
    # ------------------------------------------------------------------
    def _check_authorisation(self):
        """Carry-out: the tenant's seal or an authorised signature (V05)."""
        self.ensure_one()
        if self.direction != "out":
            return
        if self.auth_method == "seal":
            if not self.tenant_partner_id.property_seal_image:
                raise UserError(
                    self.env._(
                        "%(tenant)s has no seal on file: use an authorised signature.",
                        tenant=self.tenant_partner_id.name,
                    )
                )
            if not self.seal_checked:
                raise UserError(
                    self.env._(
                        "Compare the seal on the slip with the seal on file first."
                    )
                )
            return
        if self.auth_method == "signature":
            signatory = self.signatory_id
            day = self.site_id._local_date(self.planned_date)
            if (
                not signatory
                or signatory.partner_id != self.tenant_partner_id
                or not signatory._is_valid_on(day)
            ):
                raise UserError(
                    self.env._(
                        "The signatory is not authorised by %(tenant)s on %(date)s.",
                        tenant=self.tenant_partner_id.name,
                        date=day,
                    )
                )
            return
        raise UserError(
            self.env._(
                "Carrying goods out needs the tenant company's seal or the signature "
                "of a person it has authorised."
            )
        )

    def _check_slot(self):
        """Large moves need a slot booked by customer service (V07)."""
        self.ensure_one()
        if not self.large_move:
            return
        slot = self.slot_id
        if not slot:
            raise UserError(
                self.env._(
                    "A large move needs a moving slot scheduled by customer service."
                )
            )
        if slot.site_id != self.site_id:
            raise UserError(self.env._("The moving slot belongs to another site."))
        taken = self.search_count(
            [
                ("slot_id", "=", slot.id),
                ("id", "!=", self.id),
                ("state", "in", ("confirmed", "done")),
            ]
        )
        if taken:
            raise UserError(
                self.env._(
                    "The slot %(slot)s is already booked.", slot=slot.display_name
                )
            )

    def _check_confirmable(self):
        """What the stamp checks (V05-V07): not under decoration, the items listed, the
        tenant's authorisation of a carry-out, the moving slot of a large move."""
        for record in self:
            if record.tenant_partner_id.property_under_decoration:
                raise UserError(
                    self.env._(
                        "%(tenant)s is under decoration: its goods follow the "
                        "decoration process, not a goods pass.",
                        tenant=record.tenant_partner_id.name,
                    )
                )
            if not record.line_ids:
                raise UserError(self.env._("List the items carried."))
            record._check_authorisation()
            record._check_slot()

    def action_confirm(self):
        """Customer service's stamp (盖章确认), needed in both directions: the desk's
        level of the pass's approval, decided after the checks; the last level confirms
        the pass (``_approval_approved``)."""
        self._check_customer_service()
        self._check_state(("draft",))
        for record in self:
            if record.approval_state == "refused":
                raise UserError(
                    self.env._(
                        "Goods pass %(name)s was refused: it cannot be stamped.",
                        name=record.name,
                    )
                )
        self._check_confirmable()
        # passes registered before the approvals: asked now
        self.filtered(lambda g: not g.approval_state)._approval_request(at_once=False)
        if self.env.su:
            # the mechanism lets the superuser decide any level: never the tenant's
            for record in self:
                review = record._approval_current_review()
                if review.rule_id.reviewer_field:
                    raise UserError(
                        self.env._(
                            "%(record)s waits for the approval %(rule)s: you are not "
                            "one of its reviewers.",
                            record=record.display_name,
                            rule=review.rule_id.name,
                        )
                    )
        asked = self.filtered(lambda g: g.approval_state == "pending")
        asked._approval_decide(True)
        # no rule asks any approval: the stamp confirms at once
        (self - asked)._approval_approved()
        return True

    def _approval_approved(self):
        """Every level approved: the pass is confirmed, its items frozen (V05)."""
        self._check_confirmable()
        now = fields.Datetime.now()
        for record in self:
            vals = {
                "state": "confirmed",
                "cs_confirmed_by_id": self.env.user.id,
                "cs_confirmed_date": now,
            }
            if record.large_move:
                vals["planned_date"] = record.slot_id.start
            record._write_internal(vals)
            record._write_internal({"valid_until": record._end_of_validity()})

    def action_cancel(self):
        self._check_customer_service()
        self._check_state(("draft", "confirmed"))
        self._approval_cancel()
        self._write_internal({"state": "cancelled"})
        return True

    def action_reissue(self):
        """Void a sent-back pass and issue a new draft linked to it."""
        self._check_customer_service()
        self._check_state(("sent_back",))
        self.ensure_one()
        new = self._property_internal().copy({"reissued_from_id": self.id})
        self._write_internal({"state": "voided"})
        self.message_post(
            body=self.env._("Voided and reissued as %(name)s.", name=new.name)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
            "target": "current",
        }

    # ------------------------------------------------------------------
    # Gate
    # ------------------------------------------------------------------
    def _check_gate_check(self):
        """The guard may check these goods now: a confirmed pass within its validity."""
        self._check_guard()
        self._check_state(("confirmed",))
        now = fields.Datetime.now()
        for record in self:
            if not record.valid_until or record.valid_until < now:
                raise UserError(self.env._("This goods pass has expired."))
            if record._gate_live_status() == "not_yet_valid":
                raise UserError(
                    self.env._(
                        "Goods pass %(name)s is valid from its carrying day, %(date)s.",
                        name=record.name,
                        date=record._report_local_time().split(" ")[0],
                    )
                )

    def action_gate_check(self):
        """Open the guard's count of the goods: the approved items with the quantity
        seen at the gate (property.goods.check)."""
        self._check_gate_check()
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Check at the Gate"),
            "res_model": "property.goods.check",
            "view_mode": "form",
            "target": "new",
            "context": dict(self.env.context, default_goods_pass_id=self.id),
        }

    def _gate_check_counts(self, counts):
        """Record the quantities the guard counted (``{line: quantity}`` for every
        item) and finish the check: all match, the goods pass; any mismatch sends the
        pass back to customer service."""
        self._check_gate_check()
        now = fields.Datetime.now()
        Log = self.env["property.gate.log"].sudo()
        for record in self:
            if set(counts) != set(record.line_ids.ids):
                raise UserError(self.env._("Count every item of the goods pass."))
            negative = record.line_ids.filtered(lambda line: counts[line.id] < 0)
            if negative:
                raise UserError(
                    self.env._(
                        "The counted quantity of %(item)s is negative.",
                        item=negative[0].name,
                    )
                )
            # one write per counted quantity, not per item
            for quantity in set(counts.values()):
                lines = record.line_ids.filtered(
                    lambda line, quantity=quantity: counts[line.id] == quantity
                )
                internal(lines, self._internal_flag).write({"quantity_seen": quantity})
            mismatched = record.line_ids.filtered(
                lambda line: line.quantity_seen != line.quantity
            )
            matched = record.line_ids - mismatched
            internal(matched, self._internal_flag).write({"line_state": "ok"})
            internal(mismatched, self._internal_flag).write({"line_state": "mismatch"})
            if mismatched:
                note = self.env._(
                    "Quantities differ: %(lines)s",
                    lines="; ".join(
                        f"{line.name} {line.quantity_seen:g}/{line.quantity:g}"
                        for line in mismatched
                    ),
                )
                record._write_internal(
                    {
                        "state": "sent_back",
                        "gate_user_id": self.env.user.id,
                        "gate_time": now,
                    }
                )
                record.message_post(body=note)
            else:
                record._write_internal(
                    {
                        "state": "done",
                        "gate_user_id": self.env.user.id,
                        "gate_time": now,
                    }
                )
                note = self.env._("All quantities match: the goods passed.")
            Log.create(
                {
                    "user_id": self.env.user.id,
                    "site_id": record.site_id.id,
                    "result": "valid",
                    "goods_pass_id": record.id,
                    "holder_name": record.carrier_name,
                    "note": note,
                }
            )
        return True

    def action_gate_refuse(self):
        self._check_guard()
        self._check_state(("confirmed",))
        for record in self:
            if not record.gate_note:
                raise UserError(
                    self.env._("Write why the goods are refused in the remarks.")
                )
        self._write_internal(
            {
                "state": "sent_back",
                "gate_user_id": self.env.user.id,
                "gate_time": fields.Datetime.now(),
            }
        )
        return True

    @api.model
    def _cron_expire(self):
        passes = self.sudo().search(
            [
                ("state", "=", "confirmed"),
                "|",
                ("valid_until", "=", False),
                ("valid_until", "<", fields.Datetime.now()),
            ]
        )
        passes._write_internal({"state": "expired"})
        return len(passes)

    def _gate_live_status(self):
        self.ensure_one()
        if self.state == "confirmed":
            now = fields.Datetime.now()
            if not self.valid_until or self.valid_until < now:
                return "expired"
            # valid from the carrying day (site time), that whole day included
            if self.site_id._local_date(now) < self.site_id._local_date(
                self.planned_date
            ):
                return "not_yet_valid"
            return "valid"
        return {
            "done": "used",
            "expired": "expired",
            "sent_back": "revoked",
            "voided": "revoked",
            "cancelled": "revoked",
        }.get(self.state, "invalid")

    def _gate_holder_details(self):
        self.ensure_one()
        direction = dict(self._fields["direction"]._description_selection(self.env))[
            self.direction
        ]
        return {
            "holder_name": self.carrier_name,
            "photo": False,
            "reference": f"{direction} {self.name} · {self.tenant_partner_id.name}",
            # in the site's time zone, to the minute (not UTC with seconds)
            "validity": self._report_local_time("valid_until"),
            "site_id": self.site_id.id,
            "items": "\n".join(
                f"{line.name} × {line.quantity:g} {line.uom_name or ''}".strip()
                for line in self.line_ids
            ),
        }
