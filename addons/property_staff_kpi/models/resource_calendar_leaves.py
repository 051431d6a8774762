from datetime import datetime

from odoo import models


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    def _prepare_public_holidays_values(self, vals_list):
        """hr_holidays re-expresses public holidays typed in the user's time zone in
        the calendar's. Dates given as datetime objects by code (the China holiday
        import of property_base, tests) are UTC already: keep them as they are."""
        typed = [
            vals
            for vals in vals_list
            if not (
                isinstance(vals.get("date_from"), datetime)
                and isinstance(vals.get("date_to"), datetime)
            )
        ]
        super()._prepare_public_holidays_values(typed)
        return vals_list
