from odoo import api, fields, models


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    property_cn_holiday = fields.Boolean(
        string="China Public Holiday",
        readonly=True,
        help="Imported from the official holiday schedule; imported again without "
        "duplicates.",
    )

    # The calendars' working-day index (resource.calendar._property_working_ordinals)
    # is made of the global leaves only (no resource): an employee's time off leaves it
    # alone, anything else forgets it.
    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        if any(not leave.resource_id for leave in leaves):
            self.env["resource.calendar"]._property_index_changed()
        return leaves

    def write(self, vals):
        changed = any(not leave.resource_id for leave in self)
        res = super().write(vals)
        if changed or any(not leave.resource_id for leave in self):
            self.env["resource.calendar"]._property_index_changed()
        return res

    def unlink(self):
        changed = any(not leave.resource_id for leave in self)
        res = super().unlink()
        if changed:
            self.env["resource.calendar"]._property_index_changed()
        return res
