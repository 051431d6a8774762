from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.property_base.tools import INTERNAL, is_internal

from .property_kpi_assignment import ROLES
from .property_kpi_line import PENDING_STATES

# Fields an action of this addon may still write on a confirmed assessment.
UNLOCKED_FIELDS = {"warning", "warning_reason", "dismissal_recommended"}
# Fields that decide who scores and who approves: set by the assignment, changed only by
# a manager, so that nobody approves their own proposals (K10, K16).
MANAGER_FIELDS = {"employee_id", "date_month", "assessor_user_id", "approver_user_id", "scheme_id"}
# stored computed fields, computed at creation already, that a manager may still change
EDITABLE_COMPUTE = {"store": True, "readonly": False, "precompute": True}
# the assessor and the approver, from who scores whom on the site (property.kpi.assignment)
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
    _inherit = ["property.input.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_month desc, total_capped desc, id"
    _rec_names_search = ["employee_id", "month_label"]

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
        help="For payroll: an absenteeism day in the month loses the month's bonuses (A12).",
    )
    site_id = fields.Many2one(
        "property.site", compute="_compute_employee_data", index=True, **EDITABLE_COMPUTE
    )
    company_id = fields.Many2one(
        "res.company", compute="_compute_employee_data", index=True, **EDITABLE_COMPUTE
    )
    department_id = fields.Many2one(
        "hr.department", string="Team", compute="_compute_employee_data", **EDITABLE_COMPUTE
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
        help="Extra points for a team leader's overall month, within the scheme's limit (K09).",
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
            ("last_place", "Last of the team two months running under the last-place score"),
        ],
        readonly=True,
        copy=False,
    )
    # K10: an employee sees their own assessments, never where colleagues stand
    team_rank = fields.Integer(
        string="Rank in Team",
        compute="_compute_team_rank",
        groups="property_staff_kpi.group_kpi_assessor",
    )
    team_size = fields.Integer(
        compute="_compute_team_rank", groups="property_staff_kpi.group_kpi_assessor"
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
        schemes = self.env["property.kpi.scheme"].sudo()
        for assessment in self:
            if not assessment.scheme_id or assessment.state == "draft":
                assessment.scheme_id = schemes._for_site(assessment.site_id, assessment.company_id)

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
        for assessment in self:
            month = assessment.date_month
            assessment.month_label = month and f"{month.year}-{month.month:02d}"

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
            counted = assessment.line_ids.filtered(lambda line: line.state == "approved")
            bonus = sum(p for p in counted.mapped("signed_points") if p > 0)
            deduction = -sum(p for p in counted.mapped("signed_points") if p < 0)
            pending = assessment.line_ids.filtered(lambda line: line.state in PENDING_STATES)
            total = (
                assessment.scheme_id.base_score + bonus - deduction + assessment.leader_adjustment
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
                line.kind == "dismissal" and line.state == "approved" and not line.reversed_by_ids
                for line in assessment.line_ids
            )

    def _compute_line_count(self):
        for assessment in self:
            assessment.line_count = len(assessment.line_ids)

    def _team_key(self):
        self.ensure_one()
        return (self.date_month, self.site_id.id, self.department_id.id)

    def _team_members(self, months):
        """Assessments of the teams of ``self`` for the given months, in one search."""
        return (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("date_month", "in", list(months)),
                    ("site_id", "in", [*self.site_id.ids, False]),
                ]
            )
        )

    def _ranks(self, members):
        """{team key: [(assessment, rank)]} ranking by capped total, best first."""
        teams = defaultdict(list)
        for member in members:
            teams[member._team_key()].append(member)
        ranks = {}
        for key, team in teams.items():
            team.sort(key=lambda a: -a.total_capped)
            ranks[key] = {
                member.id: 1 + sum(1 for other in team if other.total_capped > member.total_capped)
                for member in team
            }
        return teams, ranks

    @api.depends("total_capped", "date_month", "site_id", "department_id")
    def _compute_team_rank(self):
        real = self.filtered("id")
        teams, ranks = self._ranks(real._team_members(set(real.mapped("date_month"))))
        for assessment in self:
            key = assessment._team_key() if assessment.id else None
            assessment.team_rank = ranks.get(key, {}).get(assessment.id, 0)
            assessment.team_size = len(teams.get(key, []))

    # ------------------------------------------------------------------ constraints
    @api.constrains("date_month")
    def _check_date_month(self):
        for assessment in self:
            if assessment.date_month.day != 1:
                raise ValidationError(self.env._("The month of an assessment is its first day."))

    @api.constrains("leader_adjustment", "leader_adjustment_reason", "role", "scheme_id")
    def _check_leader_adjustment(self):
        for assessment in self:
            if not assessment.leader_adjustment:
                continue
            if assessment.role != "team_leader":
                raise ValidationError(
                    self.env._("Only a team leader's assessment takes a team-leader adjustment.")
                )
            limit = assessment.scheme_id.leader_adjust_max
            if abs(assessment.leader_adjustment) > limit:
                raise ValidationError(
                    self.env._(
                        "A team-leader adjustment lies between -%(limit)s and +%(limit)s points.",
                        limit=limit,
                    )
                )
            if not (assessment.leader_adjustment_reason or "").strip():
                raise ValidationError(
                    self.env._("A team-leader adjustment needs a written reason.")
                )

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        if not self._is_kpi_manager() and any(
            vals.get(field)
            for vals in vals_list
            for field in MANAGER_FIELDS - {"employee_id", "date_month"}
        ):
            raise UserError(
                self.env._("Only a manager sets the assessor, the approver or the scheme by hand.")
            )
        assessments = super().create(vals_list)
        assessments._schedule_todo(self.env._("Score the month"), "assessor_user_id")
        return assessments

    def write(self, vals):
        if not is_internal(self.env, "kpi_internal"):
            if "state" in vals:
                raise UserError(self.env._("Use the buttons to change the state of an assessment."))
            if MANAGER_FIELDS & set(vals) and not self._is_kpi_manager():
                raise UserError(
                    self.env._(
                        "Only a manager changes the employee, the month, the assessor, the "
                        "approver or the scheme of an assessment."
                    )
                )
            business = set(vals) - UNLOCKED_FIELDS
            business = {f for f in business if not f.startswith(("message_", "activity_"))}
            if business and any(a.state == "confirmed" for a in self):
                raise UserError(
                    self.env._(
                        "A confirmed assessment is locked. "
                        "A manager adds a correction line instead."
                    )
                )
        res = super().write(vals)
        if {"leader_adjustment", "scheme_id", "department_id", "site_id"} & set(vals):
            self._update_warnings()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(a.state != "draft" for a in self):
            raise UserError(self.env._("Only a draft assessment can be deleted."))

    # ------------------------------------------------------------------ rights
    def _is_kpi_manager(self):
        return self.env.su or self.env.user.has_group("property_staff_kpi.group_kpi_manager")

    def _check_user_of(self, user_field, message):
        """Refuse with ``message`` (which names the assessment as %(name)s) unless the
        user is the ``user_field`` of every assessment, or a manager."""
        for assessment in self:
            if assessment[user_field] != self.env.user and not self._is_kpi_manager():
                raise UserError(message % {"name": assessment.display_name})

    def _check_is_assessor(self):
        self._check_user_of(
            "assessor_user_id",
            self.env._("Only the assessor of %(name)s or a manager may do this."),
        )

    def _check_is_approver(self):
        self._check_user_of(
            "approver_user_id",
            self.env._("Only the approver of %(name)s or a manager may do this."),
        )

    # ------------------------------------------------------------------ actions
    def _check_state(self, state, message):
        if any(a.state != state for a in self):
            raise UserError(message)

    def _set_state(self, state):
        """The buttons' write of the state; the to-dos of the step are done."""
        self.with_context(kpi_internal=INTERNAL).write({"state": state})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def _schedule_todo(self, summary, user_field):
        for assessment in self.filtered(user_field):
            assessment.activity_schedule(
                "mail.mail_activity_data_todo", summary=summary, user_id=assessment[user_field].id
            )

    def action_submit(self):
        self._check_state("draft", self.env._("Only a draft assessment can be submitted."))
        self._check_is_assessor()
        for assessment in self:
            if not assessment.approver_user_id:
                raise UserError(
                    self.env._(
                        "%(name)s has no approver: set who scores whom on the site first.",
                        name=assessment.display_name,
                    )
                )
        self._set_state("submitted")
        self._schedule_todo(self.env._("Confirm the assessment"), "approver_user_id")
        return True

    def action_send_back(self):
        self._check_state("submitted", self.env._("Only a submitted assessment can be sent back."))
        self._check_is_approver()
        self._set_state("draft")
        self._schedule_todo(self.env._("Revise the assessment"), "assessor_user_id")
        return True

    def action_confirm(self):
        self._check_state("submitted", self.env._("Only a submitted assessment can be confirmed."))
        self._check_is_approver()
        if self.line_ids.filtered(lambda line: line.state in PENDING_STATES):
            raise UserError(
                self.env._("Approve or refuse the proposed lines before confirming the assessment.")
            )
        self._set_state("confirmed")
        self._update_warnings()
        return True

    def action_approve_lines(self):
        self.line_ids.filtered(lambda line: line.state in PENDING_STATES).action_approve()
        return True

    def action_open_correction(self):
        self.ensure_one()
        if self.state != "confirmed":
            raise UserError(
                self.env._("Only a confirmed assessment is corrected; edit the draft instead.")
            )
        if not self._is_kpi_manager():
            raise UserError(self.env._("Only a manager may correct a confirmed assessment."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Correct the Assessment"),
            "res_model": "property.kpi.correction",
            "view_mode": "form",
            "target": "new",
            "context": {"default_assessment_id": self.id},
        }

    # ------------------------------------------------------------------ rules
    def _apply_repeat_rule(self):
        """K06: two or more medium or four or more light violations add one automatic
        repeat deduction; it goes away when the violations do."""
        item = self.env["property.kpi.item"].sudo().search([("auto_rule", "=", "repeat")], limit=1)
        if not item:
            return
        lines = self.env["property.kpi.line"].sudo()
        to_create, to_remove = [], lines
        for assessment in self.sudo():
            counted = assessment.line_ids.filtered(
                lambda line: (
                    line.state == "approved"
                    and not line.reversed_line_id
                    and not line.reversed_by_ids
                )
            )
            medium = len(counted.filtered(lambda line: line.kind == "medium"))
            light = len(counted.filtered(lambda line: line.kind == "light"))
            scheme = assessment.scheme_id
            due = medium >= scheme.repeat_medium_count or light >= scheme.repeat_light_count
            existing = assessment.line_ids.filtered(lambda line, i=item: line.item_id == i)
            if due and not existing:
                to_create.append(
                    assessment._automatic_line_vals(
                        item,
                        assessment,
                        reason=self.env._(
                            "%(medium)s medium and %(light)s light violations this month",
                            medium=medium,
                            light=light,
                        ),
                    )
                )
            elif not due and existing and assessment.state != "confirmed":
                to_remove |= existing
        if to_remove:
            to_remove.with_context(kpi_internal=INTERNAL).unlink()
        if to_create:
            lines.with_context(kpi_internal=INTERNAL, kpi_no_rules=INTERNAL).create(to_create)

    def _automatic_line_vals(self, item, source, points=None, date=None, reason=None):
        self.ensure_one()
        return {
            "assessment_id": self.id,
            "item_id": item.id,
            "points": item.points_min if points is None else points,
            "date": date or self.date_month,
            "reason": reason or item.name,
            "origin": "automatic",
            "state": "approved",
            "source_ref": f"{source._name},{source.id}",
        }

    def _update_warnings(self):
        """K08: under the warning score, or last of the team two months running under
        the last-place score. Recomputed for the month and the next one."""
        if not self:
            return
        months = set()
        for month in self.mapped("date_month"):
            months |= {month - relativedelta(months=1), month, month + relativedelta(months=1)}
        members = self._team_members(months)
        members.flush_recordset(["total_capped"])
        _teams, ranks = self._ranks(members)

        def is_last(assessment):
            team = ranks.get(assessment._team_key(), {})
            return (
                len(team) > 1
                and team.get(assessment.id) == max(team.values())
                and assessment.total_capped < assessment.scheme_id.last_place_score
            )

        by_key = {(m.employee_id.id, m.date_month): m for m in members}
        updates = defaultdict(lambda: self.browse())
        own_months = set(self.mapped("date_month"))
        touched = own_months | {month + relativedelta(months=1) for month in own_months}
        for assessment in members.filtered(lambda a: a.date_month in touched):
            reason = False
            if assessment.total_capped < assessment.scheme_id.warning_score:
                reason = "low"
            else:
                previous = by_key.get(
                    (assessment.employee_id.id, assessment.date_month - relativedelta(months=1))
                )
                if previous and is_last(assessment) and is_last(previous):
                    reason = "last_place"
            if (assessment.warning, assessment.warning_reason or False) != (bool(reason), reason):
                updates[reason] |= assessment
        for reason, records in updates.items():
            records.with_context(kpi_internal=INTERNAL).write(
                {"warning": bool(reason), "warning_reason": reason}
            )

    # ------------------------------------------------------------------ API for other addons
    @api.model
    def _get_or_create(self, employees, date):
        """The assessments of ``employees`` for the month of ``date``, created when missing."""
        month = date.replace(day=1)
        existing = self.sudo().search(
            [("employee_id", "in", employees.ids), ("date_month", "=", month)]
        )
        missing = employees - existing.employee_id
        created = self.sudo().create(
            [{"employee_id": employee.id, "date_month": month} for employee in missing]
        )
        return existing | created

    @api.model
    def _add_automatic_line(self, employee, item, source, date, points=None, reason=None):
        """Add the line of ``item`` caused by ``source`` (any record) to the employee's
        assessment of the month of ``date``; see ``_add_automatic_lines``."""
        return self._add_automatic_lines(
            [
                {
                    "employee": employee,
                    "item": item,
                    "source": source,
                    "date": date,
                    "points": points,
                    "reason": reason,
                }
            ]
        )

    @api.model
    def _add_automatic_lines(self, entries):
        """Add automatic lines in batch. Each entry is a dict with ``employee``,
        ``item``, ``source`` (any record), ``date`` and optional ``points`` and
        ``reason``. A line is created once per source, item and assessment (the month of
        ``date``, created when missing); a confirmed assessment only gets a note in its
        chatter. Returns the lines, existing or new."""
        Line = self.env["property.kpi.line"].sudo()
        if not entries:
            return Line
        by_month = defaultdict(lambda: self.env["hr.employee"])
        for entry in entries:
            by_month[entry["date"].replace(day=1)] |= entry["employee"]
        assessments = self.browse()
        for month, employees in by_month.items():
            assessments |= self._get_or_create(employees, month)
        index = {(a.employee_id.id, a.date_month): a for a in assessments}
        refs = {f"{entry['source']._name},{entry['source'].id}" for entry in entries}
        existing = Line.search(
            [("assessment_id", "in", assessments.ids), ("source_ref", "in", list(refs))]
        )
        known = {
            (line.assessment_id.id, line.item_id.id, line.source_ref): line for line in existing
        }
        found, vals_list, skipped = Line, [], defaultdict(list)
        for entry in entries:
            assessment = index[(entry["employee"].id, entry["date"].replace(day=1))]
            key = (assessment.id, entry["item"].id, entry["source"])
            if key in known:
                found |= known[key]
            elif assessment.state == "confirmed":
                skipped[assessment].append(entry["item"].name)
            else:
                known[key] = Line
                vals_list.append(
                    assessment._automatic_line_vals(
                        entry["item"],
                        entry["source"],
                        points=entry.get("points"),
                        date=entry["date"],
                        reason=entry.get("reason"),
                    )
                )
        for assessment, names in skipped.items():
            assessment.message_post(
                body=self.env._(
                    "Automatic line %(item)s not added: the assessment is confirmed.",
                    item=", ".join(names),
                )
            )
        return found | Line.with_context(kpi_internal=INTERNAL).create(vals_list)

    @api.model
    def _remove_automatic_lines(self, sources):
        """Remove the automatic lines caused by ``sources`` (e.g. a cancelled record)
        from assessments that are not confirmed; a confirmed one only gets a note, a
        manager corrects it."""
        refs = [f"{source._name},{source.id}" for source in sources]
        lines = (
            self.env["property.kpi.line"]
            .sudo()
            .search([("source_ref", "in", refs), ("origin", "=", "automatic")])
        )
        locked = lines.filtered(lambda line: line.assessment_id.state == "confirmed")
        for assessment in locked.assessment_id:
            assessment.message_post(
                body=self.env._(
                    "The source of an automatic line was cancelled; the assessment is "
                    "confirmed, a manager may correct it."
                )
            )
        (lines - locked).with_context(kpi_internal=INTERNAL).unlink()
        return lines - locked

    # ------------------------------------------------------------------ reports
    def _report_team_groups(self):
        """The printed assessments by month and team, ranked best first."""
        groups = defaultdict(lambda: self.browse())
        for assessment in self:
            groups[assessment._team_key()] |= assessment
        result = []
        for key in sorted(groups, key=lambda k: (k[0], k[1] or 0, k[2] or 0)):
            assessments = groups[key].sorted(lambda a: (a.team_rank, a.employee_id.name or ""))
            first = assessments[0]
            result.append(
                {
                    "month": first.month_label,
                    "site": first.site_id.name or "",
                    "team": first.department_id.name or "",
                    "assessments": assessments,
                }
            )
        return result
