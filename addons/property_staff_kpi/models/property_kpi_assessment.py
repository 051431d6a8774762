from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.property_base.tools.date_style import zh_month

from .property_kpi_assignment import ROLES
from .property_kpi_line import PENDING_STATES

# stored computed fields, computed at creation already, that a manager may still change
EDITABLE_COMPUTE = {"store": True, "readonly": False, "precompute": True}
# the assessor and the approver, from who scores whom on the site
# (property.kpi.assignment)
ASSIGNED_USER = {
    "compute": "_compute_assignment",
    "index": True,
    "tracking": True,
    **EDITABLE_COMPUTE,
}


class PropertyKpiAssessment(models.Model):
    """The month's scoring of one employee (考核): base score of the scheme, bonus and
    deduction lines, and the rules on top (K01, K06-K12, K16)."""

    _name = "property.kpi.assessment"
    _description = "Monthly Staff Assessment"
    _inherit = [
        "property.kpi.assessment.rules.mixin",
        "property.kpi.assessment.team.mixin",
        # before the workflow: it adds to the workflow's steps
        "property.kpi.assessment.appeal.mixin",
        "property.kpi.assessment.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "property.integrity.mixin",
    ]
    _order = "date_month desc, total_capped desc, id"
    _rec_names_search = ["employee_id", "month_label"]
    # the suite's integrity rules (property_base/models/property_integrity_mixin.py):
    # the state and the warnings are written by the actions below; a confirmed
    # assessment is locked (K12), and its lines with any assessment out of draft
    _internal_flag = "property_kpi_action"
    # the employee and the month are given by whoever creates the assessment (see
    # _property_group_fields)
    _property_create_fields = frozenset({"employee_id", "date_month"})

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, ondelete="restrict"
    )
    employee_name = fields.Char(related="employee_id.name", string="Employee Name")
    employee_user_id = fields.Many2one(
        related="employee_id.user_id", store=True, index=True, string="Employee User"
    )
    role = fields.Selection(ROLES, compute="_compute_employee_data", **EDITABLE_COMPUTE)
    date_month = fields.Date(
        "Month",
        required=True,
        index=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="First day of the assessed month.",
    )
    month_label = fields.Char(compute="_compute_month_label", store=True)
    bonus_forfeited = fields.Boolean(
        string="Month's Bonus Forfeited",
        compute="_compute_bonus_forfeited",
        help="For payroll: an absenteeism day in the month loses the month's bonuses "
        "(A12).",
    )
    site_id = fields.Many2one(
        "property.site",
        compute="_compute_employee_data",
        index=True,
        **EDITABLE_COMPUTE,
    )
    company_id = fields.Many2one(
        "res.company", compute="_compute_employee_data", index=True, **EDITABLE_COMPUTE
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Team",
        compute="_compute_employee_data",
        **EDITABLE_COMPUTE,
    )
    scheme_id = fields.Many2one(
        "property.kpi.scheme",
        compute="_compute_scheme",
        required=True,
        tracking=True,
        **EDITABLE_COMPUTE,
    )
    assessor_user_id = fields.Many2one("res.users", string="Assessor", **ASSIGNED_USER)
    approver_user_id = fields.Many2one("res.users", string="Approver", **ASSIGNED_USER)
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many("property.kpi.line", "assessment_id", string="Lines")
    base_score = fields.Integer(related="scheme_id.base_score")
    cap_score = fields.Integer(related="scheme_id.cap_score")
    bonus_points = fields.Integer(compute="_compute_totals", store=True)
    deduction_points = fields.Integer(compute="_compute_totals", store=True)
    pending_points = fields.Integer(
        compute="_compute_totals",
        store=True,
        help="Points of proposed lines that do not count until approved (K16).",
    )
    is_team_leader = fields.Boolean(compute="_compute_is_team_leader")
    leader_adjustment = fields.Integer(
        string="Team-Leader Adjustment",
        tracking=True,
        help="Extra points for a team leader's overall month, within the scheme's "
        "limit (K09).",
    )
    leader_adjustment_reason = fields.Text(string="Adjustment Reason", tracking=True)
    total_computed = fields.Integer(
        string="Computed Total",
        compute="_compute_totals",
        store=True,
        aggregator="avg",
        help="Base score + bonuses - deductions + adjustment, before the cap.",
    )
    total_capped = fields.Integer(
        string="Total",
        compute="_compute_totals",
        store=True,
        aggregator="avg",
        help="The computed total, counted as the scheme's cap when above it (K01).",
    )
    dismissal_recommended = fields.Boolean(
        compute="_compute_dismissal_recommended",
        store=True,
        tracking=True,
        help="A dismissal item was recorded this month (K07).",
    )
    warning = fields.Boolean(
        string="Dismissal Warning",
        readonly=True,
        copy=False,
        help="The total is under the warning score, or the employee was last of the "
        "team two months running under the last-place score (K08).",
    )
    warning_reason = fields.Selection(
        [
            ("low", "Total under the warning score"),
            (
                "last_place",
                "Last of the team two months running under the last-place score",
            ),
        ],
        readonly=True,
        copy=False,
    )
    discipline_ids = fields.One2many("property.kpi.discipline", "assessment_id")
    line_count = fields.Integer(compute="_compute_line_count")

    _sql_constraints = [
        (
            "employee_month_unique",
            "unique(employee_id, date_month)",
            "An employee has one assessment per month.",
        ),
    ]

    # ------------------------------------------------------------------ computes
    def _compute_bonus_forfeited(self):
        months = [assessment.date_month for assessment in self if assessment.date_month]
        forfeited = set()
        if months:
            rows = (
                self.env["property.attendance.verdict"]
                .sudo()
                ._read_group(
                    [
                        ("employee_id", "in", self.employee_id.ids),
                        ("month_bonus_forfeited", "=", True),
                        ("date", ">=", min(months)),
                        ("date", "<", max(months) + relativedelta(months=1)),
                    ],
                    ["employee_id", "date:month"],
                )
            )
            forfeited = {(employee.id, month) for employee, month in rows}
        for assessment in self:
            assessment.bonus_forfeited = (
                assessment.employee_id.id,
                assessment.date_month,
            ) in forfeited

    @api.depends("employee_id")
    def _compute_employee_data(self):
        for assessment in self:
            employee = assessment.employee_id.sudo()
            assessment.role = employee.kpi_role or "frontline"
            assessment.site_id = employee.property_site_id
            assessment.company_id = employee.company_id or self.env.company
            assessment.department_id = employee.department_id

    @api.depends("site_id", "company_id")
    def _compute_scheme(self):
        todo = self.filtered(lambda a: not a.scheme_id or a.state == "draft")
        # one search for every site of the batch
        schemes = (
            self.env["property.kpi.scheme"]
            .sudo()
            ._for_sites({(a.site_id, a.company_id) for a in todo})
        )
        for assessment in todo:
            assessment.scheme_id = schemes[(assessment.site_id, assessment.company_id)]

    @api.depends("site_id", "department_id", "role")
    def _compute_assignment(self):
        assignments = self.env["property.kpi.assignment"]
        for assessment in self:
            assignment = assignments._find(
                assessment.site_id, assessment.department_id, assessment.role
            )
            assessment.assessor_user_id = assignment.assessor_user_id
            assessment.approver_user_id = assignment.approver_user_id

    @api.depends("date_month")
    def _compute_month_label(self):
        # the suite's date style (issue #19): 2025年03月 on screens and on paper
        for assessment in self:
            assessment.month_label = zh_month(assessment.date_month) or False

    @api.depends("employee_id", "month_label")
    def _compute_display_name(self):
        # the breadcrumbs and links name the employee and the month, never the model
        for assessment in self:
            assessment.display_name = " ".join(
                filter(
                    None, (assessment.sudo().employee_id.name, assessment.month_label)
                )
            )

    @api.depends("role")
    def _compute_is_team_leader(self):
        for assessment in self:
            assessment.is_team_leader = assessment.role == "team_leader"

    @api.depends(
        "line_ids.signed_points",
        "line_ids.state",
        "scheme_id.base_score",
        "scheme_id.cap_score",
        "leader_adjustment",
    )
    def _compute_totals(self):
        for assessment in self:
            counted = assessment.line_ids.filtered(
                lambda line: line.state == "approved"
            )
            bonus = sum(p for p in counted.mapped("signed_points") if p > 0)
            deduction = -sum(p for p in counted.mapped("signed_points") if p < 0)
            pending = assessment.line_ids.filtered(
                lambda line: line.state in PENDING_STATES
            )
            total = (
                assessment.scheme_id.base_score
                + bonus
                - deduction
                + assessment.leader_adjustment
            )
            cap = assessment.scheme_id.cap_score
            assessment.bonus_points = bonus
            assessment.deduction_points = deduction
            assessment.pending_points = sum(pending.mapped("signed_points"))
            assessment.total_computed = total
            assessment.total_capped = min(total, cap) if cap else total

    @api.depends("line_ids.kind", "line_ids.state", "line_ids.reversed_by_ids")
    def _compute_dismissal_recommended(self):
        for assessment in self:
            assessment.dismissal_recommended = any(
                line.kind == "dismissal"
                and line.state == "approved"
                and not line.reversed_by_ids
                for line in assessment.line_ids
            )

    def _compute_line_count(self):
        for assessment in self:
            assessment.line_count = len(assessment.line_ids)

    # ------------------------------------------------------------------ constraints
    @api.constrains("date_month")
    def _check_date_month(self):
        for assessment in self:
            if assessment.date_month.day != 1:
                raise ValidationError(
                    self.env._("The month of an assessment is its first day.")
                )

    @api.constrains(
        "leader_adjustment", "leader_adjustment_reason", "role", "scheme_id"
    )
    def _check_leader_adjustment(self):
        for assessment in self:
            if not assessment.leader_adjustment:
                continue
            if assessment.role != "team_leader":
                raise ValidationError(
                    self.env._(
                        "Only a team leader's assessment takes a team-leader "
                        "adjustment."
                    )
                )
            limit = assessment.scheme_id.leader_adjust_max
            if abs(assessment.leader_adjustment) > limit:
                raise ValidationError(
                    self.env._(
                        "A team-leader adjustment lies between -%(limit)s and "
                        "+%(limit)s points.",
                        limit=limit,
                    )
                )
            if not (assessment.leader_adjustment_reason or "").strip():
                raise ValidationError(
                    self.env._("A team-leader adjustment needs a written reason.")
                )

    # ------------------------------------------------------------------ integrity
    def _property_group_fields(self):
        """Who scores and who approves is set by the assignment and changed only by a
        manager, so that nobody approves their own proposals (K10, K16)."""
        names = (
            "employee_id",
            "date_month",
            "assessor_user_id",
            "approver_user_id",
            "scheme_id",
        )
        return dict.fromkeys(names, "property_staff_kpi.group_kpi_manager")

    def _property_unlocked_fields(self):
        # the chatter's and the activities' bookkeeping
        return super()._property_unlocked_fields() | {
            name for name in self._fields if name.startswith(("message_", "activity_"))
        }

    def _property_locked(self):
        return self.filtered(lambda assessment: assessment.state == "confirmed")

    def _property_children_locked(self):
        return self.filtered(lambda assessment: assessment.state != "draft")

    def _property_lock_message(self):
        names = {"employee": self.sudo().employee_id.name, "month": self.month_label}
        if self.state == "confirmed":
            return self.env._(
                "The assessment of %(employee)s for %(month)s is confirmed and "
                "locked: a manager adds a correction line instead.",
                **names,
            )
        return self.env._(
            "The assessment of %(employee)s for %(month)s is submitted: its lines "
            "change only once the approver sends it back.",
            **names,
        )

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        # who may give what: property.integrity.mixin
        assessments = super().create(vals_list)
        # the assessor's to-do: the one dispatcher of the assessment's to-dos
        assessments._activity_update()
        return assessments

    def write(self, vals):
        # who may change what, and the lock: property.integrity.mixin
        res = super().write(vals)
        if {"leader_adjustment", "scheme_id", "department_id", "site_id"} & set(vals):
            self._update_warnings()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(a.state != "draft" for a in self):
            raise UserError(self.env._("Only a draft assessment can be deleted."))

    def unlink(self):
        # K16: the proposals of a deleted month are withdrawn with it (their lines go by
        # the database's cascade, not through the lines' unlink)
        self.line_ids._approval_cancel()
        return super().unlink()
