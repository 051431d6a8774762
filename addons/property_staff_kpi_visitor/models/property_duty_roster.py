import pytz

from odoo import api, fields, models

# the post whose night shift is the night duty first (V03): the front desk registers
# visitors, then the gate, then the hotline
POST_ORDER = ("front_desk", "gate", "hotline")


class PropertyDutyRoster(models.Model):
    """The night duty officer (V03) of a site on a night is the employee on the night
    shift of the site's published roster where one exists: the shift that covers the
    start of the night hours (the visitor settings, 20:00 by default), at the front
    desk first. The employee must have a user of the front desk. Without such a shift
    the night duty roster of the visitor addon names the officer, as before."""

    _inherit = "property.duty.roster"

    @api.model
    def _night_officer(self, site, duty_date):
        return self._rostered_night_officer(site, duty_date) or super()._night_officer(
            site, duty_date
        )

    @api.model
    def _rostered_night_officer(self, site, duty_date):
        """The user on the published night shift of ``site`` for the night that
        begins on ``duty_date`` (an empty recordset when there is none)."""
        start_hour = (
            (site.company_id or self.env.company)
            .sudo()
            .property_visitor_night_start_hour
        )
        local = fields.Datetime.to_datetime(duty_date).replace(
            hour=int(start_hour), minute=round(start_hour % 1 * 60)
        )
        night_start = (
            site._site_tz().localize(local).astimezone(pytz.utc).replace(tzinfo=None)
        )
        lines = (
            self.env["property.roster.line"]
            .sudo()
            .search(
                [
                    ("site_id", "=", site.id),
                    ("state", "=", "published"),
                    ("date", "=", duty_date),
                    ("start_datetime", "<=", night_start),
                    ("stop_datetime", ">", night_start),
                    ("employee_user_id", "!=", False),
                ]
            )
        )
        desk = self.env.ref("property_visitor.group_visitor_frontdesk")
        lines = lines.filtered(lambda line: desk in line.employee_user_id.groups_id)
        if not lines:
            return self.env["res.users"]
        best = min(
            lines,
            key=lambda line: (
                POST_ORDER.index(line.post) if line.post in POST_ORDER else 99,
                line.start_datetime,
                line.id,
            ),
        )
        return best.employee_user_id
