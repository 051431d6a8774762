from odoo import api, models


class HrAttendance(models.Model):
    _inherit = "hr.attendance"

    @api.model_create_multi
    def create(self, vals_list):
        attendances = super().create(vals_list)
        attendances._property_recompute_verdicts()
        return attendances

    def write(self, vals):
        if {"check_in", "check_out", "employee_id"} & set(vals):
            self._property_recompute_verdicts()
        result = super().write(vals)
        if {"check_in", "check_out", "employee_id"} & set(vals):
            self._property_recompute_verdicts()
        return result

    def unlink(self):
        data = [(att.employee_id, att.check_in, att.check_out) for att in self]
        result = super().unlink()
        self.env["property.attendance.verdict"]._property_recompute_for(data)
        return result

    def _property_recompute_verdicts(self):
        """A correction of an attendance already judged updates its verdict and its
        assessment lines (K13) until the month is confirmed."""
        self.env["property.attendance.verdict"]._property_recompute_for(
            [(att.employee_id, att.check_in, att.check_out) for att in self]
        )
