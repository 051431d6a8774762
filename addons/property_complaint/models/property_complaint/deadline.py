from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

DEADLINE_FIELDS = (
    "date_deadline_response",
    "date_deadline_reply",
    "date_deadline_solution",
    "date_deadline_investigation",
    "date_deadline_resolution",
    "date_deadline_next",
)
# The company's numbers a complaint's deadlines are counted with (C08, C09): taken when
# the complaint is registered and kept, so that a later change of the rules moves no
# deadline already given to a customer
DEADLINE_TERMS = (
    "response_hours",
    "reply_hours",
    "solution_days",
    "days_class1",
    "days_class2",
    "days_class3",
    "days_demand",
    "days_escalated",
)


class PropertyComplaintDeadlineMixin(models.AbstractModel):
    """The deadlines of a complaint (C08, C09) and its lateness."""

    _name = "property.complaint.deadline.mixin"
    _description = "Complaint: Deadlines"

    # ------------------------------------------------------------------
    # Deadlines (C08, C09)
    # ------------------------------------------------------------------
    date_deadline_response = fields.Datetime(
        string="Response Deadline",
        compute="_compute_deadlines",
        store=True,
        precompute=True,
    )
    date_deadline_reply = fields.Datetime(
        string="Reply Deadline",
        compute="_compute_deadlines",
        store=True,
        precompute=True,
    )
    date_deadline_solution = fields.Datetime(
        string="Solution Deadline",
        compute="_compute_deadlines",
        store=True,
        precompute=True,
    )
    date_deadline_investigation = fields.Datetime(
        string="Investigation Deadline",
        compute="_compute_deadlines",
        store=True,
        precompute=True,
        help="A visit complaint is investigated the same day.",
    )
    date_deadline_resolution = fields.Datetime(
        string="Resolution Deadline",
        compute="_compute_deadlines",
        store=True,
        precompute=True,
        tracking=True,
    )
    date_deadline_next = fields.Datetime(
        string="Next Deadline",
        compute="_compute_deadlines",
        store=True,
        precompute=True,
        index=True,
        help="The earliest deadline not met yet; empty while the resolution clock is "
        "stopped or once resolved.",
    )
    deadline_terms = fields.Json(
        compute="_compute_deadline_terms",
        store=True,
        precompute=True,
        copy=False,
        groups="base.group_user",
        help="The company's response, reply and resolution times in force when the "
        "complaint was registered; its deadlines are counted with them.",
    )
    deadline_state = fields.Selection(
        [
            ("late", "Late"),
            ("today", "Due Today"),
            ("at_risk", "At Risk"),
            ("ok", "On Time"),
        ],
        compute="_compute_deadline_state",
        search="_search_deadline_state",
    )
    is_late = fields.Boolean(
        compute="_compute_deadline_state", search="_search_is_late"
    )
    is_due_today = fields.Boolean(
        compute="_compute_deadline_state", search="_search_is_due_today"
    )

    # ------------------------------------------------------------------
    # Deadlines
    # ------------------------------------------------------------------
    @api.depends("company_id")
    def _compute_deadline_terms(self):
        """A snapshot of the company's numbers, taken once: the company's later
        changes apply to the complaints registered after them."""
        for complaint in self:
            company = complaint.company_id or self.env.company
            if (complaint.deadline_terms or {}).get("company_id") == company.id:
                continue
            numbers = company._property_numbers()
            complaint.deadline_terms = {
                "company_id": company.id,
                **{
                    term: numbers[f"property_complaint_{term}"]
                    for term in DEADLINE_TERMS
                },
            }

    def _deadline_term(self, term):
        self.ensure_one()
        terms = self.deadline_terms or {}
        if term in terms:
            return terms[term]
        return (self.company_id or self.env.company)._property_numbers()[
            f"property_complaint_{term}"
        ]

    def _resolution_days(self):
        self.ensure_one()
        if self.is_escalated:
            return self._deadline_term("days_escalated")
        if self.kind == "demand":
            return self._deadline_term("days_demand")
        return self._deadline_term(f"days_class{self.complaint_class or '3'}")

    @api.depends(
        "date_received",
        "date_accepted",
        "site_id",
        "kind",
        "complaint_class",
        "channel_id",
        "is_escalated",
        "date_escalated",
        "resolution_extra_days",
        "suspension_state",
        "date_customer_contacted",
        "responsible_user_id",
        "date_replied",
        "date_investigated",
        "date_solution_proposed",
        "date_resolved",
        "is_closed",
        "deadline_terms",
        "date_sla_response",
        "date_sla_resolution",
    )
    def _compute_deadlines(self):
        visit = self._default_record("property_complaint.channel_visit")
        for complaint in self:
            received = complaint.date_received
            site = complaint.site_id
            if not received or not site:
                complaint.update(dict.fromkeys(DEADLINE_FIELDS, False))
                continue
            accepted = complaint.date_accepted or received
            term = complaint._deadline_term
            complaint.date_deadline_response = received + timedelta(
                hours=term("response_hours")
            )
            complaint.date_deadline_reply = received + timedelta(
                hours=term("reply_hours")
            )
            complaint.date_deadline_solution = site._working_day_deadline(
                accepted, term("solution_days")
            )
            if visit and complaint.channel_id == visit:
                complaint.date_deadline_investigation = site._local_day_end(
                    site._local_date(received)
                )
            else:
                complaint.date_deadline_investigation = False
            start = complaint.date_escalated if complaint.is_escalated else accepted
            days = complaint._resolution_days() + complaint.resolution_extra_days
            complaint.date_deadline_resolution = site._working_day_deadline(start, days)
            pending = []
            if (
                complaint.is_closed
                or complaint.date_resolved
                or complaint.suspension_state == "suspended"
            ):
                complaint.date_deadline_next = False
                continue
            if not (
                complaint.date_customer_contacted and complaint.responsible_user_id
            ):
                pending.append(complaint.date_deadline_response)
                # the service level's response target (issue #21)
                pending.append(complaint.date_sla_response)
            if not complaint.date_replied:
                pending.append(complaint.date_deadline_reply)
            if (
                complaint.date_deadline_investigation
                and not complaint.date_investigated
            ):
                pending.append(complaint.date_deadline_investigation)
            if not complaint.date_solution_proposed:
                pending.append(complaint.date_deadline_solution)
            pending.append(complaint.date_deadline_resolution)
            pending.append(complaint.date_sla_resolution)
            pending = [d for d in pending if d]
            complaint.date_deadline_next = min(pending) if pending else False

    @api.model
    def _today_bounds(self):
        """Now and the end of today in the user's time zone, as naive UTC datetimes."""
        now = fields.Datetime.now()
        tz = pytz.timezone(
            self.env.context.get("tz") or self.env.user.tz or "Asia/Shanghai"
        )
        local_day = pytz.utc.localize(now).astimezone(tz).date()
        end = tz.localize(datetime.combine(local_day, time(23, 59, 59)))
        tomorrow_end = end + timedelta(days=1)
        return (
            now,
            end.astimezone(pytz.utc).replace(tzinfo=None),
            tomorrow_end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    @api.depends("date_deadline_next")
    @api.depends_context("tz")
    def _compute_deadline_state(self):
        now, today_end, tomorrow_end = self._today_bounds()
        for complaint in self:
            deadline = complaint.date_deadline_next
            if not deadline:
                state = False
            elif deadline < now:
                state = "late"
            elif deadline <= today_end:
                state = "today"
            elif deadline <= tomorrow_end:
                state = "at_risk"
            else:
                state = "ok"
            complaint.deadline_state = state
            complaint.is_late = state == "late"
            complaint.is_due_today = state == "today"

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the late complaints."))
        now = fields.Datetime.now()
        domain = [("date_deadline_next", "<", now)]
        if (operator == "=") != value:
            domain = [
                "|",
                ("date_deadline_next", "=", False),
                ("date_deadline_next", ">=", now),
            ]
        return domain

    def _search_is_due_today(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                self.env._("Unsupported search on the complaints due today.")
            )
        now, today_end, _tomorrow = self._today_bounds()
        domain = [
            ("date_deadline_next", ">=", now),
            ("date_deadline_next", "<=", today_end),
        ]
        if (operator == "=") != value:
            domain = [
                "|",
                "|",
                ("date_deadline_next", "=", False),
                ("date_deadline_next", "<", now),
                ("date_deadline_next", ">", today_end),
            ]
        return domain

    def _working_days_between(self, start, end):
        """Working days of the site's calendar after the day of ``start`` up to and
        including the day of ``end`` (naive UTC datetimes)."""
        self.ensure_one()
        site = self.site_id
        first = site._local_date(start) + timedelta(days=1)
        last = site._local_date(end)
        if last < first:
            return 0
        return site._working_days_between(first, last)
