import math
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyEmergencyCallout(models.Model):
    """An emergency call-out of an employee: when the call came, the time limit to be
    on the spot and when they arrived. A late arrival adds its deduction to the
    month's assessment once (K13: 1–10 / 11–30 / over 30 minutes late)."""

    _name = "property.emergency.callout"
    _description = "Emergency Call-out"
    _inherit = ["property.input.mixin", "mail.thread"]
    _order = "call_time desc, id desc"

    name = fields.Char(string="Emergency", required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True
    )
    employee_user_id = fields.Many2one(related="employee_id.user_id", store=True)
    site_id = fields.Many2one(
        "property.site",
        required=True,
        index=True,
        default=lambda self: self._default_site(),
    )
    company_id = fields.Many2one(related="site_id.company_id", store=True)
    call_time = fields.Datetime(
        required=True, default=fields.Datetime.now, tracking=True
    )
    response_minutes = fields.Integer(
        string="Time Limit (minutes)",
        required=True,
        default=lambda self: self._settings()["limit"],
        help="Minutes allowed between the call and the arrival on the spot.",
    )
    deadline = fields.Datetime(compute="_compute_deadline", store=True)
    arrival_time = fields.Datetime(tracking=True)
    late_minutes = fields.Integer(
        compute="_compute_late_minutes",
        store=True,
        help="Minutes past the time limit, any started minute counted.",
    )
    state = fields.Selection(
        [("draft", "Open"), ("done", "Closed"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    kpi_line_ids = fields.One2many(
        "property.kpi.line", compute="_compute_kpi_line_ids", string="Assessment Lines"
    )

    @api.model
    def _default_site(self):
        return self.env.user.property_site_ids[:1]

    @api.model
    def _settings(self):
        """The call-out rules of the record's company (else the current one)."""
        company = self[:1].company_id or self.env.company
        return {
            "limit": company.property_staff_kpi_emergency_response_minutes,
            "band_1": company.property_staff_kpi_emergency_band_1_minutes,
            "band_2": company.property_staff_kpi_emergency_band_2_minutes,
        }

    @api.depends("call_time", "response_minutes")
    def _compute_deadline(self):
        for callout in self:
            callout.deadline = callout.call_time and callout.call_time + timedelta(
                minutes=callout.response_minutes
            )

    @api.depends("deadline", "arrival_time")
    def _compute_late_minutes(self):
        for callout in self:
            late = 0
            if (
                callout.deadline
                and callout.arrival_time
                and callout.arrival_time > callout.deadline
            ):
                late = math.ceil(
                    (callout.arrival_time - callout.deadline).total_seconds() / 60
                )
            callout.late_minutes = late

    def _compute_kpi_line_ids(self):
        refs = [f"{self._name},{callout.id}" for callout in self]
        lines = self.env["property.kpi.line"].search([("source_ref", "in", refs)])
        for callout in self:
            callout.kpi_line_ids = lines.filtered(
                lambda line, c=callout: line.source_ref == c
            )

    def _kpi_item(self):
        """The catalogue item of this late arrival, by the minute bands of the
        settings."""
        self.ensure_one()
        if self.late_minutes <= 0:
            return self.env["property.kpi.item"]
        settings = self._settings()
        if self.late_minutes <= settings["band_1"]:
            xmlid = "property_staff_kpi.item_k03_emergency_10"
        elif self.late_minutes <= settings["band_2"]:
            xmlid = "property_staff_kpi.item_k04_emergency_30"
        else:
            xmlid = "property_staff_kpi.item_k05_emergency_over"
        return (
            self.env.ref(xmlid, raise_if_not_found=False)
            or self.env["property.kpi.item"]
        )

    def action_done(self):
        """Close the call-out: a late arrival adds its deduction, once."""
        if any(callout.state != "draft" for callout in self):
            raise UserError(self.env._("Only an open call-out can be closed."))
        if any(not callout.arrival_time for callout in self):
            raise UserError(self.env._("Enter the time of arrival on the spot first."))
        self.write({"state": "done"})
        entries = []
        for callout in self:
            item = callout._kpi_item()
            if item:
                entries.append(
                    {
                        "employee": callout.employee_id,
                        "item": item.sudo(),
                        "source": callout,
                        "date": fields.Date.context_today(callout, callout.call_time),
                        "points": item.points_min,
                        "reason": callout.employee_id._property_kpi_env()._(
                            "%(name)s: on the spot %(late)s min past the time limit "
                            "(K13)",
                            name=callout.name,
                            late=callout.late_minutes,
                        ),
                    }
                )
        self.env["property.kpi.assessment"].sudo()._add_automatic_lines(entries)
        return True

    def action_cancel(self):
        """Cancel the call-out and its deduction while the month is open."""
        if any(callout.state == "cancel" for callout in self):
            raise UserError(self.env._("The call-out is already cancelled."))
        self.write({"state": "cancel"})
        self.env["property.kpi.assessment"].sudo()._remove_automatic_lines(self)
        return True
