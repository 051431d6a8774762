from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

from odoo.addons.property_base.tools import is_internal

from .property_kpi_item import VIOLATION_KINDS

# lines that wait for a decision (K16)
PENDING_STATES = ("proposed", "reviewed")


class SourceReference(fields.Reference):
    """The source of an automatic line. Odoo's Reference checks that the record of
    each ``"model,id"`` it is given exists, with a query per line; the rules write
    their lines' sources from records they just read (under the internal flag only
    server code raises), so a batch of thousands of lines skips that query per line.
    Anything else is checked as Odoo does."""

    def convert_to_cache(self, value, record, validate=True):
        if (
            isinstance(value, str)
            and is_internal(record.env, "property_kpi_action")
            and value.split(",")[0] in self.get_values(record.env)
        ):
            return value
        return super().convert_to_cache(value, record, validate=validate)


class PropertyKpiLine(models.Model):
    """A bonus or a deduction of a monthly assessment. Manual lines are proposals
    that count once approved (K16); automatic lines link to the record that caused
    them and are created once (K13, K15); corrections of a confirmed month are new
    lines (K12)."""

    _name = "property.kpi.line"
    _rec_name = "item_id"  # breadcrumbs name the record, not the model (issue #19)
    _description = "Assessment Line"
    _order = "date, id"
    # the suite's integrity rules (property_base/models/property_integrity_mixin.py):
    # origin, state, source and decisions are written by the actions and the rules;
    # only a proposed manual line of a draft assessment changes (K12, K16); a proposal
    # is approved level by level by the suite's approval mechanism (rules:
    # data/property_approval_rule_data.xml)
    _inherit = ["property.approval.mixin"]
    _internal_flag = "property_kpi_action"  # the assessment's: its actions write lines
    _property_lock_parent = "assessment_id"
    _property_create_fields = frozenset({"assessment_id"})

    assessment_id = fields.Many2one(
        "property.kpi.assessment", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(
        related="assessment_id.employee_id", store=True, index=True
    )
    date_month = fields.Date(
        related="assessment_id.date_month", store=True, string="Month"
    )
    site_id = fields.Many2one(related="assessment_id.site_id", store=True)
    assessment_state = fields.Selection(
        related="assessment_id.state", string="Assessment State"
    )
    item_id = fields.Many2one(
        "property.kpi.item",
        required=True,
        ondelete="restrict",
        domain="[('auto_rule', '=', False)]",
    )
    kind = fields.Selection(related="item_id.kind", store=True)
    points = fields.Integer(
        required=True,
        help="Points applied, within the item's range (for a reversal: the reversed "
        "line's).",
    )
    signed_points = fields.Integer(
        compute="_compute_signed_points", store=True, recursive=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    reason = fields.Text(
        help="Written reason: the facts of the bonus or the violation."
    )
    origin = fields.Selection(
        [
            ("manual", "Manual"),
            ("automatic", "Automatic"),
            ("correction", "Correction"),
        ],
        required=True,
        default="manual",
        readonly=True,
    )
    state = fields.Selection(
        [
            ("proposed", "Proposed"),
            ("reviewed", "Approved by the Approver"),
            ("approved", "Approved"),
            ("refused", "Refused"),
        ],
        required=True,
        default="proposed",
        readonly=True,
        help="A manual line is a written proposal that counts once approved up the "
        "chain.",
    )
    source_ref = SourceReference(
        selection="_selection_source_model",
        string="Source",
        readonly=True,
        help="Record that caused an automatic line.",
    )
    reversed_line_id = fields.Many2one(
        "property.kpi.line",
        string="Reverses",
        readonly=True,
        ondelete="restrict",
        help="A correction line that cancels this line.",
    )
    reversed_by_ids = fields.One2many(
        "property.kpi.line", "reversed_line_id", readonly=True
    )
    reviewed_by_id = fields.Many2one(
        "res.users",
        string="First Level",
        readonly=True,
        help="Who approved at the first level.",
    )
    approved_by_id = fields.Many2one("res.users", readonly=True)
    approval_first_user_ids = fields.Many2many(
        "res.users",
        string="First-Level Approvers",
        compute="_compute_approval_first_user_ids",
        help="K16: who approves a proposal at the first level: the assessment's "
        "approver, or a scoring manager of its company.",
    )

    _sql_constraints = [
        (
            "automatic_once",
            "unique(assessment_id, item_id, source_ref)",
            "This source already added this item to the assessment.",
        ),
    ]

    @api.model
    def _selection_source_model(self):
        # read at every write of source_ref: cached per language (the names are)
        return list(self._source_model_selection(self.env.lang))

    @tools.ormcache("lang")
    def _source_model_selection(self, lang):
        models_ = (
            self.env["ir.model"]
            .sudo()
            .with_context(lang=lang)
            .search([("model", "!=", False)])
        )
        return tuple((model.model, model.name) for model in models_)

    @api.depends("points", "item_id.kind", "reversed_line_id.signed_points")
    def _compute_signed_points(self):
        for line in self:
            if line.reversed_line_id:
                line.signed_points = -line.reversed_line_id.signed_points
            else:
                line.signed_points = line.points * (
                    -1 if line.item_id.kind != "bonus" else 1
                )

    @api.depends("assessment_id.approver_user_id", "assessment_id.company_id")
    def _compute_approval_first_user_ids(self):
        managers = self.env.ref("property_staff_kpi.group_kpi_manager").sudo().users
        for line in self:
            assessment = line.sudo().assessment_id
            company = assessment.company_id
            line.approval_first_user_ids = (
                assessment.approver_user_id
                | managers.filtered(
                    lambda user, company=company: (
                        not user.share and (not company or company in user.company_ids)
                    )
                )
            )

    @api.depends("item_id.name", "employee_id.name")
    def _compute_display_name(self):
        # named so in the approvals' messages and to-dos: the item and the employee
        for line in self:
            sudo = line.sudo()
            line.display_name = (
                f"{sudo.item_id.name} ({sudo.employee_id.name})"
                if sudo.item_id
                else False
            )

    @api.onchange("item_id")
    def _onchange_item_id(self):
        if self.item_id:
            self.points = (
                self.item_id.points_min
                if self.item_id.points_min
                else self.item_id.points_max
            )

    @api.constrains("points", "item_id", "reversed_line_id")
    def _check_points_in_range(self):
        for line in self:
            if line.reversed_line_id:
                continue
            item = line.item_id
            if not item.points_min <= line.points <= item.points_max:
                raise ValidationError(
                    self.env._(
                        "Item %(item)s takes %(range)s points, not %(points)s.",
                        item=item.name,
                        range=item.points_label,
                        points=line.points,
                    )
                )

    @api.constrains("reason", "origin")
    def _check_reason(self):
        for line in self:
            if line.origin != "automatic" and not (line.reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "A bonus or a deduction is proposed with a written reason."
                    )
                )

    # ------------------------------------------------------------------ integrity
    def _property_owned_fields(self):
        # a line stays on the assessment it was proposed on
        return super()._property_owned_fields() | {"assessment_id"}

    def _property_owned_message(self, names):
        return self.env._("Use the buttons to approve or refuse a line.")

    def _property_locked(self):
        return self.filtered(
            lambda line: (
                line.assessment_id.state != "draft"
                or line.origin != "manual"
                or line.state != "proposed"
            )
        )

    def _property_lock_message(self):
        if self.assessment_id.state != "draft":
            return self.assessment_id._property_lock_message()
        if self.origin != "manual":
            return self.env._(
                "Automatic and correction lines cannot be changed or deleted."
            )
        return self.env._("Only a proposed manual line can be changed or deleted.")

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        # who may give what, and the assessment's lock: property.integrity.mixin
        lines = super().create(vals_list)
        # K16: a manual proposal asks the approvals of the rules (none: it counts at
        # once)
        proposals = lines.filtered(
            lambda line: line.origin == "manual" and line.state == "proposed"
        )
        if proposals:
            proposals._approval_request()._approval_approved()
        lines._after_change()
        return lines

    def write(self, vals):
        # who may change what, and the locks: property.integrity.mixin
        res = super().write(vals)
        self._after_change()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_never_approved(self):
        """An approved line counts: nobody deletes it, not even in sudo; only the rules
        remove their automatic lines (K12, K13)."""
        if not is_internal(self.env, self._internal_flag) and any(
            line.state == "approved" for line in self
        ):
            raise UserError(self.env._("An approved line cannot be deleted."))

    def unlink(self):
        assessments = self.assessment_id
        self._approval_cancel()  # a withdrawn proposal: its open levels are withdrawn
        res = super().unlink()
        if not is_internal(self.env, "kpi_no_rules"):
            assessments.exists()._apply_repeat_rule()
            assessments.exists()._update_warnings()
        return res

    def _after_change(self):
        if is_internal(self.env, "kpi_no_rules"):
            return
        self.filtered(lambda line: line.state == "approved")._record_discipline()
        self.assessment_id._apply_repeat_rule()
        self.assessment_id._update_warnings()

    # ------------------------------------------------------------------ approval
    # K16: the levels are the rules' (the assessment's approver, then, when the scheme
    # asks two levels, a scoring manager of the management office); the mechanism
    # refuses whoever is not a reviewer of the level, the proposer (K10) and whoever
    # decided the earlier level. The buttons call action_approval_approve/_refuse.
    def _approval_company(self):
        self.ensure_one()
        return self.sudo().assessment_id.company_id

    def _approval_activity_record(self):
        # the approver's to-do is the assessment's ("Confirm the assessment")
        return None

    def _approval_decide(self, approve, comment=None):
        res = super()._approval_decide(approve, comment)
        # a first level approved, the next one waits: the line shows who approved it
        for line in self.filtered(lambda line: line.approval_state == "pending"):
            done = line._approval_reviews().filtered(lambda r: r.state == "approved")
            if done and line.state == "proposed":
                line._property_internal().write(
                    {"state": "reviewed", "reviewed_by_id": done[-1:].reviewer_id.id}
                )
        return res

    def _approval_approved(self):
        if self:
            self._property_internal().write(
                {"state": "approved", "approved_by_id": self.env.user.id}
            )

    def _approval_refused(self, comment):
        self._property_internal().write(
            {"state": "refused", "approved_by_id": self.env.user.id}
        )

    # ------------------------------------------------------------------ rules
    def _record_discipline(self):
        """K11: each approved violation steps the employee's discipline ladder."""
        violations = self.filtered(
            lambda line: (
                line.kind in VIOLATION_KINDS
                and line.origin != "correction"
                and not line.item_id.auto_rule == "repeat"
            )
        ).sudo()
        if not violations:
            return
        disciplines = self.env["property.kpi.discipline"].sudo()
        already = disciplines.search([("line_id", "in", violations.ids)]).line_id
        violations -= already
        if violations:
            disciplines._record(violations)
