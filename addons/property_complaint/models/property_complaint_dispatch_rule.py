from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError


class PropertyComplaintDispatchRule(models.Model):
    """A dispatch rule (issue #21, C11): the complaints of some categories, sites or
    buildings go to a department and, in turn or to the least busy, to one of its
    handlers at work, as soon as they are registered. The first matching rule (by
    sequence) dispatches; the dispatch is logged like a manual one."""

    _name = "property.complaint.dispatch.rule"
    _description = "Complaint Dispatch Rule"
    _inherit = ["property.input.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        help="Empty: the rule applies to every company.",
    )
    category_ids = fields.Many2many(
        "property.complaint.category",
        "property_complaint_dispatch_rule_category_rel",
        "rule_id",
        "category_id",
        string="Categories",
        help="Empty: every category.",
    )
    site_ids = fields.Many2many(
        "property.site",
        "property_complaint_dispatch_rule_site_rel",
        "rule_id",
        "site_id",
        string="Sites",
        help="Empty: every site.",
    )
    building_ids = fields.Many2many(
        "property.building",
        "property_complaint_dispatch_rule_building_rel",
        "rule_id",
        "building_id",
        string="Buildings",
        help="Empty: every building (the building of the complaint's unit).",
    )
    department_id = fields.Many2one(
        "hr.department", string="Handling Department", required=True
    )
    handler_ids = fields.Many2many(
        "res.users",
        "property_complaint_dispatch_rule_handler_rel",
        "rule_id",
        "user_id",
        string="Handlers",
        domain="[('share', '=', False)]",
        help="Who receives the complaints, in turn or by least open work; those on "
        "time off are left out. Empty: the department only.",
    )
    assign_method = fields.Selection(
        [("round_robin", "Round Robin"), ("least_open", "Least Open Work")],
        string="Assignment",
        required=True,
        default="round_robin",
    )
    last_handler_id = fields.Many2one(
        "res.users",
        readonly=True,
        copy=False,
        help="The handler who received the last complaint of this rule.",
    )

    @api.constrains("handler_ids")
    def _check_handlers(self):
        group = self.env.ref("property_complaint.group_complaint_handler")
        for rule in self:
            other = rule.handler_ids.filtered(lambda u: group not in u.groups_id)[:1]
            if other:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a complaint handler and cannot receive "
                        "complaints.",
                        user=other.name,
                    )
                )

    # ------------------------------------------------------------------
    # ORM: the rules are read once per process (see _dispatch_rules)
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        self.env.registry.clear_cache()
        return rules

    def write(self, vals):
        result = super().write(vals)
        if set(vals) - {"last_handler_id"}:
            self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result

    # ------------------------------------------------------------------
    # Matching and choice of the handler
    # ------------------------------------------------------------------
    @api.model
    @tools.ormcache()
    def _dispatch_rules(self):
        """The active rules as plain tuples, read once per process: each registration
        is matched against them in memory."""
        return tuple(
            (
                rule.id,
                rule.company_id.id,
                frozenset(rule.category_ids.ids),
                frozenset(rule.site_ids.ids),
                frozenset(rule.building_ids.ids),
            )
            for rule in self.sudo().search([])
        )

    @api.model
    def _rule_for(self, complaint):
        """The first rule matching ``complaint`` (empty when none)."""
        rules = self._dispatch_rules()
        if not rules:
            return self.browse()
        company_id = complaint.company_id.id or complaint.site_id.company_id.id
        for rule_id, company, categories, sites, buildings in rules:
            if (
                (company and company != company_id)
                or (categories and complaint.category_id.id not in categories)
                or (sites and complaint.site_id.id not in sites)
                or (buildings and complaint.unit_id.building_id.id not in buildings)
            ):
                continue
            return self.browse(rule_id)
        return self.browse()

    def _at_work(self, users, now):
        """The ``users`` not on time off at ``now``: neither a validated time off
        (hr_holidays, when installed) nor a leave of their working time."""
        employees = (
            self.env["hr.employee"].sudo().search([("user_id", "in", users.ids)])
        )
        away = self.env["res.users"]
        if employees:
            leaves = (
                self.env["resource.calendar.leaves"]
                .sudo()
                .search(
                    [
                        ("resource_id", "in", employees.resource_id.ids),
                        ("date_from", "<=", now),
                        ("date_to", ">", now),
                    ]
                )
            )
            away |= employees.filtered(
                lambda e: e.resource_id in leaves.resource_id
            ).user_id
            if "hr.leave" in self.env:
                time_off = (
                    self.env["hr.leave"]
                    .sudo()
                    .search(
                        [
                            ("employee_id", "in", employees.ids),
                            ("state", "=", "validate"),
                            ("date_from", "<=", now),
                            ("date_to", ">", now),
                        ]
                    )
                )
                away |= time_off.employee_id.user_id
        return users.filtered(lambda u: u.active and u not in away)

    def _pick_handler(self, now=None):
        """The handler who receives the next complaint of this rule, or an empty
        recordset (nobody at work, or no handler: the department only)."""
        self.ensure_one()
        rule = self.sudo()
        now = now or fields.Datetime.now()
        # a handler who lost the handlers' group since is passed over
        ordered = rule.handler_ids.filtered(
            lambda u: u.has_group("property_complaint.group_complaint_handler")
        ).sorted("id")
        available = self._at_work(ordered, now)
        if not available:
            return self.env["res.users"]
        # the turn: the handlers after the last one, then from the start
        last = rule.last_handler_id
        after = ordered.filtered(lambda u: last and u.id > last.id)
        turn = [u for u in after | ordered if u in available]
        if rule.assign_method == "least_open":
            counts = dict(
                self.env["property.complaint"]
                .sudo()
                ._read_group(
                    [("handler_id", "in", available.ids), ("is_closed", "=", False)],
                    ["handler_id"],
                    ["__count"],
                )
            )
            fewest = min(counts.get(u, 0) for u in turn)
            turn = [u for u in turn if counts.get(u, 0) == fewest]
        handler = turn[0]
        rule.last_handler_id = handler
        return handler
