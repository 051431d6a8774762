from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

STATUSES = [
    ("present", "Present"),
    ("absent", "Absent (旷工)"),
    ("leave", "On Leave"),
    ("holiday", "Public Holiday"),
]


class PropertyAttendanceVerdict(models.Model):
    """The verdict of one planned working day of an employee (A01–A03, A10, K14),
    computed in batch from the working-time calendar, approved time off, public
    holidays and the attendances of hr_attendance."""

    _name = "property.attendance.verdict"
    _description = "Attendance Day Verdict"
    # the rooms first, each one concern: the day computation, the period pass, the
    # ledger (K13)
    _inherit = [
        "property.attendance.verdict.days.mixin",
        "property.attendance.verdict.period.mixin",
        "property.attendance.verdict.ledger.mixin",
        "property.attendance.verdict.roster.mixin",
        "property.input.mixin",
    ]
    _order = "date desc, employee_id"
    _rec_name = "employee_id"

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="cascade"
    )
    # the pass gives them in its create values (see _employee_values), so that they
    # go into the INSERT; not precomputed: Odoo drops the given value of a precomputed
    # read-only field and computes it again on a draft record, one per verdict
    employee_user_id = fields.Many2one(related="employee_id.user_id", store=True)
    manager_user_id = fields.Many2one(
        related="employee_id.parent_id.user_id",
        store=True,
        string="Manager User",
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    company_id = fields.Many2one(related="employee_id.company_id", store=True)
    date = fields.Date(required=True, index=True)
    status = fields.Selection(STATUSES, required=True, default="present")
    planned_start = fields.Datetime(help="Start of the planned work, leave removed.")
    planned_stop = fields.Datetime(help="End of the planned work, leave removed.")
    planned_minutes = fields.Integer()
    late_minutes = fields.Integer(help="Minutes late beyond the grace minutes (A01).")
    early_minutes = fields.Integer(
        help="Minutes left before the end of the shift (A01)."
    )
    away_minutes = fields.Integer(
        help="Minutes away from the post between attendances inside the shift (A02)."
    )
    long_stretch = fields.Boolean(
        string="Over 8 Hours at a Stretch",
        help="An attendance lasted over 8 hours (K14).",
    )
    disciplinary = fields.Boolean(
        help="Late or away from the post for the disciplinary threshold or more, or "
        "absent (A03, A10)."
    )
    handover_missed = fields.Boolean(
        string="Left Before Hand-over",
        help="The last attendance ended before the next shift's first check-in on a "
        "post that requires a hand-over (A13).",
    )
    self_criticism_state = fields.Selection(
        [("due", "Due"), ("received", "Received")],
        string="Written Self-criticism",
        help="An absenteeism day calls for a written self-criticism (A12).",
    )
    day_pay_forfeited = fields.Boolean(
        string="Day's Pay Forfeited",
        help="For payroll: absenteeism loses the day's pay (A12).",
    )
    month_bonus_forfeited = fields.Boolean(
        string="Month's Bonus Forfeited",
        help="For payroll: absenteeism loses the month's bonuses (A12).",
    )
    summary = fields.Char(compute="_compute_summary")
    kpi_line_ids = fields.One2many(
        "property.kpi.line", compute="_compute_kpi_line_ids", string="Assessment Lines"
    )

    _sql_constraints = [
        (
            "employee_date_unique",
            "unique(employee_id, date)",
            "One verdict per employee and day.",
        )
    ]

    @api.depends(
        "status",
        "late_minutes",
        "early_minutes",
        "away_minutes",
        "long_stretch",
        "handover_missed",
    )
    def _compute_summary(self):
        labels = dict(self._fields["status"]._description_selection(self.env))
        for verdict in self:
            parts = []
            if verdict.late_minutes:
                parts.append(self.env._("late %(m)s min", m=verdict.late_minutes))
            if verdict.early_minutes:
                parts.append(
                    self.env._("left early %(m)s min", m=verdict.early_minutes)
                )
            if verdict.away_minutes:
                parts.append(self.env._("away %(m)s min", m=verdict.away_minutes))
            if verdict.long_stretch:
                parts.append(self.env._("over 8 h at a stretch"))
            if verdict.handover_missed:
                parts.append(self.env._("left before the hand-over"))
            if not parts:
                parts.append(
                    self.env._("on time")
                    if verdict.status == "present"
                    else labels[verdict.status]
                )
            verdict.summary = ", ".join(parts)

    def _compute_kpi_line_ids(self):
        refs = [f"{self._name},{verdict.id}" for verdict in self]
        lines = self.env["property.kpi.line"].search([("source_ref", "in", refs)])
        by_ref = defaultdict(lambda: self.env["property.kpi.line"])
        for line in lines:
            by_ref[line.source_ref.id] |= line
        for verdict in self:
            verdict.kpi_line_ids = by_ref[verdict.id]

    def action_self_criticism_received(self):
        """A12: the manager records the written self-criticism of an absenteeism day."""
        is_manager = self.env.user.has_group("property_staff_kpi.group_kpi_manager")
        if not is_manager and any(v.manager_user_id != self.env.user for v in self):
            raise UserError(
                self.env._(
                    "Only the employee's manager or an assessment manager records a "
                    "self-criticism."
                )
            )
        if any(verdict.self_criticism_state != "due" for verdict in self):
            raise UserError(
                self.env._("No written self-criticism is due for this day.")
            )
        self.sudo().write({"self_criticism_state": "received"})
        return True

    # ------------------------------------------------------------------ settings
    @api.model
    def _settings(self, company=None):
        """The attendance rules of ``company`` (the record's, else the current one)."""
        company = company or self[:1].company_id or self.env.company
        return {
            "grace": company.property_staff_kpi_attendance_grace_minutes,
            "threshold": company.property_staff_kpi_attendance_disciplinary_minutes,
            "away": company.property_staff_kpi_attendance_away_minutes,
            "stretch": company.property_staff_kpi_attendance_max_hours,
        }
