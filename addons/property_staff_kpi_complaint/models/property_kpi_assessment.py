from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class PropertyKpiAssessment(models.Model):
    _inherit = "property.kpi.assessment"

    def _zero_complaint_item(self):
        return self.env.ref(
            "property_staff_kpi.item_k02_zero_complaint", raise_if_not_found=False
        )

    def _valid_complaint_counts(self):
        """Valid complaints naming each employee of these assessments in their month:
        {(employee id, month): count}, in one grouped query."""
        if not self:
            return {}
        months = self.mapped("date_month")
        start = min(months)
        stop = max(months) + relativedelta(months=1)
        complaints = (
            self.env["property.complaint"]
            .sudo()
            .search(
                [
                    ("kind", "=", "complaint"),
                    ("validity", "=", "valid"),
                    ("responsible_employee_ids", "in", self.employee_id.ids),
                    # a day either side covers the sites' time zones
                    ("date_received", ">=", start - relativedelta(days=1)),
                    ("date_received", "<", stop + relativedelta(days=1)),
                ]
            )
        )
        counts = {}
        for complaint in complaints:
            month = complaint._kpi_local_date().replace(day=1)
            for employee in complaint.responsible_employee_ids:
                counts[(employee.id, month)] = counts.get((employee.id, month), 0) + 1
        return counts

    def _add_zero_complaint_bonus(self):
        """K13: +5 for a month without any valid complaint naming the employee; the
        assessment itself is the source, so the bonus is added once."""
        item = self._zero_complaint_item()
        if not item:
            return self.env["property.kpi.line"]
        counts = self._valid_complaint_counts()
        entries = [
            {
                "employee": assessment.employee_id,
                "item": item,
                "source": assessment,
                "date": assessment.date_month,
                "reason": assessment.employee_id._property_kpi_env()._(
                    "No valid complaint this month"
                ),
            }
            for assessment in self
            if assessment.state != "confirmed"
            and not counts.get((assessment.employee_id.id, assessment.date_month))
        ]
        return self.sudo()._add_automatic_lines(entries)

    def _remove_zero_complaint_bonus(self):
        """A valid complaint received in the month takes the bonus back (until the month
        is confirmed)."""
        item = self._zero_complaint_item()
        if not item or not self:
            return
        lines = self.sudo().line_ids.filtered(
            lambda line: (
                line.item_id == item
                and line.origin == "automatic"
                and line.assessment_id.state != "confirmed"
            )
        )
        if lines:
            lines.sudo()._property_internal().unlink()

    @api.model
    def _cron_zero_complaint_bonus(self):
        """Last month's assessments that are not confirmed get their bonus."""
        last_month = fields.Date.context_today(self).replace(day=1) - relativedelta(
            months=1
        )
        assessments = self.sudo().search(
            [("date_month", "=", last_month), ("state", "!=", "confirmed")]
        )
        return assessments._add_zero_complaint_bonus()
