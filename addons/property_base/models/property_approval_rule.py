from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval


class PropertyApprovalRule(models.Model):
    """Who approves what: the approval policy of the suite as data. A rule applies to
    the records of one model (of one company, or of all) that match its domain;
    the rules of a record are approved one level after the other, by the members
    of a group or by the user a field of the record names
    (``property.approval.mixin``)."""

    _name = "property.approval.rule"
    _description = "Approval Rule"
    _inherit = ["property.input.mixin"]
    _order = "model, sequence, id"

    name = fields.Char(required=True, translate=True)
    model = fields.Selection(selection="_selection_model", required=True, index=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(
        default=10, help="The levels of a record are approved in this order."
    )
    company_id = fields.Many2one(
        "res.company", help="Empty: the rule applies to every company."
    )
    domain = fields.Char(
        default="[]", help="The records that need this approval (all when empty)."
    )
    reviewer_group_id = fields.Many2one("res.groups", string="Approved by the Group")
    reviewer_field = fields.Char(
        string="Approved by the User in Field",
        help="Technical name of the record's field holding the user who approves.",
    )
    advisory = fields.Boolean(
        string="Advice Only",
        help="The reviewers of this level give their advice (with a text) and cannot "
        "refuse.",
    )
    requester_approves = fields.Boolean(
        string="The Requester May Decide",
        help="A reviewer of this level who asks may decide it: at once (recorded) "
        "when it is the first level to approve. Otherwise nobody approves their "
        "own request.",
    )

    @api.model
    def _selection_model(self):
        return [
            (name, self.env[name]._description)
            for name, cls in sorted(self.env.registry.items())
            if not cls._abstract
            and issubclass(cls, self.env.registry["property.approval.mixin"])
        ]

    @api.constrains("reviewer_group_id", "reviewer_field", "model", "domain")
    def _check_reviewers(self):
        for rule in self:
            if bool(rule.reviewer_group_id) == bool(rule.reviewer_field):
                raise ValidationError(
                    self.env._(
                        "Approval rule %(rule)s: name either a group or a field of "
                        "the record that approves.",
                        rule=rule.name,
                    )
                )
            model = self.env[rule.model]
            field = (
                model._fields.get(rule.reviewer_field) if rule.reviewer_field else None
            )
            if rule.reviewer_field and (not field or field.comodel_name != "res.users"):
                raise ValidationError(
                    self.env._(
                        "Approval rule %(rule)s: %(field)s is not a user field of the "
                        "record.",
                        rule=rule.name,
                        field=rule.reviewer_field,
                    )
                )
            try:
                model.search_count(safe_eval(rule.domain or "[]"), limit=1)
            except Exception as error:
                raise ValidationError(
                    self.env._(
                        "Approval rule %(rule)s: its domain cannot be read "
                        "(%(error)s).",
                        rule=rule.name,
                        error=error,
                    )
                ) from error

    def _applies_to(self, record):
        self.ensure_one()
        if self.company_id and self.company_id != record._approval_company():
            return False
        return bool(record.filtered_domain(safe_eval(self.domain or "[]")))

    def _reviewers(self, record):
        """The users who approve ``record`` at this level."""
        self.ensure_one()
        if self.reviewer_field:
            return record.sudo()[self.reviewer_field]
        company = record._approval_company()
        return self.sudo().reviewer_group_id.users.filtered(
            lambda user: not user.share and (not company or company in user.company_ids)
        )
