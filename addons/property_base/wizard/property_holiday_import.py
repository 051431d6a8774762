from odoo import api, fields, models


class PropertyHolidayImport(models.TransientModel):
    _name = "property.holiday.import"
    _description = "Import China Public Holidays"
    _inherit = ["property.input.mixin"]

    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    calendar_ids = fields.Many2many(
        "resource.calendar",
        string="Working Times",
        required=True,
        default=lambda self: self._default_calendars(),
    )

    @api.model
    def _default_calendars(self):
        if self.env.context.get("active_model") == "resource.calendar":
            return self.env["resource.calendar"].browse(
                self.env.context.get("active_ids")
            )
        return (
            self.env["property.site"].search([("calendar_id", "!=", False)]).calendar_id
        )

    def action_import(self):
        self.ensure_one()
        result = self.calendar_ids._property_import_cn_holidays(self.year)
        if result is None:
            self.calendar_ids._property_remind_manual_entry(self.year)
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "title": self.env._(
                        "No official schedule for %(year)s", year=self.year
                    ),
                    "message": self.env._(
                        "The installed holiday data does not cover %(year)s. The "
                        "calendars keep their weekly schedule; enter the public "
                        "holidays and make-up working days by hand on each working "
                        "time (the site managers have been given a to-do).",
                        year=self.year,
                    ),
                    "type": "warning",
                    "sticky": True,
                    "next": {"type": "ir.actions.act_window_close"},
                },
            }
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Holidays of %(year)s imported", year=self.year),
                "message": self.env._(
                    "%(holidays)s holiday periods and %(workdays)s make-up working "
                    "days added, %(removed)s outdated entries removed.",
                    **result,
                ),
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
