from collections import defaultdict

from odoo import api, fields, models

from .property_kpi_complaint_rule import STAFF_FAULTS


class PropertyComplaint(models.Model):
    _inherit = "property.complaint"

    staff_fault = fields.Selection(
        STAFF_FAULTS,
        string="Staff's Fault",
        default="not_in_time",
        tracking=True,
        groups="base.group_user",
        help="What the responsible employees did, as the verdict says: it chooses "
        "the deduction from their assessment (Staff Assessment > Configuration > "
        "Complaint Deductions).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        complaints = super().create(vals_list)
        complaints.filtered(lambda c: c.validity == "valid")._sync_kpi_lines()
        return complaints

    def write(self, vals):
        result = super().write(vals)
        if {
            "validity",
            "responsible_employee_ids",
            "kind",
            "date_received",
            "staff_fault",
            "category_id",
        } & set(vals):
            self._sync_kpi_lines()
        return result

    def _kpi_local_date(self):
        self.ensure_one()
        return self.site_id._local_date(self.date_received)

    def _sync_kpi_lines(self):
        """K13: a valid complaint naming an employee deducts from the employee's
        assessment of the month it was received, once per complaint, the item the
        verdict's fault chooses (``property.kpi.complaint.rule``); the line goes when
        the complaint stops being valid, the employee is no longer named or the fault
        changes (until the month is confirmed). The month's zero-complaint bonus goes
        too."""
        if not self:
            return
        complaints = self.sudo()
        Rule = self.env["property.kpi.complaint.rule"]
        candidates = Rule._candidate_items()
        valid = complaints.filtered(
            lambda c: c.kind == "complaint" and c.validity == "valid"
        )
        items = Rule._items_for(valid)
        Line = self.env["property.kpi.line"].sudo()
        refs = [f"{complaint._name},{complaint.id}" for complaint in complaints]
        existing = Line.search(
            [
                ("source_ref", "in", refs),
                ("origin", "=", "automatic"),
                ("item_id", "in", candidates.ids),
            ]
        )
        # {complaint id: {(employee id, item id)}}: the lines each complaint needs
        wanted = defaultdict(set)
        entries = []
        for complaint in valid:
            item = items.get(complaint.id)
            if not item:
                continue
            for employee in complaint.responsible_employee_ids:
                wanted[complaint.id].add((employee.id, item.id))
                entries.append(
                    {
                        "employee": employee,
                        "item": item.sudo(),
                        "source": complaint,
                        "date": complaint._kpi_local_date(),
                        "reason": employee._property_kpi_env()._(
                            "Valid complaint %(number)s: %(summary)s",
                            number=complaint.name,
                            summary=complaint.summary or "",
                        ),
                    }
                )
        stale = existing.filtered(
            lambda line: (
                (line.employee_id.id, line.item_id.id) not in wanted[line.source_ref.id]
                and line.assessment_id.state != "confirmed"
            )
        )
        if stale:
            stale._property_internal().unlink()
        lines = self.env["property.kpi.assessment"].sudo()._add_automatic_lines(entries)
        lines.assessment_id._remove_zero_complaint_bonus()
        return lines
