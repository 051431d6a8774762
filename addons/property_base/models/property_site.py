from datetime import datetime, time, timedelta
from functools import lru_cache

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError


@lru_cache(maxsize=64)
def _timezone(name):
    return pytz.timezone(name)


@lru_cache(maxsize=8192)
def _local_day_end_utc(tz_name, day):
    """23:59:59 of ``day`` in the time zone ``tz_name``, as a naive UTC datetime."""
    end = pytz.timezone(tz_name).localize(datetime.combine(day, time(23, 59, 59)))
    return end.astimezone(pytz.utc).replace(tzinfo=None)


class PropertySite(models.Model):
    """A management office (管理处) or service centre (服务中心)."""

    _name = "property.site"
    _description = "Property Site"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, name"

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        required=True,
        tracking=True,
        help="Short code used in the numbers of the records of this site.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Address", help="Postal address of the site."
    )
    phone = fields.Char(string="Service Desk Phone")
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Time",
        required=True,
        default=lambda self: self.env.company.resource_calendar_id,
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
        tracking=True,
        help="Working days and hours of the service centre; public holidays and "
        "make-up working days (调休) are kept on it.",
    )
    tz = fields.Selection(related="calendar_id.tz", string="Time Zone", readonly=True)
    manager_id = fields.Many2one(
        "res.users",
        string="Service-Centre Manager",
        tracking=True,
        domain="[('share', '=', False)]",
        help="First person responsible for every complaint of the site (项目总).",
    )
    supervisor_ids = fields.Many2many(
        "res.users",
        "property_site_supervisor_rel",
        "site_id",
        "user_id",
        string="Customer-Service Supervisors",
        domain="[('share', '=', False)]",
    )
    quality_user_ids = fields.Many2many(
        "res.users",
        "property_site_quality_rel",
        "site_id",
        "user_id",
        string="Quality-Centre Contacts",
        domain="[('share', '=', False)]",
    )
    user_ids = fields.Many2many(
        "res.users",
        "property_site_user_rel",
        "site_id",
        "user_id",
        string="Staff",
        domain="[('share', '=', False)]",
        help="Users who work for this site and see its records, besides its manager "
        "and supervisors.",
    )
    member_user_ids = fields.Many2many(
        "res.users",
        "property_site_member_rel",
        "site_id",
        "user_id",
        string="Members",
        compute="_compute_member_user_ids",
        store=True,
        help="Everybody who sees the site's records: manager, supervisors and staff.",
    )
    building_ids = fields.One2many("property.building", "site_id", string="Buildings")
    building_count = fields.Integer(compute="_compute_counts")
    unit_count = fields.Integer(compute="_compute_counts")

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The site code must be unique per company.",
        ),
    ]

    @api.depends("manager_id", "supervisor_ids", "user_ids")
    def _compute_member_user_ids(self):
        for site in self:
            site.member_user_ids = site.manager_id | site.supervisor_ids | site.user_ids

    def _compute_counts(self):
        buildings = dict(
            self.env["property.building"]._read_group(
                [("site_id", "in", self.ids)], ["site_id"], ["__count"]
            )
        )
        units = dict(
            self.env["property.unit"]._read_group(
                [("site_id", "in", self.ids)], ["site_id"], ["__count"]
            )
        )
        for site in self:
            site.building_count = buildings.get(site, 0)
            site.unit_count = units.get(site, 0)

    @api.model_create_multi
    def create(self, vals_list):
        # the suite's input guard first: the mail alias mixin reads company_id before it
        for vals in vals_list:
            self._property_check_input(vals)
        sites = super().create(vals_list)
        sites._membership_changed()
        return sites

    def write(self, vals):
        self._property_check_input(vals)  # the suite's input guard first (see create)
        res = super().write(vals)
        if {
            "manager_id",
            "supervisor_ids",
            "user_ids",
            "company_id",
            "active",
        } & vals.keys():
            self._membership_changed()
        return res

    def _membership_changed(self):
        """Record rules read ``user.property_site_ids``: store the new members, forget
        the users' cached sites and the cached rule domains."""
        self.flush_model(["member_user_ids"])
        self.env["res.users"].invalidate_model(["property_site_ids"])
        self.env.registry.clear_cache()

    # ------------------------------------------------------------------
    # Working days
    # ------------------------------------------------------------------
    def _site_tz(self):
        self.ensure_one()
        return _timezone(
            self.calendar_id._property_tz_name() or self.env.user.tz or "Asia/Shanghai"
        )

    def _local_date(self, dt):
        """The date, in the site's time zone, of a naive UTC datetime."""
        self.ensure_one()
        return pytz.utc.localize(dt).astimezone(self._site_tz()).date()

    def _local_day_end(self, day):
        """23:59:59 of ``day`` (a date) in the site's time zone, as a naive UTC
        datetime."""
        self.ensure_one()
        return _local_day_end_utc(self._site_tz().zone, day)

    def _working_day_deadline(self, start, days):
        """End of the ``days``-th working day after the day of ``start``.

        ``start`` is a naive UTC datetime (as the ORM stores them); the day of
        ``start`` itself is not counted; working days are those of the site's
        calendar, public holidays excluded and make-up working days included.
        Returns a naive UTC datetime: 23:59:59 of that day in the site's time zone,
        or False when the calendar has no working day within reach.
        """
        self.ensure_one()
        if days <= 0:
            raise UserError(self.env._("A number of working days must be positive."))
        tz = self._site_tz()
        next_day = tz.fromutc(start.replace(tzinfo=tz)).date() + timedelta(days=1)
        last_day = self.calendar_id._property_nth_working_day(next_day, days)
        if not last_day:
            return False
        return _local_day_end_utc(tz.zone, last_day)

    def _working_days_between(self, date_from, date_to):
        """The number of working days from ``date_from`` to ``date_to`` (dates in the
        site's time zone, both included)."""
        self.ensure_one()
        return self.calendar_id._property_count_working_days(date_from, date_to)

    def _is_working_day(self, day):
        """Whether ``day`` (a date) has working time in the site's calendar."""
        self.ensure_one()
        return self.calendar_id._property_is_working_day(day)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_view_buildings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_base.property_building_action"
        )
        action["domain"] = [("site_id", "=", self.id)]
        action["context"] = {"default_site_id": self.id}
        return action

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_base.property_unit_action"
        )
        action["domain"] = [("site_id", "=", self.id)]
        action["context"] = {"search_default_group_building": 1}
        return action
