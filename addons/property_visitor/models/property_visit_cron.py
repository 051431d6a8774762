from datetime import timedelta

from odoo import api, fields, models
from odoo.osv import expression

# the states in which a visit is over
CLOSED_STATES = ("checked_out", "cancelled", "refused")


class PropertyVisitCronMixin(models.AbstractModel):
    """The scheduled checks of the visits: overstays and the removal of old personal
    data."""

    _name = "property.visit.cron.mixin"
    _description = "Visit: Scheduled Checks"

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------
    @api.model
    def _cron_flag_overstay(self):
        now = fields.Datetime.now()
        # the limit of each company's rules
        arrived_before = expression.OR(
            [
                [
                    ("company_id", "=", company.id),
                    (
                        "arrival_time",
                        "<",
                        now - timedelta(hours=company.property_visitor_max_stay_hours),
                    ),
                ]
                for company in self.env["res.company"].sudo().search([])
            ]
        )
        visits = self.sudo().search(
            [("state", "=", "checked_in"), ("overstay", "=", False), *arrived_before]
        )
        if visits:
            visits._write_internal({"overstay": True})
            for visit in visits:
                visit.message_post(
                    body=self.env._(
                        "The visitor has been on site for more than %(hours)s hours.",
                        hours=visit.company_id.property_visitor_max_stay_hours,
                    )
                )
        return len(visits)

    @api.model
    def _cron_anonymize(self):
        """Clear the ID numbers and phones of visits closed longer than the retention
        period, and of the visitors with no more recent visit (V09)."""
        now = fields.Datetime.now()
        # the retention of each company's rules
        closed_before = expression.OR(
            [
                [
                    ("company_id", "=", company.id),
                    (
                        "closed_time",
                        "<",
                        now - timedelta(days=company.property_visitor_retention_days),
                    ),
                ]
                for company in self.env["res.company"].sudo().search([])
            ]
        )
        visits = self.sudo().search(
            [
                ("state", "in", CLOSED_STATES),
                ("anonymized", "=", False),
                *closed_before,
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
