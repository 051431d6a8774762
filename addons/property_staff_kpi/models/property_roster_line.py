import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# the context key of the swap form's "Shift Taken": the shift given (issue #23); a
# client sends it, so it is not a ``property_`` key (tools/client_context.py removes
# those), and it only narrows what the user may pick
SWAP_LINE_KEY = "roster_swap_line_id"


class PropertyRosterLine(models.Model):
    """One employee's shift on one day of a roster, with its intervals in UTC for the
    attendance verdicts (the shift's local hours in the site's time zone)."""

    _name = "property.roster.line"
    _description = "Roster Shift"
    _inherit = ["property.integrity.mixin"]
    _order = "date, start_datetime, employee_id"
    _rec_name = "employee_id"
    _property_lock_parent = "roster_id"

    roster_id = fields.Many2one(
        "property.roster", required=True, index=True, ondelete="cascade"
    )
    site_id = fields.Many2one(related="roster_id.site_id", store=True, index=True)
    company_id = fields.Many2one(related="roster_id.company_id", store=True)
    post = fields.Selection(related="roster_id.post", store=True)
    state = fields.Selection(
        related="roster_id.state", store=True, string="Roster State"
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="cascade"
    )
    employee_user_id = fields.Many2one(
        related="employee_id.user_id", store=True, string="Employee User"
    )
    date = fields.Date(required=True, index=True)
    shift_type_id = fields.Many2one(
        "property.shift.type", string="Shift", required=True, ondelete="restrict"
    )
    start_datetime = fields.Datetime(
        string="Start", compute="_compute_datetimes", store=True
    )
    stop_datetime = fields.Datetime(
        string="End", compute="_compute_datetimes", store=True
    )
    split_start_datetime = fields.Datetime(
        string="Second Start", compute="_compute_datetimes", store=True
    )
    split_stop_datetime = fields.Datetime(
        string="Second End", compute="_compute_datetimes", store=True
    )

    _sql_constraints = [
        (
            "employee_date_unique",
            "unique(employee_id, date)",
            "An employee has one shift a day.",
        )
    ]

    @api.depends(
        "date",
        "shift_type_id.hour_start",
        "shift_type_id.hour_end",
        "shift_type_id.split",
        "shift_type_id.split_hour_start",
        "shift_type_id.split_hour_end",
        "roster_id.site_id.calendar_id.tz",
    )
    def _compute_datetimes(self):
        for line in self:
            spans = line._utc_spans() if line.date and line.shift_type_id else []
            naive = [(a.replace(tzinfo=None), b.replace(tzinfo=None)) for a, b in spans]
            first = naive[0] if naive else (False, False)
            second = naive[1] if len(naive) > 1 else (False, False)
            line.start_datetime, line.stop_datetime = first
            line.split_start_datetime, line.split_stop_datetime = second

    def _utc_spans(self):
        self.ensure_one()
        tz = self.roster_id.site_id._site_tz() if self.roster_id.site_id else pytz.utc
        return [
            (
                tz.localize(begin).astimezone(pytz.utc),
                tz.localize(end).astimezone(pytz.utc),
            )
            for begin, end in self.shift_type_id._local_spans(self.date)
        ]

    @api.depends("employee_id.name", "date", "shift_type_id.name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = " ".join(
                str(part)
                for part in (line.employee_id.name, line.date, line.shift_type_id.name)
                if part
            )

    @api.constrains("date", "roster_id")
    def _check_date(self):
        for line in self:
            roster = line.roster_id
            if not roster.week_start <= line.date <= roster.week_end:
                raise ValidationError(
                    self.env._(
                        "%(date)s lies outside the week of %(roster)s.",
                        date=line.date,
                        roster=roster.display_name,
                    )
                )

    # ------------------------------------------------------------------ swaps
    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        """In a swap request (the context names the shift given), the colleagues'
        shifts that can be taken: see ``_swap_candidates``. Only their names are
        returned (employee, day, shift); the client's domain is not applied to them,
        so nothing else of those shifts is revealed."""
        line_id = self.env.context.get(SWAP_LINE_KEY)
        if not line_id or self.env.su:
            return super().name_search(name, args, operator=operator, limit=limit)
        if not isinstance(name, str):
            name = ""
        names = [
            (line.id, line.display_name)
            for line in self._swap_candidates(line_id).sudo()
        ]
        if name:
            needle = name.casefold()
            names = [pair for pair in names if needle in pair[1].casefold()]
        return names[:limit] if isinstance(limit, int) and limit > 0 else names

    @api.model
    def _swap_candidates(self, line_id):
        """The shifts a swap of the shift ``line_id`` (one the user reads: their own,
        or one they plan) may take: the other employees' shifts of the published
        rosters of the same site and post that have not begun. Returned without sudo:
        the user still cannot read them, only their names."""
        if isinstance(line_id, bool) or not isinstance(line_id, int):
            raise UserError(self.env._("Choose the shift you give first."))
        line = self.browse(line_id).exists()
        if not line or not line.has_access("read"):
            raise UserError(
                self.env._("You can only ask for a swap of your own shift.")
            )
        line = line.sudo()
        candidates = self.sudo().search(
            [
                ("site_id", "=", line.site_id.id),
                ("post", "=", line.post),
                ("state", "=", "published"),
                ("employee_id", "!=", line.employee_id.id),
                ("start_datetime", ">", fields.Datetime.now()),
            ],
            order="date, start_datetime, employee_id",
        )
        return self.browse(candidates.ids)

    def _spans(self):
        """The line's intervals as aware UTC (start, stop) pairs."""
        self.ensure_one()
        spans = [(self.start_datetime, self.stop_datetime)]
        if self.split_start_datetime:
            spans.append((self.split_start_datetime, self.split_stop_datetime))
        return [(pytz.utc.localize(a), pytz.utc.localize(b)) for a, b in spans]
