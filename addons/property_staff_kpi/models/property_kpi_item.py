from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

VIOLATION_KINDS = ("light", "medium", "severe", "dismissal")


class PropertyKpiItem(models.Model):
    """An entry of the catalogue of bonuses and deductions (K02-K05, K07)."""

    _name = "property.kpi.item"
    _description = "Assessment Item"
    _inherit = ["property.input.mixin"]
    _order = "kind_sequence, sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Reference of the item in the regulation.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        [
            ("bonus", "Bonus"),
            ("light", "Light Violation"),
            ("medium", "Medium Violation"),
            ("severe", "Severe Violation"),
            ("dismissal", "Dismissal"),
        ],
        required=True,
        default="light",
    )
    kind_sequence = fields.Integer(compute="_compute_kind_sequence", store=True)
    points_min = fields.Integer(string="Points From", required=True, default=0)
    points_max = fields.Integer(string="Points To", required=True, default=0)
    points_label = fields.Char(string="Points", compute="_compute_points_label")
    description = fields.Text(translate=True)
    auto_rule = fields.Selection(
        [
            ("repeat", "Repeat Rule (K06)"),
            ("exam_full", "Skills Exam Full Marks (K15)"),
            ("exam_fail", "Skills Exam Failed (K15)"),
        ],
        string="Automatic Rule",
        help="Rule of this addon that adds lines of this item by itself.",
    )
    company_id = fields.Many2one("res.company")
    line_count = fields.Integer(compute="_compute_line_count")

    _sql_constraints = [
        (
            "auto_rule_unique",
            "unique(auto_rule, company_id)",
            "Each automatic rule uses one item.",
        ),
    ]

    @api.depends("kind")
    def _compute_kind_sequence(self):
        order = {"bonus": 1, "light": 2, "medium": 3, "severe": 4, "dismissal": 5}
        for item in self:
            item.kind_sequence = order.get(item.kind, 9)

    @api.depends("points_min", "points_max")
    def _compute_points_label(self):
        for item in self:
            if item.points_min == item.points_max:
                item.points_label = str(item.points_min)
            else:
                item.points_label = f"{item.points_min}-{item.points_max}"

    def _compute_line_count(self):
        counts = dict(
            self.env["property.kpi.line"]
            .sudo()
            ._read_group([("item_id", "in", self.ids)], ["item_id"], ["__count"])
        )
        for item in self:
            item.line_count = counts.get(item._origin, 0)

    @api.constrains("points_min", "points_max")
    def _check_points(self):
        for item in self:
            if item.points_min < 0 or item.points_max < item.points_min:
                raise ValidationError(
                    self.env._(
                        "The points of item %(name)s must be a range from a positive "
                        "number up to an equal or larger one.",
                        name=item.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        used = (
            self.env["property.kpi.line"]
            .sudo()
            .search_count([("item_id", "in", self.ids)])
        )
        if used:
            raise UserError(
                self.env._(
                    "An item already used in an assessment cannot be deleted: archive "
                    "it instead."
                )
            )

    def _sign(self):
        self.ensure_one()
        return 1 if self.kind == "bonus" else -1
