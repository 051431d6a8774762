from odoo import fields, models
from odoo.exceptions import AccessError, UserError


class PropertyGoodsPassStampMixin(models.AbstractModel):
    """Customer service's stamp (盖章确认) of a goods pass (V05-V07): the checks of the
    desk, its level of the pass's approval, the cancellation and the reissue."""

    _name = "property.goods.pass.stamp.mixin"
    _description = "Goods Pass: Customer Service's Stamp"

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

    def _check_customer_service(self):
        if not self.env.user.has_group("property_visitor.group_visitor_frontdesk"):
            raise AccessError(
                self.env._(
                    "Goods passes are confirmed by the customer-service front desk."
                )
            )

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
