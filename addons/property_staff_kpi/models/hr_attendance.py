from odoo import api, fields, models


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

    # ------------------------------------------------------------------ overtime (A05)
    property_overtime_compensation = fields.Selection(
        [("pay", "Overtime Pay"), ("time_off", "Time Off in Lieu")],
        string="Compensation",
        default="pay",
        required=True,
        tracking=True,
        help="Approved extra hours are paid by default; the manager may choose time "
        "off in lieu instead, which the employee then takes as time off in lieu "
        "(A05).",
    )
    property_overtime_paid_hours = fields.Float(
        string="Paid Extra Hours",
        readonly=True,
        copy=False,
        help="For payroll: the approved extra hours compensated by overtime pay (A05).",
    )
    property_overtime_paid_id = fields.Many2one(
        "hr.attendance.overtime",
        string="Paid Extra Hours Adjustment",
        readonly=True,
        copy=False,
        groups="hr_attendance.group_hr_attendance_officer",
    )

    def action_approve_overtime(self):
        # hr_attendance stops computing the extra hours once approved: compute the
        # pending ones of attendances created in the same transaction first
        self.mapped("validated_overtime_hours")
        result = super().action_approve_overtime()
        self._property_settle_overtime()
        return result

    def action_refuse_overtime(self):
        result = super().action_refuse_overtime()
        self._property_settle_overtime()
        return result

    def action_property_overtime_time_off(self):
        """A05: the manager compensates these extra hours by time off in lieu."""
        self.write({"property_overtime_compensation": "time_off"})
        return self.action_approve_overtime()

    def _property_settle_overtime(self):
        """Approved extra hours paid are recorded for payroll and taken out of the
        hours the employee may take as time off in lieu; those compensated by time off
        stay in Odoo's extra-hours balance."""
        records = self.sudo()
        records.property_overtime_paid_id.unlink()
        paid = records.filtered(
            lambda att: (
                att.overtime_status == "approved"
                and att.property_overtime_compensation == "pay"
                and att.validated_overtime_hours > 0
            )
        )
        (records - paid).write({"property_overtime_paid_hours": 0})
        adjustments = (
            self.env["hr.attendance.overtime"]
            .sudo()
            .create(
                [
                    {
                        "employee_id": att.employee_id.id,
                        "date": att.check_in.date(),
                        "adjustment": True,
                        "duration": -att.validated_overtime_hours,
                    }
                    for att in paid
                ]
            )
        )
        for att, adjustment in zip(paid, adjustments, strict=True):
            att.write(
                {
                    "property_overtime_paid_hours": att.validated_overtime_hours,
                    "property_overtime_paid_id": adjustment.id,
                }
            )
