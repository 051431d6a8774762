from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError

from ..models.property_roster import POSTS


class PropertyRosterRotation(models.TransientModel):
    """Fills the rosters of a post for some weeks from a rotation pattern (issue #23):
    a cycle of shift types over N days (an empty step is a rest day); each employee
    starts the cycle a few days after the previous one, so that the post is staffed
    in turn. Draft rosters are created or completed, all lines in one batch."""

    _name = "property.roster.rotation"
    _description = "Roster Rotation"
    _inherit = ["property.input.mixin"]

    site_id = fields.Many2one("property.site", required=True)
    post = fields.Selection(POSTS, required=True)
    date_start = fields.Date(
        string="First Monday",
        required=True,
        default=lambda self: (
            fields.Date.context_today(self)
            + timedelta(days=7 - fields.Date.context_today(self).weekday())
        ),
    )
    weeks = fields.Integer(default=4, required=True)
    employee_ids = fields.Many2many("hr.employee", string="Employees", required=True)
    offset = fields.Integer(
        string="Days Between Employees",
        default=1,
        help="Each employee starts the cycle this many days after the previous one.",
    )
    step_ids = fields.One2many(
        "property.roster.rotation.step", "rotation_id", string="Pattern"
    )

    def _line_values(self):
        """{week start: [line values]} of the rotation."""
        self.ensure_one()
        steps = self.step_ids.sorted("sequence")
        by_week = {}
        for week in range(self.weeks):
            monday = self.date_start + timedelta(weeks=week)
            values = by_week.setdefault(monday, [])
            for day in range(7):
                date = monday + timedelta(days=day)
                index = (date - self.date_start).days
                for rank, employee in enumerate(self.employee_ids):
                    step = steps[(index - rank * self.offset) % len(steps)]
                    if step.shift_type_id:
                        values.append(
                            {
                                "employee_id": employee.id,
                                "date": date,
                                "shift_type_id": step.shift_type_id.id,
                            }
                        )
        return by_week

    def action_generate(self):
        self.ensure_one()
        if self.date_start.weekday():
            raise UserError(self.env._("A rotation starts on a Monday."))
        if not 1 <= self.weeks <= 26:
            raise UserError(self.env._("A rotation covers 1 to 26 weeks."))
        if not self.step_ids or not self.step_ids.shift_type_id:
            raise UserError(self.env._("Give the pattern at least one shift."))
        by_week = self._line_values()
        Roster = self.env["property.roster"]
        rosters = Roster.search(
            [
                ("site_id", "=", self.site_id.id),
                ("post", "=", self.post),
                ("week_start", "in", list(by_week)),
            ]
        )
        if rosters.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._(
                    "A roster of these weeks is published: put it back in draft first."
                )
            )
        existing = {roster.week_start: roster for roster in rosters}
        # the rotation replaces the lines of its employees on its weeks
        rosters.line_ids.filtered(
            lambda line: line.employee_id in self.employee_ids
        ).unlink()
        new = Roster.create(
            [
                {"site_id": self.site_id.id, "post": self.post, "week_start": monday}
                for monday in by_week
                if monday not in existing
            ]
        )
        existing.update({roster.week_start: roster for roster in new})
        self.env["property.roster.line"].create(
            [
                dict(vals, roster_id=existing[monday].id)
                for monday, values in by_week.items()
                for vals in values
            ]
        )
        rosters |= new
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Rosters"),
            "res_model": "property.roster",
            "view_mode": "list,form",
            "domain": [("id", "in", rosters.ids)],
        }


class PropertyRosterRotationStep(models.TransientModel):
    _name = "property.roster.rotation.step"
    _description = "Roster Rotation Step"
    _inherit = ["property.input.mixin"]
    _order = "sequence, id"

    rotation_id = fields.Many2one(
        "property.roster.rotation", required=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    shift_type_id = fields.Many2one(
        "property.shift.type", string="Shift", help="Empty: a rest day."
    )
