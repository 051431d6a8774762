from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResourceCalendarAttendance(models.Model):
    _inherit = "resource.calendar.attendance"

    property_makeup_day = fields.Boolean(
        string="Make-up Working Day",
        help="A weekend day worked instead of a public holiday (调休), valid on its "
        "date only.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        self.env["resource.calendar"]._property_index_changed()
        return lines

    def write(self, vals):
        res = super().write(vals)
        self.env["resource.calendar"]._property_index_changed()
        return res

    def unlink(self):
        res = super().unlink()
        self.env["resource.calendar"]._property_index_changed()
        return res

    @api.onchange("date_from")
    def _onchange_property_makeup_date(self):
        for line in self:
            if line.property_makeup_day and line.date_from:
                line.dayofweek = str(line.date_from.weekday())
                line.date_to = line.date_from

    @api.constrains("property_makeup_day", "date_from", "date_to", "dayofweek")
    def _check_property_makeup_day(self):
        for line in self.filtered("property_makeup_day"):
            if not line.date_from or line.date_to != line.date_from:
                raise ValidationError(
                    self.env._(
                        "A make-up working day must start and end on the same date."
                    )
                )
            if int(line.dayofweek) != line.date_from.weekday():
                raise ValidationError(
                    self.env._(
                        "The day of the week of a make-up working day must match its "
                        "date (%s).",
                        line.date_from,
                    )
                )
