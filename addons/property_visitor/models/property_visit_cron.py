from datetime import timedelta

from odoo import api, fields, models

# the states in which a visit is over
CLOSED_STATES = ("checked_out", "cancelled", "refused")


class PropertyVisitCronMixin(models.AbstractModel):
    """The scheduled checks of the visits: overstays and the removal of old personal data."""

    _name = "property.visit.cron.mixin"
    _description = "Visit: Scheduled Checks"

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------
    @api.model
    def _cron_flag_overstay(self):
        hours = float(
            self.env["ir.config_parameter"].sudo().get_param("property_visitor.max_stay_hours", 8)
        )
        limit = fields.Datetime.now() - timedelta(hours=hours)
        visits = self.sudo().search(
            [("state", "=", "checked_in"), ("overstay", "=", False), ("arrival_time", "<", limit)]
        )
        if visits:
            visits._write_internal({"overstay": True})
            for visit in visits:
                visit.message_post(
                    body=self.env._(
                        "The visitor has been on site for more than %(hours)s hours.",
                        hours=hours,
                    )
                )
        return len(visits)

    @api.model
    def _cron_anonymize(self):
        """Clear the ID numbers and phones of visits closed longer than the retention
        period, and of the visitors with no more recent visit (V09)."""
        days = int(
            self.env["ir.config_parameter"].sudo().get_param("property_visitor.retention_days", 180)
        )
        limit = fields.Datetime.now() - timedelta(days=days)
        visits = self.sudo().search(
            [
                ("state", "in", CLOSED_STATES),
                ("anonymized", "=", False),
                ("closed_time", "<", limit),
            ]
        )
        if visits:
            visits.with_context(tracking_disable=True)._write_internal(
                {"id_number": False, "phone": False, "anonymized": True}
            )
        # visitors whose every visit is anonymised lose their data too
        pending = self.sudo()._read_group(
            [("visitor_id", "in", visits.visitor_id.ids), ("anonymized", "=", False)],
            ["visitor_id"],
        )
        kept = {visitor.id for (visitor,) in pending}
        visits.visitor_id.filtered(lambda v: v.id not in kept).sudo().write(
            {"id_number": False, "phone": False}
        )
        return len(visits)
