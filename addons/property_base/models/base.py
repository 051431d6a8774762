import math
from datetime import date, datetime

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

# PostgreSQL's integer column
INT_RANGE = (-(2**31), 2**31 - 1)
# years a date of this suite may fall in (registration, visits, leave, birth dates)
YEAR_RANGE = (1900, 2199)
# longest text accepted by default per field type; a system parameter may change each
TEXT_LIMITS = {
    "char": ("property_base.input_max_length_char", 1000),
    "text": ("property_base.input_max_length_text", 20000),
    "html": ("property_base.input_max_length_html", 200000),
}


class Base(models.AbstractModel):
    """Every model of the suite (``property.*``) refuses, with a clear message in the
    user's language and before anything is written, the values PostgreSQL or the ORM
    would otherwise reject with a server error or store unchecked: NUL characters, text
    longer than the configured limit, integers outside PostgreSQL's range, numbers that
    are not finite, values outside a selection and dates that cannot be read or lie
    outside 1900–2199."""

    _inherit = "base"

    @api.model_create_multi
    def create(self, vals_list):
        if self._property_guards_input():
            for vals in vals_list:
                self._property_check_input(vals)
        return super().create(vals_list)

    def write(self, vals):
        if self._property_guards_input():
            self._property_check_input(vals)
        return super().write(vals)

    @api.model
    def _property_guards_input(self):
        return self._name.startswith("property.")

    @api.model
    @tools.ormcache()
    def _property_text_limits(self):
        """The configured limit per text field type (cached; Odoo clears the cache
        whenever a system parameter changes)."""
        params = self.env["ir.config_parameter"].sudo()
        limits = {}
        for field_type, (key, default) in TEXT_LIMITS.items():
            try:
                limits[field_type] = max(int(params.get_param(key) or default), 1)
            except ValueError:
                limits[field_type] = default
        return limits

    @api.model
    def _property_text_limit(self, field):
        return field.size or self._property_text_limits()[field.type]

    @api.model
    def _property_check_input(self, vals):
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None or value is None or value is False or value == "":
                continue
            checker = getattr(self, f"_property_check_{field.type}_input", None)
            if checker is None:
                continue
            error = checker(field, value)
            if error:
                raise ValidationError(
                    self.env._(
                        "%(field)s: %(error)s",
                        field=field._description_string(self.env),
                        error=error,
                    )
                )

    def _property_check_text_value(self, field, value):
        if not isinstance(value, str):
            return None
        if "\x00" in value:
            return self.env._("the text contains a NUL character, which cannot be stored.")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return self.env._("the text contains characters that are not valid Unicode.")
        limit = self._property_text_limit(field)
        if len(value) > limit:
            return self.env._(
                "the text is %(length)s characters long; at most %(limit)s are accepted.",
                length=len(value),
                limit=limit,
            )
        return None

    _property_check_char_input = _property_check_text_value
    _property_check_text_input = _property_check_text_value
    _property_check_html_input = _property_check_text_value

    def _property_check_integer_input(self, field, value):
        try:
            number = int(value)
        except (TypeError, ValueError, OverflowError):
            return self.env._("%(value)s is not a whole number.", value=str(value)[:40])
        if not INT_RANGE[0] <= number <= INT_RANGE[1]:
            return self.env._(
                "%(value)s is out of range (%(min)s to %(max)s).",
                value=number,
                min=INT_RANGE[0],
                max=INT_RANGE[1],
            )
        return None

    def _property_check_float_input(self, field, value):
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            return self.env._("%(value)s is not a number.", value=str(value)[:40])
        if not math.isfinite(number):
            return self.env._("%(value)s is not a number.", value=str(value)[:40])
        return None

    _property_check_monetary_input = _property_check_float_input

    def _property_check_selection_input(self, field, value):
        if not isinstance(value, str):
            return None
        if value not in field.get_values(self.env):
            return self.env._("%(value)s is not one of the choices.", value=value[:40])
        return None

    def _property_check_date_input(self, field, value):
        try:
            day = (
                fields.Datetime.to_datetime(value)
                if field.type == "datetime"
                else fields.Date.to_date(value)
            )
        except (TypeError, ValueError, OverflowError):
            return self.env._("%(value)s is not a date.", value=str(value)[:40])
        if isinstance(day, (date, datetime)) and not YEAR_RANGE[0] <= day.year <= YEAR_RANGE[1]:
            return self.env._(
                "the year %(year)s is outside %(min)s–%(max)s.",
                year=day.year,
                min=YEAR_RANGE[0],
                max=YEAR_RANGE[1],
            )
        return None

    _property_check_datetime_input = _property_check_date_input
