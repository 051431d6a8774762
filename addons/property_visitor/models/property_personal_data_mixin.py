import re

import phonenumbers
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumValidationError

from odoo import api, fields, models
from odoo.exceptions import ValidationError

PRIVILEGED_GROUPS = (
    "property_visitor.group_visitor_frontdesk_supervisor,"
    "property_visitor.group_visitor_security_manager"
)
ID_TYPES = [
    ("resident_id", "Resident ID Card"),
    ("passport", "Passport"),
    ("hk_macau_permit", "Mainland Travel Permit (HK/Macau/Taiwan)"),
    ("other", "Other Document"),
]


def mask_value(value):
    """First three and last four characters, stars in between (V09)."""
    if not value:
        return False
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


class PropertyPersonalDataMixin(models.AbstractModel):
    """ID number and phone of a person, readable in clear only by the front-desk
    supervisor and the security manager; everybody else reads and types them through
    masked fields (V09)."""

    _name = "property.personal.data.mixin"
    _description = "Visitor Personal Data"

    id_type = fields.Selection(ID_TYPES, string="ID Document", default="resident_id")
    id_number = fields.Char(string="ID Number (clear)", groups=PRIVILEGED_GROUPS, copy=False)
    phone = fields.Char(string="Phone (clear)", groups=PRIVILEGED_GROUPS, copy=False)
    id_number_masked = fields.Char(
        string="ID Number",
        compute="_compute_masked",
        inverse="_inverse_id_number_masked",
        search="_search_id_number_masked",
        help="Shown masked (first 3 and last 4 characters). Type the full number to replace it.",
    )
    phone_masked = fields.Char(
        string="Phone",
        compute="_compute_masked",
        inverse="_inverse_phone_masked",
        search="_search_phone_masked",
        help="Shown masked (first 3 and last 4 digits). Type the full number to replace it.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        # the cache holds what was typed: recompute the masks from the stored values
        records.invalidate_recordset(["id_number_masked", "phone_masked"])
        return records

    def write(self, vals):
        res = super().write(vals)
        if {"id_number_masked", "phone_masked", "id_number", "phone"} & vals.keys():
            self.invalidate_recordset(["id_number_masked", "phone_masked"])
        return res

    @api.depends("id_number", "phone")
    def _compute_masked(self):
        for record, clear in zip(self, self.sudo(), strict=True):
            record.id_number_masked = mask_value(clear.id_number)
            record.phone_masked = mask_value(clear.phone)

    # ------------------------------------------------------------------
    # Normalisation and validation
    # ------------------------------------------------------------------
    @api.model
    def _property_normalize_id_number(self, id_type, value):
        value = (value or "").strip().upper()
        if not value:
            return False
        if (id_type or "resident_id") == "resident_id":
            try:
                return ric.validate(value)
            except StdnumValidationError as error:
                raise ValidationError(
                    self.env._(
                        "%(number)s is not a valid mainland resident ID number "
                        "(18 characters with a correct check digit).",
                        number=mask_value(value),
                    )
                ) from error
        if not re.fullmatch(r"[A-Z0-9()\-]{5,30}", value):
            raise ValidationError(
                self.env._("The document number may contain only letters and digits.")
            )
        return value

    @api.model
    def _property_normalize_phone(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # a phone sent as a number: its digits
        elif value and not isinstance(value, str):
            raise ValidationError(
                self.env._("%(phone)s is not a phone number.", phone=str(value)[:40])
            )
        value = (value or "").strip()
        if not value:
            return False
        try:
            number = phonenumbers.parse(value, "CN")
        except phonenumbers.NumberParseException as error:
            raise ValidationError(
                self.env._("%(phone)s is not a phone number.", phone=value)
            ) from error
        if not phonenumbers.is_valid_number(number):
            raise ValidationError(
                self.env._("%(phone)s is not a valid phone number in China.", phone=value)
            )
        if number.country_code == 86:
            national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
            return re.sub(r"\D", "", national)
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    @staticmethod
    def _property_is_masked(value):
        return bool(value) and "*" in value

    def _inverse_id_number_masked(self):
        for record in self:
            if self._property_is_masked(record.id_number_masked):
                continue
            record.sudo().id_number = self._property_normalize_id_number(
                record.id_type, record.id_number_masked
            )

    def _inverse_phone_masked(self):
        for record in self:
            if self._property_is_masked(record.phone_masked):
                continue
            record.sudo().phone = self._property_normalize_phone(record.phone_masked)

    def _property_search_clear(self, fname, operator, value, exact):
        """Records whose clear ``fname`` matches ``value``. Users who read the clear
        values may search on a part of them; everybody else finds a person only by the
        whole number (``exact``, already normalised, or False), so that a number cannot
        be guessed piece by piece through the search."""
        if operator not in ("=", "ilike") or not value:
            return [("id", "=", 0)]
        # the clear field's own groups (V09) say who may search on a part of it
        if not self._fields[fname].is_accessible(self.env):
            if not exact:
                return [("id", "=", 0)]
            operator, value = "=", exact
        found = self.sudo().with_context(active_test=False)._search([(fname, operator, value)])
        return [("id", "in", found)]

    def _search_id_number_masked(self, operator, value):
        clear = (value or "").strip().upper() if isinstance(value, str) else ""
        # a resident ID in its stored form; any other document number compared whole
        exact = (ric.compact(clear) if ric.is_valid(clear) else clear) or False
        return self._property_search_clear("id_number", operator, clear, exact)

    def _search_phone_masked(self, operator, value):
        if not isinstance(value, str):
            return [("id", "=", 0)]
        try:
            exact = self._property_normalize_phone(value)
        except ValidationError:
            exact = False
        clear = exact if operator == "=" else re.sub(r"[^\d+]", "", value)
        return self._property_search_clear("phone", operator, clear, exact)

    @api.constrains("id_type", "id_number")
    def _check_id_number(self):
        for record in self.sudo():
            if record.id_number:
                self._property_normalize_id_number(record.id_type, record.id_number)

    @api.constrains("phone")
    def _check_phone(self):
        for record in self.sudo():
            if record.phone:
                self._property_normalize_phone(record.phone)
