from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .staff import STAFF

PORTAL_STAMPED = {
    "portal_approval_state",
    "portal_approval_date",
    "portal_approver_id",
    "portal_refusal_reason",
}


class PropertyGoodsPass(models.Model):
    """The tenant company's authorised signatory approves or refuses its carry-out
    goods passes in the portal (V05): the first level of the pass's approval
    (property.approval.mixin; the rule: data/property_approval_rule_data.xml), before
    customer service's stamp."""

    _name = "property.goods.pass"
    _inherit = ["property.portal.staff.chatter", "property.goods.pass", "portal.mixin"]

    portal_approval_state = fields.Selection(
        [
            ("approved", "Approved by the Signatory"),
            ("refused", "Refused by the Signatory"),
        ],
        string="Signatory's Answer",
        readonly=True,
        copy=False,
        tracking=True,
    )
    portal_approval_date = fields.Datetime(
        string="Answered On", readonly=True, copy=False
    )
    portal_approver_id = fields.Many2one(
        "property.tenant.signatory", string="Answered By", readonly=True, copy=False
    )
    portal_refusal_reason = fields.Text(
        string="Reason of the Refusal", readonly=True, copy=False
    )
    approval_signatory_user_ids = fields.Many2many(
        "res.users",
        string="Signatories Who May Answer",
        compute="_compute_approval_signatory_user_ids",
        groups=STAFF,
        help="V05: the portal users of the tenant's signatories authorised on the "
        "carrying day.",
    )
    # the approval's bookkeeping is the staff's (the signatory answers through the page)
    approval_state = fields.Selection(groups=STAFF)
    approval_review_ids = fields.One2many(groups=STAFF)
    approval_can_review = fields.Boolean(groups=STAFF)
    # V05, V09: the carrier's ID document and phone, the desk's and the gate's work are
    # the staff's; the signatory reads what is carried out, by whom and when
    create_uid = fields.Many2one(groups=STAFF)
    write_uid = fields.Many2one(groups=STAFF)
    id_type = fields.Selection(groups=STAFF)
    id_number_masked = fields.Char(groups=STAFF)
    phone_masked = fields.Char(groups=STAFF)
    seal_checked = fields.Boolean(groups=STAFF)
    tenant_seal_image = fields.Image(groups=STAFF)
    large_move = fields.Boolean(groups=STAFF)
    slot_id = fields.Many2one(groups=STAFF)
    cs_confirmed_by_id = fields.Many2one(groups=STAFF)
    cs_confirmed_date = fields.Datetime(groups=STAFF)
    gate_user_id = fields.Many2one(groups=STAFF)
    gate_time = fields.Datetime(groups=STAFF)
    gate_note = fields.Text(groups=STAFF)
    reissued_from_id = fields.Many2one(groups=STAFF)
    reissue_ids = fields.One2many(groups=STAFF)

    @api.depends(
        "tenant_partner_id.property_signatory_ids.portal_partner_id",
        "tenant_partner_id.property_signatory_ids.date_from",
        "tenant_partner_id.property_signatory_ids.date_to",
        "planned_date",
    )
    def _compute_approval_signatory_user_ids(self):
        for goods in self:
            record = goods.sudo()
            day = (
                record.site_id._local_date(record.planned_date)
                if record.planned_date
                else None
            )
            contacts = record.tenant_partner_id.property_signatory_ids.filtered(
                lambda s, day=day: day and s.portal_partner_id and s._is_valid_on(day)
            ).portal_partner_id
            goods.approval_signatory_user_ids = contacts.with_context(
                active_test=True
            ).user_ids

    def _compute_access_url(self):
        for goods in self:
            goods.access_url = f"/my/goods_passes/{goods.id}"

    def _property_owned_fields(self):
        return super()._property_owned_fields() | PORTAL_STAMPED

    def _property_owned_message(self, names):
        if PORTAL_STAMPED & set(names):
            return self.env._(
                "Only the tenant's signatory answers a goods pass, in the portal."
            )
        return super()._property_owned_message(names)

    # ------------------------------------------------------------------
    # The signatory's answer
    # ------------------------------------------------------------------
    def _portal_signatory(self):
        """The current user's valid signatory record for this pass's tenant company on
        its carrying day, or an empty recordset."""
        self.ensure_one()
        record = self.sudo()
        day = record.site_id._local_date(record.planned_date)
        signatories = record.tenant_partner_id.property_signatory_ids.filtered(
            lambda s: (
                s.portal_partner_id == self.env.user.partner_id and s._is_valid_on(day)
            )
        )
        return signatories[:1]

    def _portal_can_answer(self):
        """The pass waits for the answer of the tenant's signatory and the current user
        is one (the level's reviewers: ``approval_signatory_user_ids``)."""
        self.ensure_one()
        record = self.sudo()
        review = record._approval_current_review() if record.state == "draft" else None
        return bool(
            review
            and self.env.user in review.rule_id._reviewers(record)
            and self._portal_signatory()
        )

    def _portal_check_answer(self):
        if not self.env.user._is_portal():
            raise AccessError(
                self.env._("The tenant's signatory answers in the portal.")
            )
        self.check_access("read")
        for record in self:
            if not record._portal_signatory():
                raise AccessError(
                    self.env._(
                        "You are not an authorised signatory of %(tenant)s on the "
                        "carrying day of %(name)s.",
                        tenant=record.sudo().tenant_partner_id.name,
                        name=record.sudo().name,
                    )
                )
            if not record._portal_can_answer():
                raise UserError(
                    self.env._(
                        "Goods pass %(name)s waits for no answer of the signatory.",
                        name=record.sudo().name,
                    )
                )

    def action_portal_approve(self):
        """V05: the authorised signatory signs the carry-out online; customer service
        still stamps the pass before the goods pass the gate."""
        self._portal_check_answer()
        signatories = {record.id: record._portal_signatory() for record in self}
        self._approval_decide(True)
        now = fields.Datetime.now()
        for record in self:
            signatory = signatories[record.id]
            record.sudo()._write_internal(
                {
                    "auth_method": "signature",
                    "signatory_id": signatory.id,
                    "portal_approval_state": "approved",
                    "portal_approval_date": now,
                    "portal_approver_id": signatory.id,
                }
            )
            record.sudo().message_post(
                body=self.env._(
                    "Carrying out approved online by the authorised signatory "
                    "%(name)s.",
                    name=signatory.name,
                ),
                author_id=self.env.user.partner_id.id,
                subtype_xmlid="mail.mt_note",
            )
            record.sudo()._portal_notify_front_desk(
                self.env._(
                    "Approved by the tenant: stamp goods pass %(name)s",
                    name=record.sudo().name,
                )
            )
        return True

    def action_portal_refuse(self, reason):
        """V05: the authorised signatory refuses the carry-out; customer service cannot
        stamp the pass any more."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Say why the goods may not be carried out."))
        self._portal_check_answer()
        signatories = {record.id: record._portal_signatory() for record in self}
        self._approval_decide(False, reason)
        now = fields.Datetime.now()
        for record in self:
            signatory = signatories[record.id]
            record.sudo()._write_internal(
                {
                    "portal_approval_state": "refused",
                    "portal_approval_date": now,
                    "portal_approver_id": signatory.id,
                    "portal_refusal_reason": reason,
                }
            )
            record.sudo().message_post(
                body=self.env._(
                    "Carrying out refused online by the authorised signatory "
                    "%(name)s: %(reason)s",
                    name=signatory.name,
                    reason=reason,
                ),
                author_id=self.env.user.partner_id.id,
                subtype_xmlid="mail.mt_note",
            )
            record.sudo()._portal_notify_front_desk(
                self.env._(
                    "Refused by the tenant: cancel goods pass %(name)s",
                    name=record.sudo().name,
                )
            )
        return True

    def action_approval_approve(self, comment=None):
        # the signatory's level is answered with its bookkeeping (who signed, how)
        if self.env.user._is_portal():
            return self.action_portal_approve()
        return super().action_approval_approve(comment)

    def action_approval_refuse(self, comment=None):
        if self.env.user._is_portal():
            return self.action_portal_refuse(comment)
        return super().action_approval_refuse(comment)

    def _portal_notify_front_desk(self, summary):
        for record in self:
            user = record.create_uid
            if user and not user.share:
                record.activity_schedule(
                    "mail.mail_activity_data_todo", user_id=user.id, summary=summary
                )

    def action_confirm(self):
        refused = self.filtered(lambda p: p.portal_approval_state == "refused")
        if refused:
            raise UserError(
                self.env._(
                    "The tenant's signatory refused goods pass %(name)s: it cannot be "
                    "stamped.",
                    name=refused[0].name,
                )
            )
        return super().action_confirm()
