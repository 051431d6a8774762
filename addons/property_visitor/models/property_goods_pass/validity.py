from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from odoo.addons.property_base.tools.date_style import zh_datetime


class PropertyGoodsPassValidityMixin(models.AbstractModel):
    """The validity of a goods pass: its end (the carrying day plus the setting's extra
    days, site time), its live status at the gate and the expiry cron."""

    _name = "property.goods.pass.validity.mixin"
    _description = "Goods Pass: Validity and Expiry"

    @api.model
    def _validity_days(self):
        company = self[:1].company_id or self.env.company
        return company.property_visitor_goods_pass_validity_days

    def _end_of_validity(self):
        """23:59:59 of the carrying day (plus the setting's extra days), site time."""
        self.ensure_one()
        tz = self.site_id._site_tz()
        day = self.site_id._local_date(self.planned_date) + timedelta(
            days=self._validity_days()
        )
        end = tz.localize(datetime.combine(day, time(23, 59, 59)))
        return end.astimezone(pytz.utc).replace(tzinfo=None)

    def _report_local_time(self, field_name="planned_date"):
        """Date and time of a datetime field in the site's time zone, for the form."""
        self.ensure_one()
        value = self[field_name]
        if not value:
            return ""
        return zh_datetime(value, self.site_id._site_tz())

    @api.model
    def _cron_expire(self):
        passes = self.sudo().search(
            [
                ("state", "=", "confirmed"),
                "|",
                ("valid_until", "=", False),
                ("valid_until", "<", fields.Datetime.now()),
            ]
        )
        passes._write_internal({"state": "expired"})
        return len(passes)

    def _gate_live_status(self):
        self.ensure_one()
        if self.state == "confirmed":
            now = fields.Datetime.now()
            if not self.valid_until or self.valid_until < now:
                return "expired"
            # valid from the carrying day (site time), that whole day included
            if self.site_id._local_date(now) < self.site_id._local_date(
                self.planned_date
            ):
                return "not_yet_valid"
            return "valid"
        return {
            "done": "used",
            "expired": "expired",
            "sent_back": "revoked",
            "voided": "revoked",
            "cancelled": "revoked",
        }.get(self.state, "invalid")
