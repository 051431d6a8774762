from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import models


class PropertySite(models.Model):
    _inherit = "property.site"

    def _month_bounds(self, day):
        """First instant of the month of ``day`` and of the next month, in the site's
        time zone, as naive UTC datetimes."""
        self.ensure_one()
        tz = self._site_tz()
        first = day.replace(day=1)
        start = tz.localize(datetime.combine(first, time.min))
        end = tz.localize(datetime.combine(first + relativedelta(months=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )
