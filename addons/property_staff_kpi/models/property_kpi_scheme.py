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
    base_score = fields.Integer(required=True, default=80, help="Score every month starts from.")
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
        default=60, help="A month's total under this score raises a dismissal warning (K08)."
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
        help="A monthly skills exam score under this percentage adds the deduction (K04/K15).",
    )
    proposal_approval_levels = fields.Selection(
        [("1", "The Approver"), ("2", "The Approver, then the Management Office")],
        string="Approval of Proposals",
        required=True,
        default="2",
        help="K16: a proposed bonus or deduction is approved level by level: first by the "
        "assessment's approver, then (two levels) by a scoring manager of the management "
        "office (报管理处), who must be somebody else.",
    )
    description = fields.Text(translate=True)

    @api.constrains("base_score", "cap_score", "leader_adjust_max")
    def _check_scores(self):
        for scheme in self:
            if scheme.base_score < 0 or scheme.cap_score < 0 or scheme.leader_adjust_max < 0:
                raise ValidationError(self.env._("Scores of a scheme cannot be negative."))
            if scheme.cap_score and scheme.cap_score < scheme.base_score:
                raise ValidationError(
                    self.env._(
                        "The cap of scheme %(name)s is below its base score.", name=scheme.name
                    )
                )

    @api.model
    def _for_site(self, site, company=None):
        """The scheme that scores the staff of ``site``."""
        company = company or site.company_id or self.env.company
        if site:
            scheme = self.search([("site_ids", "in", site.ids)], limit=1)
            if scheme:
                return scheme
        return self.search(
            [("site_ids", "=", False), ("company_id", "in", [company.id, False])], limit=1
        )
