from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

KINDS = [("day", "Day Shift"), ("night", "Night Shift"), ("split", "Split Shift")]


def _at(day, hours):
    """``day`` at ``hours`` (a float, 24 being the next midnight), naive."""
    return datetime.combine(day, time.min) + timedelta(minutes=round(hours * 60))


class PropertyShiftType(models.Model):
    """A shift of the rosters (issue #23): one interval in the site's local hours, a
    night shift when it ends at or before its start (across midnight, as V03's
    20:00-08:00), optionally a second interval (a split shift, or after a break)."""

    _name = "property.shift.type"
    _description = "Shift Type"
    _inherit = ["property.input.mixin"]
    _order = "sequence, code"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short code shown in the roster.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    hour_start = fields.Float(
        string="Start", required=True, help="Local time of the site (hours)."
    )
    hour_end = fields.Float(
        string="End",
        required=True,
        help="Local time of the site; at or before the start: the next day.",
    )
    split = fields.Boolean(
        string="Second Interval", help="A split shift: a second interval of work."
    )
    split_hour_start = fields.Float(string="Second Start")
    split_hour_end = fields.Float(string="Second End")
    kind = fields.Selection(KINDS, compute="_compute_kind", store=True)
    crosses_midnight = fields.Boolean(compute="_compute_kind", store=True)
    duration = fields.Float(string="Hours of Work", compute="_compute_kind", store=True)

    _sql_constraints = [
        (
            "code_company_unique",
            "unique(code, company_id)",
            "The shift code must be unique per company.",
        )
    ]

    @api.depends(
        "hour_start", "hour_end", "split", "split_hour_start", "split_hour_end"
    )
    def _compute_kind(self):
        for shift in self:
            spans = shift._local_spans(fields.Date.today())
            shift.crosses_midnight = spans[-1][1].date() > spans[0][0].date()
            shift.duration = sum((b - a).total_seconds() for a, b in spans) / 3600
            shift.kind = (
                "split"
                if shift.split
                else ("night" if shift.crosses_midnight else "day")
            )

    @api.constrains(
        "hour_start", "hour_end", "split", "split_hour_start", "split_hour_end"
    )
    def _check_hours(self):
        for shift in self:
            hours = [shift.hour_start, shift.hour_end]
            if shift.split:
                hours += [shift.split_hour_start, shift.split_hour_end]
            if any(hour < 0 or hour > 24 for hour in hours):
                raise ValidationError(
                    self.env._("The hours of a shift lie between 0 and 24.")
                )
            spans = shift._local_spans(fields.Date.today())
            if (len(spans) > 1 and spans[0][1] > spans[1][0]) or (
                spans[-1][1] - spans[0][0] > timedelta(hours=24)
            ):
                raise ValidationError(
                    self.env._(
                        "Shift %(shift)s: its second interval must begin after the "
                        "first one ends, within 24 hours of its start.",
                        shift=shift.name,
                    )
                )

    def _local_spans(self, day):
        """The shift's intervals on ``day`` as naive local datetimes: an interval
        ending at or before its start ends the next day; the second interval begins
        after the first (the next day when its hour is earlier)."""
        self.ensure_one()
        begin = _at(day, self.hour_start)
        end = _at(day, self.hour_end)
        if end <= begin:
            end += timedelta(days=1)
        spans = [(begin, end)]
        if self.split:
            second = _at(day, self.split_hour_start)
            while second < begin:
                second += timedelta(days=1)
            second_end = _at(second.date(), self.split_hour_end)
            if second_end <= second:
                second_end += timedelta(days=1)
            spans.append((second, second_end))
        return spans
