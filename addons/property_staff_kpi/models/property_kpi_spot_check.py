from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_datetime

# the catalogue item of a spot check finding the employee away (A02, K03)
AWAY_ITEM = "property_staff_kpi.item_k03_left_post"


class PropertyKpiSpotCheck(models.Model):
    """A supervisor's spot check of a rostered shift (A02, issue #23): was the
    employee on the post? The checker is the user who records it and the time is the
    moment it is recorded (owned by the integrity layer: a client sets neither); the
    shift, the answer and the note are given once, when it is recorded, never changed.
    An "away" check adds the A02 deduction (left the post without telling the
    superior) to the month's assessment, once per employee and day: the attendance
    verdict's away line and the spot check's are the same violation."""

    _name = "property.kpi.spot.check"
    _description = "Spot Check of a Post"
    _inherit = ["property.integrity.mixin", "mail.thread"]
    _order = "check_time desc, id desc"
    _rec_name = "employee_id"
    _property_keep = True
    _property_create_fields = frozenset({"roster_line_id", "result", "note"})

    roster_line_id = fields.Many2one(
        "property.roster.line",
        string="Shift",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    employee_id = fields.Many2one(
        related="roster_line_id.employee_id", store=True, index=True
    )
    employee_user_id = fields.Many2one(
        related="roster_line_id.employee_user_id", store=True, string="Employee User"
    )
    site_id = fields.Many2one(related="roster_line_id.site_id", store=True, index=True)
    company_id = fields.Many2one(related="roster_line_id.company_id", store=True)
    post = fields.Selection(related="roster_line_id.post", store=True)
    date = fields.Date(
        related="roster_line_id.date", store=True, index=True, string="Shift Day"
    )
    check_time = fields.Datetime(string="Checked At", readonly=True, index=True)
    checked_by_id = fields.Many2one("res.users", readonly=True)
    result = fields.Selection(
        [("present", "On the Post"), ("away", "Away from the Post")],
        required=True,
        readonly=True,
        tracking=True,
    )
    note = fields.Text(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        """The checker is the user, the time is now; only a supervisor (or the
        service-centre manager) of the shift's site checks, during the shift."""
        lines = (
            self.env["property.roster.line"]
            .sudo()
            .browse(
                list({vals.get("roster_line_id") for vals in vals_list} - {False, None})
            )
            .exists()
        )
        self._check_checker(lines)
        now = fields.Datetime.now()
        for vals in vals_list:
            vals.update(check_time=now, checked_by_id=self.env.user.id)
        checks = super(PropertyKpiSpotCheck, self._property_internal()).create(
            vals_list
        )
        checks.sudo()._add_away_lines()
        return checks.with_env(self.env)

    def _add_away_lines(self):
        """A02: the deduction of each "away" check, in one batch, once per employee
        and day: the day's away line of the attendance verdict (same violation) is
        replaced by the check's while the month is open; a confirmed month keeps its
        line and gets none more."""
        away = self.filtered(lambda check: check.result == "away")
        item = self.env.ref(AWAY_ITEM, raise_if_not_found=False)
        if not away or not item:
            return
        existing = (
            self.env["property.kpi.line"]
            .sudo()
            .search(
                [
                    ("item_id", "=", item.id),
                    ("origin", "=", "automatic"),
                    ("employee_id", "in", away.employee_id.ids),
                    ("date", "in", list(set(away.mapped("date")))),
                ]
            )
        )
        keys = {(check.employee_id.id, check.date) for check in away}
        replaced = existing.filtered(
            lambda line: (
                line.source_ref._name != self._name
                and (line.employee_id.id, line.date) in keys
                and line.assessment_id.state != "confirmed"
            )
        )
        done = {(line.employee_id.id, line.date) for line in existing - replaced}
        if replaced:
            replaced._property_internal().unlink()
        entries = []
        for check in away:
            key = (check.employee_id.id, check.date)
            if key in done:
                continue
            done.add(key)
            env = check.employee_id._property_kpi_env()
            entries.append(
                {
                    "employee": check.employee_id,
                    "item": item,
                    "source": check,
                    "date": check.date,
                    "points": item.points_min,
                    "reason": env._(
                        "%(time)s: away from the post at the spot check by "
                        "%(checker)s (A02)",
                        time=format_datetime(
                            env, check.check_time, tz=check.site_id._site_tz().zone
                        ),
                        checker=check.checked_by_id.name,
                    ),
                }
            )
        self.env["property.kpi.assessment"]._add_automatic_lines(entries)

    @api.model
    def _check_checker(self, lines):
        """The user is a customer-service supervisor or the service-centre manager of
        each shift's site (or an assessment manager), the roster is published and the
        shift is on now."""
        if not lines:
            raise UserError(self.env._("Choose the shift you check."))
        user = self.env.user
        manager = self.env.su or user.has_group("property_staff_kpi.group_kpi_manager")
        now = fields.Datetime.now()
        for line in lines.sudo():
            site = line.site_id
            if not manager and user not in site.supervisor_ids | site.manager_id:
                raise UserError(
                    self.env._(
                        "Only the supervisors and the manager of %(site)s check its "
                        "posts.",
                        site=site.name,
                    )
                )
            if line.state != "published":
                raise UserError(
                    self.env._("Only a shift of a published roster is checked.")
                )
            spans = [
                (start, stop)
                for start, stop in (
                    (line.start_datetime, line.stop_datetime),
                    (line.split_start_datetime, line.split_stop_datetime),
                )
                if start
            ]
            if not any(start <= now <= stop for start, stop in spans):
                raise UserError(
                    self.env._(
                        "%(shift)s is not on duty now: a spot check is recorded "
                        "during the shift.",
                        shift=line.display_name,
                    )
                )

    @api.model
    def _away_days(self, employees, date_from, date_to):
        """{(employee id, day)} with an "away" spot check: the verdicts leave their
        own away line out on those days (one search for a batch)."""
        checks = self.sudo().search(
            [
                ("employee_id", "in", employees.ids),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
                ("result", "=", "away"),
            ]
        )
        return {(check.employee_id.id, check.date) for check in checks}
