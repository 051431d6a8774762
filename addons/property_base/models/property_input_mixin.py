import logging
from contextlib import contextmanager

from odoo import api, models, tools
from odoo.exceptions import ValidationError

from ..tools import input_checks
from ..tools.input_checks import BIGINT_MAX, EMPTY_IS_FALSE, TEXT_LIMITS

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


class PropertyInputMixin(models.AbstractModel):
    """The suite's input guard, inherited by the suite's own models (every
    ``property.*`` model, directly or through ``property.integrity.mixin``): it
    refuses, with a clear message in the user's language and before anything is
    written, the values PostgreSQL or the ORM would otherwise reject with a server
    error or store unchecked: NUL characters, text longer than the configured limit,
    integers outside PostgreSQL's range, numbers that are not finite, values outside
    a selection and dates that cannot be read or lie outside 1900–2199; relational
    values that are neither ids nor commands; text fields given a list, a mapping or
    a boolean (a whole number is taken as its digits, as a phone or a code typed
    into a spreadsheet arrives); and, on their search paths, a limit, an offset or a
    count limit that is not a whole number from 0 up. The models of the rest of the
    database do not pay for it. The value checks themselves are
    ``tools/input_checks.py``'s functions."""

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
        """The message when ``value`` cannot be searched on ``field`` with
        ``operator``, or ``None``."""
        return input_checks.check_domain_value(self.env, field, operator, value)

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
            if not input_checks.is_paging_value(value):
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

    # the value checks per field type (``_property_check_<type>_input``), which
    # ``_property_check_input`` calls: each returns the message of what the value of
    # ``field`` cannot be, or ``None``; the checks are ``tools/input_checks.py``'s
    def _property_check_text_value(self, field, value):
        limit = self._property_text_limit(field)
        return input_checks.check_text(self.env, value, limit)

    _property_check_char_input = _property_check_text_value
    _property_check_text_input = _property_check_text_value
    _property_check_html_input = _property_check_text_value

    def _property_check_integer_input(self, field, value):
        return input_checks.check_integer(self.env, value)

    def _property_check_float_input(self, field, value):
        return input_checks.check_float(self.env, value)

    _property_check_monetary_input = _property_check_float_input

    def _property_check_selection_input(self, field, value):
        return input_checks.check_selection(self.env, field, value)

    def _property_check_date_input(self, field, value):
        return input_checks.check_date(self.env, field, value)

    _property_check_datetime_input = _property_check_date_input

    def _property_check_id(self, value):
        """The message when ``value`` is not the id of a record (a positive whole
        number within PostgreSQL's range)."""
        return input_checks.check_id(self.env, value)

    def _property_check_many2one_input(self, field, value):
        return input_checks.check_many2one(self.env, value)

    def _property_check_x2many_input(self, field, value):
        """A list of commands (``Command``) or of ids, as the ORM takes them."""
        return input_checks.check_x2many(self.env, value)

    _property_check_one2many_input = _property_check_x2many_input
    _property_check_many2many_input = _property_check_x2many_input

    def _property_check_binary_input(self, field, value):
        """A file as the clients send it: base64 text (or bytes from server code)."""
        return input_checks.check_binary(self.env, value)
