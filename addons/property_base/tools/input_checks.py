"""The pure value checks of the suite's input guard (``property.input.mixin``).

Each ``check_*`` function looks at one value, needs no record, and returns the
message in the user's language (``env``'s) when the value cannot be taken, or
``None``. The mixin raises the message with the field's name; its
``_property_check_<type>_input`` methods call these functions.
"""

import base64
import binascii
import math
from datetime import date, datetime

from odoo import fields, models
from odoo.tools import SQL, Query

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


def is_paging_value(value):
    """Whether ``value`` may be the ``limit``, ``offset`` or ``count_limit`` of a
    search: none (``None`` or ``False``) or a whole number from 0 to PostgreSQL's
    largest bigint."""
    # PostgreSQL's LIMIT and OFFSET are bigint; the web client asks for
    # Number.MAX_SAFE_INTEGER when it wants everything
    return (
        value is None
        or value is False
        or (type(value) is int and 0 <= value <= BIGINT_MAX)
    )


def check_text(env, value, limit):
    """A text of at most ``limit`` characters that PostgreSQL can store."""
    if not isinstance(value, str):
        return env._("%(value)s is not a text.", value=str(value)[:40])
    if "\x00" in value:
        return env._("the text contains a NUL character, which cannot be stored.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return env._("the text contains characters that are not valid Unicode.")
    if len(value) > limit:
        return env._(
            "the text is %(length)s characters long; at most %(limit)s are accepted.",
            length=len(value),
            limit=limit,
        )
    return None


def check_integer(env, value):
    """A whole number within PostgreSQL's integer range."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return env._("%(value)s is not a whole number.", value=str(value)[:40])
    if not INT_RANGE[0] <= number <= INT_RANGE[1]:
        return env._(
            "%(value)s is out of range (%(min)s to %(max)s).",
            value=number,
            min=INT_RANGE[0],
            max=INT_RANGE[1],
        )
    return None


def check_float(env, value):
    """A finite number."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return env._("%(value)s is not a number.", value=str(value)[:40])
    if not math.isfinite(number):
        return env._("%(value)s is not a number.", value=str(value)[:40])
    return None


def check_selection(env, field, value):
    """One of the values of the selection ``field``."""
    if isinstance(value, (list, dict)) or value not in field.get_values(env):
        return env._("%(value)s is not one of the choices.", value=str(value)[:40])
    return None


def check_date(env, field, value):
    """A date (or a date and time, after ``field``'s type) of the years
    ``YEAR_RANGE``."""
    try:
        day = (
            fields.Datetime.to_datetime(value)
            if field.type == "datetime"
            else fields.Date.to_date(value)
        )
    except (TypeError, ValueError, OverflowError):
        return env._("%(value)s is not a date.", value=str(value)[:40])
    if (
        isinstance(day, (date, datetime))
        and not YEAR_RANGE[0] <= day.year <= YEAR_RANGE[1]
    ):
        return env._(
            "the year %(year)s is outside %(min)s–%(max)s.",
            year=day.year,
            min=YEAR_RANGE[0],
            max=YEAR_RANGE[1],
        )
    return None


def check_id(env, value):
    """The id of a record: a positive whole number within PostgreSQL's range."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 0 < value <= INT_RANGE[1]
    ):
        return env._("%(value)s is not the id of a record.", value=str(value)[:40])
    return None


def check_many2one(env, value):
    """A record's id, an ``(id, name)`` pair or (from server code) the record."""
    if isinstance(value, models.BaseModel):  # server code may give the record
        return None
    if isinstance(value, tuple) and value:  # (id, name), as the ORM takes it
        value = value[0]
    return check_id(env, value)


def check_x2many(env, value):
    """A list of commands (``Command``) or of ids, as the ORM takes them."""
    invalid = env._(
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
            error = check_id(env, command)
            if error:
                return error
            continue
        if not isinstance(command, (list, tuple)) or not command:
            return invalid
        kind = command[0]  # an int or a Command (an IntEnum)
        if isinstance(kind, bool) or not isinstance(kind, int) or not 0 <= kind <= 6:
            return invalid
        if kind in (0, 1) and (len(command) < 3 or not isinstance(command[2], dict)):
            return invalid
        if kind in (1, 2, 3, 4):
            if len(command) < 2:
                return invalid
            error = check_id(env, command[1])
            if error:
                return error
        if kind == 6:
            ids = command[2] if len(command) > 2 else None
            if isinstance(ids, models.BaseModel):
                continue
            if not isinstance(ids, (list, tuple)):
                return invalid
            for record_id in ids:
                error = check_id(env, record_id)
                if error:
                    return error
    return None


def check_binary(env, value):
    """A file as the clients send it: base64 text (or bytes from server code)."""
    if not isinstance(value, (str, bytes)):
        return env._("%(value)s is not a file.", value=str(value)[:40])
    try:
        base64.b64decode(value)
    except (binascii.Error, ValueError):
        return env._("the file is not encoded in base64.")
    return None


def check_domain_value(env, field, operator, value):
    """A value of a search filter's term on ``field`` with ``operator`` that
    PostgreSQL can compare (the ORM checks the rest of the term's form)."""
    if value is None or value is False or (value is True and field.type == "boolean"):
        return None
    if isinstance(value, (models.BaseModel, models.NewId, Query, SQL)):
        return None  # what server code puts in a filter: a subquery, an SQL term
    if value is True or isinstance(value, (dict, list, tuple, set)):
        return env._("%(value)s is not a value to search.", value=str(value)[:40])
    if operator in ("child_of", "parent_of"):
        return None
    if (
        field.type in ("integer", "many2one", "one2many", "many2many")
        or field.name == "id"
    ):
        if isinstance(value, str):
            if operator.endswith("like") or field.type == "many2one":
                return None  # a name, searched as a text
            return check_integer(env, value)
        if isinstance(value, float):
            return check_float(env, value)
        return check_integer(env, value)
    if field.type in ("float", "monetary") and not operator.endswith("like"):
        return check_float(env, value)
    if field.type in ("date", "datetime") and not operator.endswith("like"):
        if not isinstance(value, (str, date, datetime)) or value == "":
            return env._("%(value)s is not a date.", value=str(value)[:40])
        return check_date(env, field, value)
    return None
