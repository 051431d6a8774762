from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval

from .property_complaint import CLASS_SELECTION

SLA_UNITS = [
    ("minutes", "Minutes"),
    ("hours", "Hours"),
    ("working_days", "Working Days"),
]


class PropertyComplaintSla(models.Model):
    """A service-level policy (issue #21): the response and resolution targets of the
    complaints it matches, in minutes, hours or working days, on the site's working
    calendar or around the clock. Every matching policy is counted and the strictest
    (the earliest resolution target, then the earliest response target) wins; its
    targets join the deadlines of C08/C09, so that the escalation (C13) follows
    them."""

    _name = "property.complaint.sla"
    _description = "Complaint Service Level"
    _inherit = ["property.input.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        help="Empty: the policy applies to every company.",
    )
    category_ids = fields.Many2many(
        "property.complaint.category",
        string="Categories",
        help="Empty: every category.",
    )
    complaint_class = fields.Selection(
        CLASS_SELECTION, string="Class", help="Empty: every class."
    )
    kind = fields.Selection(
        [("complaint", "Complaint"), ("demand", "Demand")],
        help="Empty: complaints and demands.",
    )
    site_ids = fields.Many2many(
        "property.site", string="Sites", help="Empty: every site."
    )
    channel_ids = fields.Many2many(
        "property.complaint.channel", string="Channels", help="Empty: every channel."
    )
    domain = fields.Char(
        string="Other Conditions",
        help="A filter on the complaint the policy also requires (empty: none).",
    )
    response_target = fields.Float(
        help="Time to contact the customer and name the person in charge (0: none)."
    )
    response_unit = fields.Selection(SLA_UNITS, required=True, default="minutes")
    resolution_target = fields.Float(help="Time to resolve the matter (0: none).")
    resolution_unit = fields.Selection(SLA_UNITS, required=True, default="hours")
    calendar = fields.Selection(
        [
            ("site", "Site's Working Calendar"),
            ("always", "Around the Clock (24/7)"),
        ],
        string="Counted On",
        required=True,
        default="site",
        help="Site's working calendar: only its working time counts (nights, "
        "weekends and public holidays do not). Around the clock: every hour of every "
        "day counts, a working day being 24 hours.",
    )
    note = fields.Text(translate=True)

    @api.constrains(
        "response_target", "response_unit", "resolution_target", "resolution_unit"
    )
    def _check_targets(self):
        for policy in self:
            targets = (
                (policy.response_target, policy.response_unit),
                (policy.resolution_target, policy.resolution_unit),
            )
            if any(target < 0 for target, _unit in targets):
                raise ValidationError(
                    self.env._("The targets of a service level cannot be negative.")
                )
            if not any(target for target, _unit in targets):
                raise ValidationError(
                    self.env._(
                        "Give the service level %(name)s a response or a resolution "
                        "target.",
                        name=policy.name,
                    )
                )
            if any(
                unit == "working_days" and target != int(target)
                for target, unit in targets
            ):
                raise ValidationError(
                    self.env._("A target in working days must be a whole number.")
                )

    @api.constrains("domain")
    def _check_domain(self):
        for policy in self.filtered("domain"):
            try:
                domain = safe_eval(policy.domain)
                self.env["property.complaint"].sudo().search(domain, limit=1)
            except Exception as error:
                raise ValidationError(
                    self.env._(
                        "The other conditions of %(name)s are not a valid filter.",
                        name=policy.name,
                    )
                ) from error

    # ------------------------------------------------------------------
    # ORM: the policies are read once per process (see _sla_policies)
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        policies = super().create(vals_list)
        self.env.registry.clear_cache()
        return policies

    def write(self, vals):
        result = super().write(vals)
        self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result

    # ------------------------------------------------------------------
    # Matching
    # ------------------------------------------------------------------
    @api.model
    @tools.ormcache()
    def _sla_policies(self):
        """The active policies as plain tuples, read once per process: each
        registration is matched against them in memory."""
        return tuple(
            (
                policy.id,
                policy.company_id.id,
                frozenset(policy.category_ids.ids),
                policy.complaint_class or False,
                policy.kind or False,
                frozenset(policy.site_ids.ids),
                frozenset(policy.channel_ids.ids),
                policy.domain or False,
                policy.response_target,
                policy.response_unit,
                policy.resolution_target,
                policy.resolution_unit,
                policy.calendar,
            )
            for policy in self.sudo().search([])
        )

    @api.model
    def _sla_for(self, complaint):
        """The strictest policy matching ``complaint`` and its two targets:
        ``(policy, response deadline, resolution deadline)``, or ``(empty, False,
        False)`` when none matches. Deadlines are naive UTC datetimes counted from
        the complaint's receipt."""
        best = (self.browse(), False, False)
        best_key = None
        start = complaint.date_received
        site = complaint.site_id
        if not start or not site:
            return best
        company_id = complaint.company_id.id or site.company_id.id
        for (
            policy_id,
            policy_company,
            categories,
            complaint_class,
            kind,
            sites,
            channels,
            domain,
            response_target,
            response_unit,
            resolution_target,
            resolution_unit,
            calendar,
        ) in self._sla_policies():
            if (
                (policy_company and policy_company != company_id)
                or (categories and complaint.category_id.id not in categories)
                or (complaint_class and complaint.complaint_class != complaint_class)
                or (kind and complaint.kind != kind)
                or (sites and site.id not in sites)
                or (channels and complaint.channel_id.id not in channels)
            ):
                continue
            if domain and not complaint.sudo().filtered_domain(safe_eval(domain)):
                continue
            response = self._sla_deadline(
                site, start, response_target, response_unit, calendar
            )
            resolution = self._sla_deadline(
                site, start, resolution_target, resolution_unit, calendar
            )
            far = fields.Datetime.to_datetime("9999-12-31")
            key = (resolution or far, response or far, policy_id)
            if best_key is None or key < best_key:
                best_key = key
                best = (self.browse(policy_id), response, resolution)
        return best

    @api.model
    def _sla_deadline(self, site, start, target, unit, calendar):
        """The end of ``target`` ``unit`` after ``start`` (a naive UTC datetime) on
        the site's working calendar or around the clock; False without target."""
        if not target:
            return False
        if calendar == "always":
            if unit == "minutes":
                return start + timedelta(minutes=target)
            if unit == "hours":
                return start + timedelta(hours=target)
            return start + timedelta(days=target)
        if unit == "working_days":
            return site._working_day_deadline(start, int(target))
        hours = target / 60.0 if unit == "minutes" else target
        # the working time of the site's calendar, public holidays left out and
        # make-up working days counted (the calendar's global leaves and dated lines)
        deadline = site.calendar_id.sudo().plan_hours(hours, start, compute_leaves=True)
        return deadline or False
