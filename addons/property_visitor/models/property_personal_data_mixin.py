import re
from datetime import timedelta

import psycopg2
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumValidationError

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.property_base.tools.phone import normalize_phone, phone_display

PRIVILEGED_GROUPS = (
    "property_visitor.group_visitor_frontdesk_supervisor,"
    "property_visitor.group_visitor_security_manager"
)
# who may look a visitor up by a phone or ID number they cannot read (V09)
LOOKUP_GROUPS = (
    "property_visitor.group_visitor_frontdesk,property_visitor.group_visitor_guard"
)
MASKED_FIELDS = ("id_number_masked", "phone_masked")
ID_TYPES = [
    ("resident_id", "Resident ID Card"),
    ("passport", "Passport"),
    ("hk_macau_permit", "Mainland Travel Permit (HK/Macau/Taiwan)"),
    ("other", "Other Document"),
]


def phone_digits(number):
    """The digits of a stored phone as people read it (``13812345678`` for a mainland
    number, ``+85291234567`` for another), for its mask."""
    shown = phone_display(number)
    return shown.replace(" ", "").replace("-", "") if shown else False


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
    id_number = fields.Char(
        string="ID Number (clear)", groups=PRIVILEGED_GROUPS, copy=False
    )
    phone = fields.Char(string="Phone (clear)", groups=PRIVILEGED_GROUPS, copy=False)
    id_number_masked = fields.Char(
        string="ID Number",
        compute="_compute_masked",
        inverse="_inverse_id_number_masked",
        search="_search_id_number_masked",
        help="Shown masked (first 3 and last 4 characters). Type the full number to "
        "replace it.",
    )
    phone_display = fields.Char(
        string="Clear Phone",
        compute="_compute_phone_display",
        groups=PRIVILEGED_GROUPS,
        help="The clear phone as people read it: a mainland number in its national "
        "format (stored in its international form, E.164).",
    )
    phone_masked = fields.Char(
        string="Phone",
        compute="_compute_masked",
        inverse="_inverse_phone_masked",
        search="_search_phone_masked",
        help="Shown masked (first 3 and last 4 digits). Type the full number to "
        "replace it.",
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
            record.phone_masked = mask_value(phone_digits(clear.phone))

    @api.depends("phone")
    def _compute_phone_display(self):
        for record, clear in zip(self, self.sudo(), strict=True):
            record.phone_display = phone_display(clear.phone)

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
        """The phone in E.164, or a ValidationError in the user's language
        (property_base's ``tools/phone.py``, through Odoo's ``phone_validation``)."""
        return normalize_phone(self.env, value)

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

    # ------------------------------------------------------------------
    # Look-ups by phone or ID number (V09)
    # ------------------------------------------------------------------
    @api.model
    def _search(self, domain, *args, **kwargs):
        if not self.env.su:
            terms = [
                term
                for term in domain or []
                if isinstance(term, (list, tuple))
                and len(term) == 3
                and isinstance(term[0], str)
                and term[0].split(".")[-1] in MASKED_FIELDS
            ]
            if len(terms) > 1 and not self._property_reads_clear(terms):
                raise self._property_one_value_error()
        return super()._search(domain, *args, **kwargs)

    def _property_reads_clear(self, terms):
        """Whether the user reads in clear every field these terms search on."""
        clear = {"phone_masked": "phone", "id_number_masked": "id_number"}
        return all(
            self._fields[clear[term[0].split(".")[-1]]].is_accessible(self.env)
            for term in terms
        )

    def _property_one_value_error(self):
        return UserError(
            self.env._(
                "Look a visitor up by one phone or ID number at a time: a search on "
                "several numbers at once is refused."
            )
        )

    def _property_lookup_limit(self):
        # a look-up searches: no record, the user's current company
        return self.env.company.property_visitor_lookup_limit

    def _property_log_lookup(self, fname, value, limited):
        """Log the look-up (who, when, which register, the value masked and hashed)
        and, for whoever reads the number masked, refuse a second number in the same
        request and any look-up beyond the hourly limit."""
        key = (self._name, fname, value)
        seen = None
        if request:
            seen = getattr(request, "_property_lookups", None)
            if seen is None:
                seen = request._property_lookups = set()
            if key in seen:
                return
            if limited and seen:
                raise self._property_one_value_error()
        if self.env.cr.readonly:
            # a search is served on a read-only cursor: Odoo serves it again on a
            # read/write one, where the look-up is logged
            raise psycopg2.errors.ReadOnlySqlTransaction("a look-up is logged")
        Log = self.env["property.personal.lookup"].sudo()
        user = self.env.user
        if limited:
            since = fields.Datetime.now() - timedelta(hours=1)
            limit = self._property_lookup_limit()
            if Log._count_recent(user, since) >= limit:
                raise UserError(
                    self.env._(
                        "You have looked up %(count)s visitors by phone or ID number "
                        "in the last hour, the most allowed: try again later or ask "
                        "your supervisor.",
                        count=limit,
                    )
                )
        # a phone masked as people read it (a mainland one: its national digits)
        shown = phone_digits(value) if fname == "phone" else value
        Log.create(
            {
                "user_id": user.id,
                "model": self._name,
                "field_name": fname,
                "value_masked": mask_value(shown),
                "value_hash": Log._fingerprint(value) if value else False,
            }
        )
        if seen is not None:
            seen.add(key)

    def _property_search_clear(self, fname, operator, value, exact):
        """Records whose clear ``fname`` matches ``value``. Users who read the clear
        values may search on a part of them; the front desk and the guards, who read
        them masked, find a person only by the whole number (``exact``, already
        normalised, or False), one number per request and a limited number of times
        an hour, so that a number cannot be guessed piece by piece or by trying
        candidates; nobody else looks a visitor up by these numbers. Every look-up is
        logged (V09)."""
        if self.env.su:
            if operator not in ("=", "ilike") or not value:
                return [("id", "=", 0)]
            found = self.with_context(active_test=False)._search(
                [(fname, operator, value)]
            )
            return [("id", "in", found)]
        # the clear field's own groups (V09) say who may search on a part of it
        clear_reader = self._fields[fname].is_accessible(self.env)
        if not clear_reader and not self.env.user.has_groups(LOOKUP_GROUPS):
            raise UserError(
                self.env._(
                    "Only the front desk and the guards may look a visitor up by a "
                    "phone or an ID number."
                )
            )
        if operator not in ("=", "ilike") or not value:
            return [("id", "=", 0)]
        if not clear_reader:
            operator, value = "=", exact
        self._property_log_lookup(fname, value, limited=not clear_reader)
        if not value:
            return [("id", "=", 0)]
        found = (
            self.sudo()
            .with_context(active_test=False)
            ._search([(fname, operator, value)])
        )
        return [("id", "in", found)]

    @staticmethod
    def _property_single_value(operator, value):
        """(operator, value) of a search on one number; ``in`` with one value is
        ``=``, with several it is refused by the caller (None)."""
        if operator in ("in", "not in"):
            values = list(value) if isinstance(value, (list, tuple, set)) else [value]
            if len(values) != 1:
                return None
            return ("=" if operator == "in" else "!=", values[0])
        return operator, value

    def _property_single_lookup(self, operator, value):
        """(operator, value) of a look-up on one number; None when the superuser asks
        for several (nothing is found); several numbers from anybody else are
        refused."""
        single = self._property_single_value(operator, value)
        if single is None and not self.env.su:
            raise self._property_one_value_error()
        return single

    def _search_id_number_masked(self, operator, value):
        single = self._property_single_lookup(operator, value)
        if single is None:
            return [("id", "=", 0)]
        operator, value = single
        clear = (value or "").strip().upper() if isinstance(value, str) else ""
        # a resident ID in its stored form; any other document number compared whole
        exact = (ric.compact(clear) if ric.is_valid(clear) else clear) or False
        return self._property_search_clear("id_number", operator, clear, exact)

    def _search_phone_masked(self, operator, value):
        single = self._property_single_lookup(operator, value)
        if single is None:
            return [("id", "=", 0)]
        operator, value = single
        if not isinstance(value, str):
            return [("id", "=", 0)]
        try:
            exact = self._property_normalize_phone(value)
        except ValidationError:
            exact = False
        clear = exact if operator == "=" else re.sub(r"[^\d+]", "", value)
        if clear and not clear.startswith("+"):
            clear = clear.lstrip("0")  # a part of a national number: as stored (E.164)
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
