from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyKpiScheme(models.Model):
    """How a month is scored (K01): the base score every employee starts from and the
    cap of the month's total, with the thresholds of the rules built on top."""

    _name = "property.kpi.scheme"
    _description = "Assessment Scheme"
    _inherit = ["property.input.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to offer the scheme to every company.",
    )
    site_ids = fields.Many2many(
        "property.site",
        string="Sites",
        help="Sites scored with this scheme. A site listed nowhere uses the first "
        "scheme of its company without sites.",
    )
    base_score = fields.Integer(
        required=True, default=80, help="Score every month starts from."
    )
    cap_score = fields.Integer(
        string="Cap",
        default=110,
        help="A month's total above the cap counts as the cap. 0 means no cap.",
    )
    repeat_medium_count = fields.Integer(
        string="Repeat Rule: Medium Violations",
        default=2,
        help="This many medium violations in a month add the repeat deduction (K06).",
    )
    repeat_light_count = fields.Integer(
        string="Repeat Rule: Light Violations",
        default=4,
        help="This many light violations in a month add the repeat deduction (K06).",
    )
    warning_score = fields.Integer(
        default=60,
        help="A month's total under this score raises a dismissal warning (K08).",
    )
    last_place_score = fields.Integer(
        default=70,
        help="Last of the team two months running with a total under this score raises "
        "a dismissal warning (K08).",
    )
    leader_adjust_max = fields.Integer(
        string="Team-Leader Adjustment Limit",
        default=5,
        help="A team leader's month may be adjusted between minus and plus this many "
        "points, with a reason (K09).",
    )
    exam_fail_score = fields.Float(
        string="Skills Exam Pass Mark (%)",
        default=60.0,
        help="A monthly skills exam score under this percentage adds the deduction "
        "(K04/K15).",
    )
    proposal_approval_levels = fields.Selection(
        [("1", "The Approver"), ("2", "The Approver, then the Management Office")],
        string="Approval of Proposals",
        required=True,
        default="2",
        help="K16: a proposed bonus or deduction is approved level by level: first by "
        "the assessment's approver, then (two levels) by a scoring manager of "
        "the management office (报管理处), who must be somebody else.",
    )
    late_point_ids = fields.One2many(
        "property.kpi.scheme.late",
        "scheme_id",
        string="Late Arrival Points",
        help="K13: the points of a late arrival or an early leave by its minutes; "
        "beyond the last step, the item's maximum.",
    )
    discipline_written_number = fields.Integer(
        string="Written Warning From Violation No.",
        default=2,
        help="K11: the first violation is a verbal warning; from this violation on, a "
        "written warning kept on file (记过).",
    )
    discipline_dismissal_number = fields.Integer(
        string="Dismissal Proposed From Violation No.",
        default=3,
        help="K11: from this violation on, dismissal is proposed to the approver "
        "(辞退).",
    )
    discipline_reset_months = fields.Integer(
        string="Light Violations Count For (Months)",
        default=12,
        help="K11: a light violation older than this many months no longer counts on "
        "the discipline ladder; medium and severe violations always count. 0: "
        "light violations count for ever.",
    )
    description = fields.Text(translate=True)

    @api.constrains("base_score", "cap_score", "leader_adjust_max")
    def _check_scores(self):
        for scheme in self:
            if (
                scheme.base_score < 0
                or scheme.cap_score < 0
                or scheme.leader_adjust_max < 0
            ):
                raise ValidationError(
                    self.env._("Scores of a scheme cannot be negative.")
                )
            if scheme.cap_score and scheme.cap_score < scheme.base_score:
                raise ValidationError(
                    self.env._(
                        "The cap of scheme %(name)s is below its base score.",
                        name=scheme.name,
                    )
                )

    @api.constrains(
        "discipline_written_number",
        "discipline_dismissal_number",
        "discipline_reset_months",
    )
    def _check_discipline(self):
        for scheme in self:
            if (
                not (
                    2
                    <= scheme.discipline_written_number
                    <= scheme.discipline_dismissal_number
                )
                or scheme.discipline_reset_months < 0
            ):
                raise ValidationError(
                    self.env._(
                        "Scheme %(name)s: the written warning comes from the second "
                        "violation on at the earliest, dismissal no earlier than the "
                        "written warning, and the months light violations count are "
                        "not negative.",
                        name=scheme.name,
                    )
                )

    # ------------------------------------------------------------------ K11
    def _discipline_level(self, number):
        """The level of the ``number``-th violation that counts (K11)."""
        self.ensure_one()
        if number >= self.discipline_dismissal_number:
            return "dismissal"
        if number >= self.discipline_written_number:
            return "written"
        return "verbal"

    def _discipline_counts(self, kind, day, at):
        """Whether a violation of ``kind`` on ``day`` still counts on ``at`` (K11)."""
        self.ensure_one()
        months = self.discipline_reset_months
        return kind != "light" or not months or day > at - relativedelta(months=months)

    # ------------------------------------------------------------------ K13
    def _late_points(self, minutes, item):
        """The points of a late arrival or an early leave of ``minutes``, within the
        range of ``item``: the first step that reaches it, beyond the last the item's
        maximum. A scheme without steps counts as the standard scheme."""
        steps = self.late_point_ids
        if not steps:
            standard = self.env.ref("property_staff_kpi.scheme_standard", False)
            steps = standard.sudo().late_point_ids if standard else steps
        points = next(
            (
                step.points
                for step in steps.sorted("minutes")
                if minutes <= step.minutes
            ),
            item.points_max,
        )
        return min(max(points, item.points_min), item.points_max)

    @api.model
    def _for_employee(self, employee):
        """The scheme that scores ``employee`` (that of their site)."""
        employee = employee.sudo()
        return self.sudo()._for_site(employee.property_site_id, employee.company_id)

    @api.model
    def _for_site(self, site, company=None):
        """The scheme that scores the staff of ``site``."""
        return self._for_sites([(site, company)])[(site, company)]

    @api.model
    def _for_employees(self, employees):
        """{employee id: the scheme that scores them}, with one search for them all."""
        employees = employees.sudo()
        keys = {
            employee.id: (employee.property_site_id, employee.company_id)
            for employee in employees
        }
        schemes = self.sudo()._for_sites(set(keys.values()))
        return {employee_id: schemes[key] for employee_id, key in keys.items()}

    @api.model
    def _for_sites(self, pairs):
        """{(site, company): the scheme that scores the staff of the site} for the given
        pairs (a missing company is the site's, else the current one), with one search
        for them all: the first scheme listing the site, else the first of its company
        (or of every company) listing no site."""
        site_ids = list({site.id for site, _company in pairs if site})
        schemes = self.search(
            ["|", ("site_ids", "in", site_ids), ("site_ids", "=", False)]
        )
        result = {}
        for key in pairs:
            site, company = key
            company = company or site.company_id or self.env.company
            result[key] = next(
                (
                    scheme
                    for scheme in schemes
                    if site and site.id in scheme.site_ids.ids
                ),
                None,
            ) or next(
                (
                    scheme
                    for scheme in schemes
                    if not scheme.site_ids
                    and scheme.company_id.id in (company.id, False)
                ),
                self.browse(),
            )
        return result


class PropertyKpiSchemeLate(models.Model):
    """A step of the late-arrival points of a scheme (K13): a late arrival or an early
    leave of up to ``minutes`` minutes costs ``points``."""

    _name = "property.kpi.scheme.late"
    _rec_name = "scheme_id"  # breadcrumbs name the record, not the model (issue #19)
    _description = "Late Arrival Points"
    _inherit = ["property.input.mixin"]
    _order = "scheme_id, minutes"

    scheme_id = fields.Many2one(
        "property.kpi.scheme", required=True, index=True, ondelete="cascade"
    )
    minutes = fields.Integer(string="Up to (Minutes)", required=True)
    points = fields.Integer(required=True)

    _sql_constraints = [
        (
            "minutes_unique",
            "unique(scheme_id, minutes)",
            "One step per number of minutes.",
        ),
        ("minutes_positive", "check(minutes > 0)", "A step is at least one minute."),
        (
            "points_positive",
            "check(points >= 0)",
            "The points of a step are not negative.",
        ),
    ]
