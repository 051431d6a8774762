from collections import defaultdict

from odoo import api, models


class PropertyComplaint(models.Model):
    _inherit = "property.complaint"

    @api.model_create_multi
    def create(self, vals_list):
        complaints = super().create(vals_list)
        complaints.filtered(lambda c: c.validity == "valid")._sync_kpi_lines()
        return complaints

    def write(self, vals):
        result = super().write(vals)
        if {"validity", "responsible_employee_ids", "kind", "date_received"} & set(
            vals
        ):
            self._sync_kpi_lines()
        return result

    def _kpi_local_date(self):
        self.ensure_one()
        return self.site_id._local_date(self.date_received)

    def _sync_kpi_lines(self):
        """K13: a valid complaint naming an employee deducts from the employee's
        assessment of the month it was received, once per complaint; the line goes
        when the complaint stops being valid or the employee is no longer named (until
        the month is confirmed). The month's zero-complaint bonus goes too."""
        if not self:
            return
        item = self.env.ref(
            "property_staff_kpi.item_k05_quarrel", raise_if_not_found=False
        )
        if not item:
            return
        item = item.sudo()
        complaints = self.sudo()
        Line = self.env["property.kpi.line"].sudo()
        refs = [f"{complaint._name},{complaint.id}" for complaint in complaints]
        existing = Line.search(
            [
                ("source_ref", "in", refs),
                ("origin", "=", "automatic"),
                ("item_id", "=", item.id),
            ]
        )
        named = defaultdict(lambda: self.env["hr.employee"])
        entries = []
        for complaint in complaints:
            if complaint.kind != "complaint" or complaint.validity != "valid":
                continue
            named[complaint.id] = complaint.responsible_employee_ids
            entries += [
                {
                    "employee": employee,
                    "item": item,
                    "source": complaint,
                    "date": complaint._kpi_local_date(),
                    "reason": employee._property_kpi_env()._(
                        "Valid complaint %(number)s: %(summary)s",
                        number=complaint.name,
                        summary=complaint.summary or "",
                    ),
                }
                for employee in complaint.responsible_employee_ids
            ]
        stale = existing.filtered(
            lambda line: (
                line.employee_id not in named[line.source_ref.id]
                and line.assessment_id.state != "confirmed"
            )
        )
        if stale:
            stale._property_internal().unlink()
        lines = self.env["property.kpi.assessment"].sudo()._add_automatic_lines(entries)
        lines.assessment_id._remove_zero_complaint_bonus()
        return lines
