import base64
import binascii
import logging
import math
from contextlib import contextmanager
from datetime import date, datetime

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.tools import SQL, Query

_logger = logging.getLogger(__name__)

# what the ORM raises for a request of a client it cannot read
CLIENT_ERRORS = (
    ValueError,
    TypeError,
    KeyError,
    AssertionError,
    NotImplementedError,
    NameError,
)

# PostgreSQL's integer column
INT_RANGE = (-(2**31), 2**31 - 1)
BIGINT_MAX = 2**63 - 1
# years a date of this suite may fall in (registration, visits, leave, birth dates)
YEAR_RANGE = (1900, 2199)
# field types whose empty string means "no value" (PostgreSQL refuses '' there)
EMPTY_IS_FALSE = ("date", "datetime", "many2one", "one2many", "many2many", "binary")
# longest text accepted by default per field type; a system parameter may change each
TEXT_LIMITS = {
    "char": ("property_base.input_max_length_char", 1000),
    "text": ("property_base.input_max_length_text", 20000),
    "html": ("property_base.input_max_length_html", 200000),
}


class PropertyInputMixin(models.AbstractModel):
    """The suite's input guard, inherited by the suite's own models (every
    ``property.*`` model, directly or through ``property.integrity.mixin``): it
    refuses,
    with a clear message in the user's language and before anything is written, the
    values PostgreSQL or the ORM would otherwise reject with a server error or store
    unchecked: NUL characters, text longer than the configured limit, integers
    outside
    PostgreSQL's range, numbers that are not finite, values outside a selection
    and dates
    that cannot be read or lie outside 1900–2199; relational values that are
    neither ids
    nor commands; text fields given a list, a mapping or a boolean (a whole number is
    taken as its digits, as a phone or a code typed into a spreadsheet arrives);
    and, on
    their search paths, a limit, an offset or a count limit that is not a whole
    number
    from 0 up. The models of the rest of the database do not pay for it."""

    _name = "property.input.mixin"
    _description = "Input Guard of the Suite"
    # True where another layer checks the values of create/write first, before the
    # model's code, once per call (the guard class of property.integrity.mixin): this
    # mixin's create and write then leave them alone
    _property_input_guarded_first = False

    @api.model_create_multi
    def create(self, vals_list):
        if not self._property_input_guarded_first:
            for vals in vals_list:
                self._property_check_input(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not self._property_input_guarded_first:
            self._property_check_input(vals)
        return super().write(vals)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        self._property_check_paging(offset=offset, limit=limit)
        self._property_check_domain(domain)
        with self._property_unreadable_request(domain, order):
            return super()._search(domain, offset=offset, limit=limit, order=order)

    @contextmanager
    def _property_unreadable_request(self, *request):
        """What the ORM raises for a request it cannot read (an unknown operator or
        field, a malformed filter term, a sort order on nothing) becomes the user's
        message; the detail goes to the log."""
        try:
            yield
        except CLIENT_ERRORS as error:
            _logger.info("Request refused on %s: %s", self._name, error, exc_info=True)
            raise ValidationError(
                self.env._(
                    "The search filter, sort order or grouping is not valid: "
                    "%(request)s",
                    request=" ".join(str(part) for part in request if part)[:300],
                )
            ) from error

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        with self._property_unreadable_request(domain, fields, groupby, orderby):
            return super().read_group(
                domain,
                fields,
                groupby,
                offset=offset,
                limit=limit,
                orderby=orderby,
                lazy=lazy,
            )

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        self._property_check_paging(limit=limit)
        if not isinstance(name, str):
            name = (
                str(name)
                if isinstance(name, int) and not isinstance(name, bool)
                else ""
            )
        with self._property_unreadable_request(args, operator):
            return super().name_search(name, args or [], operator=operator, limit=limit)

    def read(self, fields=None, load="_classic_read"):
        self._property_check_field_names(fields)
        return super().read(fields, load=load)

    def web_read(self, specification):
        self._property_check_field_names(specification, spec=True)
        return super().web_read(specification)

    @api.model
    def search_read(
        self, domain=None, fields=None, offset=0, limit=None, order=None, **kwargs
    ):
        self._property_check_field_names(fields)
        return super().search_read(
            domain, fields, offset=offset, limit=limit, order=order, **kwargs
        )

    @api.model
    def _property_check_field_names(self, names, spec=False):
        """The fields a client asks to read: a list of names (or, for ``web_read``,
        a mapping of names) of fields of this model."""
        if names is None or names is False:
            return
        if spec and not isinstance(names, dict):
            names = None
        elif not spec and not isinstance(names, (list, tuple)):
            names = None
        unknown = (
            [str(names)[:40]]
            if names is None
            else [str(name)[:40] for name in names if name not in self._fields]
        )
        if unknown:
            raise ValidationError(
                self.env._(
                    "%(names)s: no such field to read on %(model)s.",
                    names=", ".join(unknown),
                    model=self._description,
                )
            )

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        self._property_check_paging(offset=offset, limit=limit)
        with self._property_unreadable_request(domain, groupby, aggregates, order):
            return super()._read_group(
                domain,
                groupby,
                aggregates,
                having=having,
                offset=offset,
                limit=limit,
                order=order,
            )

    @api.model
    def web_search_read(
        self, domain, specification, offset=0, limit=None, order=None, count_limit=None
    ):
        self._property_check_paging(offset=offset, limit=limit, count_limit=count_limit)
        return super().web_search_read(
            domain,
            specification,
            offset=offset,
            limit=limit,
            order=order,
            count_limit=count_limit,
        )

    @api.model
    def _property_check_domain(self, domain):
        """Refuse the values of a search filter that would reach PostgreSQL as an
        error (a mapping, a number for a date, an id out of range); the ORM checks the
        rest of the filter's form."""
        if not isinstance(domain, (list, tuple)):
            if domain is None or domain is False:
                return
            raise ValidationError(
                self.env._(
                    "The search filter is not valid: %(domain)s",
                    domain=str(domain)[:200],
                )
            )
        for term in domain:
            if not isinstance(term, (list, tuple)) or len(term) != 3:
                continue  # '&', '|', '!' or a malformed term, which the ORM refuses
            path, operator, value = term
            if not isinstance(path, str) or not isinstance(operator, str):
                continue
            field = self._fields.get(path)
            if path == "display_name" and self._rec_name in self._fields:
                field = self._fields[self._rec_name]  # searched as the name's field
            if field is None or operator in ("any", "not any"):
                continue
            values = value if isinstance(value, (list, tuple)) else [value]
            error = None
            if isinstance(value, (list, tuple)) and operator in ("<", "<=", ">", ">="):
                error = self.env._(
                    "%(value)s is not a value to search.", value=str(value)[:40]
                )
            for item in values:
                if error:
                    break
                error = self._property_check_domain_value(field, operator, item)
            if (
                not error
                and isinstance(value, (list, tuple))
                and field.type in ("one2many", "many2many")
                and any(isinstance(item, str) for item in value)
            ):
                error = self.env._(
                    "%(value)s is not a list of ids.", value=str(value)[:40]
                )
            if not error and isinstance(value, (list, tuple)) and field.relational:
                kinds = {
                    isinstance(item, str) for item in value if item not in (None, False)
                }
                if len(kinds) > 1:  # names and ids mixed
                    error = self.env._("names and ids cannot be mixed.")
            if error:
                raise ValidationError(
                    self.env._(
                        "The search filter on %(field)s is not valid: %(error)s",
                        field=field._description_string(self.env),
                        error=error,
                    )
                )

    @api.model
    def _property_check_domain_value(self, field, operator, value):
        if (
            value is None
            or value is False
            or (value is True and field.type == "boolean")
        ):
            return None
        if isinstance(value, (models.BaseModel, models.NewId, Query, SQL)):
            return None  # what server code puts in a filter: a subquery, an SQL term
        if value is True or isinstance(value, (dict, list, tuple, set)):
            return self.env._(
                "%(value)s is not a value to search.", value=str(value)[:40]
            )
        if operator in ("child_of", "parent_of"):
            return None
        if (
            field.type in ("integer", "many2one", "one2many", "many2many")
            or field.name == "id"
        ):
            if isinstance(value, str):
                if operator.endswith("like") or field.type == "many2one":
                    return None  # a name, searched as a text
                return self._property_check_integer_input(field, value)
            if isinstance(value, float):
                return self._property_check_float_input(field, value)
            return self._property_check_integer_input(field, value)
        if field.type in ("float", "monetary") and not operator.endswith("like"):
            return self._property_check_float_input(field, value)
        if field.type in ("date", "datetime") and not operator.endswith("like"):
            if not isinstance(value, (str, date, datetime)) or value == "":
                return self.env._("%(value)s is not a date.", value=str(value)[:40])
            return self._property_check_date_input(field, value)
        return None

    @api.model
    def _property_check_paging(self, **values):
        """``limit``, ``offset`` and ``count_limit`` of a search: none (``None`` or
        ``False``) or a whole number from 0 to PostgreSQL's largest bigint."""
        labels = {
            "limit": self.env._("Limit"),
            "offset": self.env._("Offset"),
            "count_limit": self.env._("Count limit"),
        }
        for key, value in values.items():
            if value is None or value is False:
                continue
            # PostgreSQL's LIMIT and OFFSET are bigint; the web client asks for
            # Number.MAX_SAFE_INTEGER when it wants everything
            if type(value) is not int or not 0 <= value <= BIGINT_MAX:
                raise ValidationError(
                    self.env._(
                        "%(what)s of the search must be a whole number from 0 to "
                        "%(max)s, not %(value)s.",
                        what=labels[key],
                        max=BIGINT_MAX,
                        value=str(value)[:40],
                    )
                )

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
        """Refuse (``ValidationError``) what the fields of this model cannot take; a
        whole number given to a one-line text field is turned into its digits in
        ``vals``."""
        if not isinstance(vals, dict):
            raise ValidationError(
                self.env._(
                    "The values to save must be given as field names and values."
                )
            )
        unknown = [str(name)[:40] for name in vals if name not in self._fields]
        if unknown:
            raise ValidationError(
                self.env._(
                    "%(names)s: no such field to save on %(model)s.",
                    names=", ".join(unknown),
                    model=self._description,
                )
            )
        for name, value in vals.items():
            field = self._fields.get(name)
            if value is None or value is False:
                continue
            if value == "":
                if field.type in EMPTY_IS_FALSE:
                    # what a client sends for an emptied date or record: PostgreSQL
                    # would refuse the empty string
                    vals[name] = False
                continue
            if field.type == "char" and type(value) is int:
                # a phone or a code sent as a number (a spreadsheet, a script): its
                # digits
                value = vals[name] = str(value)
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
            return self.env._("%(value)s is not a text.", value=str(value)[:40])
        if "\x00" in value:
            return self.env._(
                "the text contains a NUL character, which cannot be stored."
            )
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return self.env._(
                "the text contains characters that are not valid Unicode."
            )
        limit = self._property_text_limit(field)
        if len(value) > limit:
            return self.env._(
                "the text is %(length)s characters long; at most %(limit)s are "
                "accepted.",
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
        if isinstance(value, (list, dict)) or value not in field.get_values(self.env):
            return self.env._(
                "%(value)s is not one of the choices.", value=str(value)[:40]
            )
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
        if (
            isinstance(day, (date, datetime))
            and not YEAR_RANGE[0] <= day.year <= YEAR_RANGE[1]
        ):
            return self.env._(
                "the year %(year)s is outside %(min)s–%(max)s.",
                year=day.year,
                min=YEAR_RANGE[0],
                max=YEAR_RANGE[1],
            )
        return None

    _property_check_datetime_input = _property_check_date_input

    def _property_check_id(self, value):
        """The message when ``value`` is not the id of a record (a positive whole
        number within PostgreSQL's range)."""
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not 0 < value <= INT_RANGE[1]
        ):
            return self.env._(
                "%(value)s is not the id of a record.", value=str(value)[:40]
            )
        return None

    def _property_check_many2one_input(self, field, value):
        if isinstance(value, models.BaseModel):  # server code may give the record
            return None
        if isinstance(value, tuple) and value:  # (id, name), as the ORM takes it
            value = value[0]
        return self._property_check_id(value)

    def _property_check_x2many_input(self, field, value):
        """A list of commands (``Command``) or of ids, as the ORM takes them."""
        invalid = self.env._(
            "%(value)s is not a list of ids or of commands (create, update, delete, "
            "unlink, link, clear, set).",
            value=str(value)[:60],
        )
        if isinstance(value, models.BaseModel):  # server code may give the records
            return None
        if not isinstance(value, (list, tuple)):
            return invalid
        for command in value:
            if isinstance(command, int) and not isinstance(command, bool):
                error = self._property_check_id(command)
                if error:
                    return error
                continue
            if not isinstance(command, (list, tuple)) or not command:
                return invalid
            kind = command[0]  # an int or a Command (an IntEnum)
            if (
                isinstance(kind, bool)
                or not isinstance(kind, int)
                or not 0 <= kind <= 6
            ):
                return invalid
            if kind in (0, 1) and (
                len(command) < 3 or not isinstance(command[2], dict)
            ):
                return invalid
            if kind in (1, 2, 3, 4):
                if len(command) < 2:
                    return invalid
                error = self._property_check_id(command[1])
                if error:
                    return error
            if kind == 6:
                ids = command[2] if len(command) > 2 else None
                if isinstance(ids, models.BaseModel):
                    continue
                if not isinstance(ids, (list, tuple)):
                    return invalid
                for record_id in ids:
                    error = self._property_check_id(record_id)
                    if error:
                        return error
        return None

    _property_check_one2many_input = _property_check_x2many_input
    _property_check_many2many_input = _property_check_x2many_input

    def _property_check_binary_input(self, field, value):
        """A file as the clients send it: base64 text (or bytes from server code)."""
        if not isinstance(value, (str, bytes)):
            return self.env._("%(value)s is not a file.", value=str(value)[:40])
        try:
            base64.b64decode(value)
        except (binascii.Error, ValueError):
            return self.env._("the file is not encoded in base64.")
        return None
