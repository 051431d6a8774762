from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class PropertyApprovalMixin(models.AbstractModel):
    """The suite's one approval mechanism, of the shape of OCA's base_tier_validation:
    the policy is data (``property.approval.rule``: which records, which levels, who
    approves), each level a kept ``property.approval.review``, the record's
    ``approval_state`` written only here (the integrity layer owns it).

    A model calls ``_approval_request()`` when it asks (it returns the records that need
    no approval), offers ``action_approval_approve``/``action_approval_refuse`` and
    reacts in ``_approval_approved()``/``_approval_refused()``; ``_approval_cancel()``
    withdraws a request. Nobody approves their own request unless the rule says that a
    reviewer's own request is approved at once, and nobody decides two levels of one
    record; an advisory level gives advice and cannot refuse."""

    _name = "property.approval.mixin"
    _description = "Approvals of the Suite"
    _inherit = ["property.integrity.mixin"]

    approval_state = fields.Selection(
        [("pending", "To Approve"), ("approved", "Approved"), ("refused", "Refused")],
        readonly=True,
        copy=False,
        index=True,
    )
    approval_review_ids = fields.One2many(
        "property.approval.review",
        "res_id",
        string="Approvals",
        domain=lambda self: [("res_model", "=", self._name)],
        readonly=True,
    )
    approval_can_review = fields.Boolean(
        string="Can Approve", compute="_compute_approval_can_review"
    )

    @api.depends("approval_state")
    @api.depends_context("uid")
    def _compute_approval_can_review(self):
        for record in self:
            review = record._approval_current_review()
            record.approval_can_review = bool(
                review and self.env.user in review.rule_id._reviewers(record)
            )

    # ------------------------------------------------------------------
    # What a model may adapt
    # ------------------------------------------------------------------
    def _approval_company(self):
        self.ensure_one()
        return self["company_id"] if "company_id" in self._fields else self.env.company

    def _approval_activity_record(self):
        """The record the reviewers' to-dos hang on (``self`` when it has
        activities)."""
        self.ensure_one()
        return self if "activity_ids" in self._fields else None

    def _approval_approved(self):
        """Every level of these records is approved (or none was needed)."""

    def _approval_refused(self, comment):
        """A level of these records was refused."""

    # ------------------------------------------------------------------
    # The mechanism
    # ------------------------------------------------------------------
    def _approval_reviews(self):
        return (
            self.env["property.approval.review"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        )

    def _approval_current_review(self):
        self.ensure_one()
        return self._approval_reviews().filtered(lambda r: r.state == "pending")[:1]

    def _approval_request(self, at_once=True):
        """Ask the approvals the rules call for; returns the records that need none
        (their ``approval_state`` is then approved when a rule applied). With
        ``at_once=False``, a level the requester may decide waits for the requester's
        decision instead of being approved at once (a desk that registers a request and
        decides it later, after its checks)."""
        rules = (
            self.env["property.approval.rule"]
            .sudo()
            .search([("model", "=", self._name)])
        )
        user, now = self.env.user, fields.Datetime.now()
        vals_list, free, asked = [], self.browse(), self.browse()
        for record in self:
            levels = [rule for rule in rules if rule._applies_to(record)]
            if not levels:
                free |= record
                continue
            pending = False
            for sequence, rule in enumerate(levels):
                vals = {
                    "res_model": self._name,
                    "res_id": record.id,
                    "rule_id": rule.id,
                    "sequence": sequence,
                    "requested_by_id": user.id,
                    "date_requested": now,
                    "state": "waiting",
                }
                if (
                    at_once
                    and not pending
                    and rule.requester_approves
                    and user in rule._reviewers(record)
                ):
                    vals.update(state="approved", reviewer_id=user.id, date_done=now)
                elif not pending:
                    vals["state"] = pending = "pending"
                vals_list.append(vals)
            if pending:
                asked |= record
            else:
                free |= record
        if vals_list:
            self.env["property.approval.review"]._property_internal().sudo().create(
                vals_list
            )
        if asked:
            asked.sudo()._property_internal().write({"approval_state": "pending"})
            asked._approval_schedule()
        approved = free & self.browse([vals["res_id"] for vals in vals_list])
        if approved:
            approved.sudo()._property_internal().write({"approval_state": "approved"})
        return free

    def _approval_schedule(self):
        """A to-do for each reviewer of the level now to approve (none twice)."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        for record in self:
            review = record._approval_current_review()
            target = record._approval_activity_record()
            if not review or target is None:
                continue
            summary = self.env._("To approve: %(rule)s", rule=review.rule_id.name)
            waiting = target.sudo().activity_ids.filtered(
                lambda a, s=summary: a.activity_type_id == todo and a.summary == s
            )
            for reviewer in review.rule_id._reviewers(record) - waiting.user_id:
                target.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=reviewer.id,
                    summary=summary,
                    note=record.display_name,
                )

    def _approval_decide(self, approve, comment=None):
        user, now = self.env.user, fields.Datetime.now()
        approved, refused = self.browse(), self.browse()
        for record in self:
            review = record._approval_current_review()
            if not review:
                raise UserError(
                    self.env._(
                        "%(record)s is not waiting for approval.",
                        record=record.display_name,
                    )
                )
            rule = review.rule_id
            if not self.env.su and user not in rule._reviewers(record):
                raise AccessError(
                    self.env._(
                        "%(record)s waits for the approval %(rule)s: you are not one "
                        "of its reviewers.",
                        record=record.display_name,
                        rule=rule.name,
                    )
                )
            if not approve and rule.advisory:
                raise UserError(
                    self.env._(
                        "%(rule)s is advice: give it, the next level decides.",
                        rule=rule.name,
                    )
                )
            earlier = record._approval_reviews().filtered(
                lambda r, r0=review: r.sequence < r0.sequence and r.state == "approved"
            )
            if user in earlier.reviewer_id and not self.env.su:
                raise UserError(
                    self.env._(
                        "You decided an earlier level of %(record)s: another reviewer "
                        "decides this one.",
                        record=record.display_name,
                    )
                )
            if (
                review.requested_by_id == user
                and not rule.requester_approves
                and not self.env.su
            ):
                raise UserError(
                    self.env._(
                        "You asked for the approval of %(record)s: another reviewer "
                        "decides.",
                        record=record.display_name,
                    )
                )
            Review = review._property_internal()
            Review.write(
                {
                    "state": "approved" if approve else "refused",
                    "reviewer_id": user.id,
                    "date_done": now,
                    "comment": comment,
                }
            )
            following = record._approval_reviews().filtered(
                lambda r: r.state == "waiting"
            )
            if not approve:
                following._property_internal().write({"state": "cancelled"})
                refused |= record
            elif following:
                following[:1]._property_internal().write({"state": "pending"})
            else:
                approved |= record
            target = record._approval_activity_record()
            if target is not None:
                target.sudo().activity_unlink(
                    ["mail.mail_activity_data_todo"], user_id=user.id
                )
        if approved:
            approved.sudo()._property_internal().write({"approval_state": "approved"})
        if refused:
            refused.sudo()._property_internal().write({"approval_state": "refused"})
        (self - approved - refused)._approval_schedule()
        approved._approval_approved()
        refused._approval_refused(comment)
        return True

    def action_approval_approve(self, comment=None):
        return self._approval_decide(True, comment)

    def action_approval_refuse(self, comment=None):
        return self._approval_decide(False, comment)

    def _approval_cancel(self):
        """Withdraw the open requests of these records."""
        reviews = self._approval_reviews().filtered(
            lambda r: r.state in ("waiting", "pending")
        )
        if reviews:
            reviews._property_internal().write({"state": "cancelled"})
        pending = self.filtered(lambda r: r.approval_state == "pending")
        if pending:
            pending.sudo()._property_internal().write({"approval_state": False})
