from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.osv import expression


class PropertySite(models.Model):
    _inherit = "property.site"

    def _month_bounds(self, day):
        """First instant of the month of ``day`` and of the next month, in the site's
        time zone, as naive UTC datetimes."""
        first = day.replace(day=1)
        return self._period_bounds(first, first + relativedelta(months=1))

    def _period_bounds(self, date_from, date_to):
        """First instant of the local day ``date_from`` and of ``date_to`` (excluded),
        in the site's time zone, as naive UTC datetimes."""
        self.ensure_one()
        tz = self._site_tz()
        start = tz.localize(datetime.combine(date_from, time.min))
        end = tz.localize(datetime.combine(date_to, time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    def _period_domain(self, date_from, date_to):
        """Domain of the complaints of these sites received from the local day
        ``date_from`` to ``date_to`` (excluded), each site in its own time zone."""
        windows = []
        for site in self:
            start, end = site._period_bounds(date_from, date_to)
            windows.append(
                [
                    ("site_id", "=", site.id),
                    ("date_received", ">=", start),
                    ("date_received", "<", end),
                ]
            )
        return expression.OR(windows) if windows else expression.FALSE_DOMAIN

    def _complaints_to_publish(self, month):
        """Complaints of ``month`` (a date) to publish to the residents (C25)."""
        self.ensure_one()
        start, end = self._month_bounds(month)
        return self.env["property.complaint"].search(
            [
                ("site_id", "=", self.id),
                ("kind", "=", "complaint"),
                ("publication_topic", "!=", False),
                ("date_received", ">=", start),
                ("date_received", "<", end),
            ],
            order="date_received, id",
        )

    def _cron_send_complaint_monthly_report(self):
        """On the 1st (C26): the monthly report of the previous month, with the list
        of complaints to publish (C25) when there are any, to the service-centre
        manager."""
        today = fields.Date.context_today(self)
        month = (today.replace(day=1) - relativedelta(months=1)).isoformat()
        Report = self.env["ir.actions.report"]
        sites = self.search([("manager_id", "!=", False)])
        month_date = fields.Date.to_date(month)
        domain = [("kind", "=", "complaint"), ("publication_topic", "!=", False)]
        windows = []
        for site in sites:
            start, end = site._month_bounds(month_date)
            windows.append(
                [
                    ("site_id", "=", site.id),
                    ("date_received", ">=", start),
                    ("date_received", "<", end),
                ]
            )
        to_publish = (
            self.env["property.complaint"].search(
                expression.AND([domain, expression.OR(windows)])
            )
            if windows
            else self.env["property.complaint"]
        )
        sites_to_publish = to_publish.site_id
        for site in sites:
            # in the language of the manager who receives it
            Report = Report.with_context(lang=site.manager_id.lang or self.env.lang)
            attachments = []
            pdf, _kind = Report._render_qweb_pdf(
                "property_complaint.action_report_complaint_monthly",
                site.ids,
                {"month": month},
            )
            attachments.append(
                (f"客户投诉需求信息月报表 {site.name} {month[:7]}.pdf", pdf)
            )
            if site in sites_to_publish:
                pdf, _kind = Report._render_qweb_pdf(
                    "property_complaint.action_report_complaint_publication",
                    site.ids,
                    {"month": month},
                )
                attachments.append((f"投诉处理公示 {site.name} {month[:7]}.pdf", pdf))
            site.message_post(
                body=self.env._(
                    "Monthly complaint report of %(month)s: the classified statistics "
                    "are due before the 3rd.",
                    month=month[:7],
                ),
                subject=self.env._(
                    "Monthly complaint report %(month)s", month=month[:7]
                ),
                partner_ids=site.manager_id.partner_id.ids,
                attachments=attachments,
                subtype_xmlid="mail.mt_comment",
            )
