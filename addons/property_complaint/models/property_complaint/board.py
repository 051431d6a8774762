from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

# the card's colour (Odoo's colour index) by lateness: red, orange, light blue, green
LATENESS_COLORS = {"late": 1, "today": 2, "at_risk": 4, "ok": 10}


class PropertyComplaintBoardMixin(models.AbstractModel):
    """The complaint on the kanban board: cards and the progress bar by lateness
    (late / due today / due tomorrow / on time), as the deadlines (C08, C09) say."""

    _name = "property.complaint.board.mixin"
    _description = "Complaint: Board"

    lateness_color = fields.Integer(compute="_compute_lateness_color")

    @api.depends("deadline_state")
    @api.depends_context("tz")
    def _compute_lateness_color(self):
        for complaint in self:
            complaint.lateness_color = LATENESS_COLORS.get(complaint.deadline_state, 0)

    @api.model
    def _deadline_state_domain(self, state):
        """The domain of the open complaints whose lateness is ``state`` now."""
        now, today_end, tomorrow_end = self._today_bounds()
        field = "date_deadline_next"
        domains = {
            "late": [(field, "<", now)],
            "today": [(field, ">=", now), (field, "<=", today_end)],
            "at_risk": [(field, ">", today_end), (field, "<=", tomorrow_end)],
            "ok": [(field, ">", tomorrow_end)],
            False: [(field, "=", False)],
        }
        if state not in domains:
            raise UserError(self.env._("Unknown lateness: %(state)s.", state=state))
        return domains[state]

    def _search_deadline_state(self, operator, value):
        if operator in ("=", "!="):
            values = [value]
        elif operator in ("in", "not in") and isinstance(value, list | tuple):
            values = list(value)
        else:
            raise UserError(
                self.env._("Unsupported search on the lateness of complaints.")
            )
        domain = expression.OR(
            [self._deadline_state_domain(v or False) for v in values]
        )
        if operator in ("!=", "not in"):
            domain = ["!", *expression.normalize_domain(domain)]
        return domain

    @api.model
    def read_progress_bar(self, domain, group_by, progress_bar):
        """The progress bar by lateness: ``deadline_state`` depends on the time of the
        call and is not stored, so each lateness is counted per column by its domain."""
        if progress_bar.get("field") != "deadline_state":
            return super().read_progress_bar(domain, group_by, progress_bar)
        colors = progress_bar["colors"]
        result = {}
        for state in colors:
            state_domain = expression.AND([domain, self._deadline_state_domain(state)])
            for group in self.read_group(
                state_domain, ["__count"], [group_by], lazy=False
            ):
                value = group[group_by]
                key = str(value[0] if isinstance(value, tuple) else value)
                result.setdefault(key, dict.fromkeys(colors, 0))[state] += group[
                    "__count"
                ]
        return result
