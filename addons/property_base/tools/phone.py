"""Phone numbers of the suite, through Odoo's ``phone_validation``: stored in E.164
(``+8613800138006``), whatever the form typed (``138 0013 8006``, ``+86 138-0013-8006``,
``0086…``; a number without a country code is a mainland one), and shown as people
read them: mainland numbers in their national format (``138 0013 8006``,
``021 6234 5678``), other numbers in the international one (``+852 9123 4567``)."""

import phonenumbers

from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.phone_validation.tools.phone_validation import phone_format

# a number typed without its country code is a mainland China number
REGION = "CN"
REGION_PHONE_CODE = 86


def phone_e164(number):
    """``number`` in E.164; ``phone_validation``'s ``UserError`` when it is not a valid
    number."""
    return phone_format(number, REGION, REGION_PHONE_CODE, force_format="E164")


def phone_e164_or_none(number):
    """``number`` in E.164, or None when it is not a valid number (kept as it is by
    the callers: stored data is never lost)."""
    if not isinstance(number, str) or not number.strip():
        return None
    try:
        return phone_e164(number.strip())
    except UserError:
        return None


# the numbers that receive an SMS (a landline does not)
MOBILE_TYPES = (
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
)


def phone_mobile_e164(*values):
    """The first of ``values`` that is a mobile number, in E.164; False if none (an
    SMS goes only there)."""
    for value in values:
        number = phone_e164_or_none(value)
        if number and phonenumbers.number_type(phonenumbers.parse(number)) in (
            MOBILE_TYPES
        ):
            return number
    return False


def phone_display(number):
    """How people read ``number``: a mainland number in its national format, any other
    in the international one; a value that is not a valid number as it is."""
    if not number:
        return False
    return phone_format(
        number,
        REGION,
        REGION_PHONE_CODE,
        force_format="NATIONAL",
        raise_exception=False,
    )


def normalize_phone(env, value):
    """The phone ``value`` a user gave, in E.164 (False when empty); a
    ``ValidationError`` in the user's language when it is not a valid number (a whole
    number is read as its digits; any other value that is not a text is refused)."""
    if value is None or value is False:
        return False
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # a phone sent as a number: its digits
    if not isinstance(value, str):
        raise ValidationError(
            env._("%(phone)s is not a phone number.", phone=str(value)[:40])
        )
    value = value.strip()
    if not value:
        return False
    number = phone_e164_or_none(value)
    if not number:
        raise ValidationError(
            env._(
                "%(phone)s is not a valid phone number: give a mainland number (mobile "
                "or landline with its area code) or an international number starting "
                "with +.",
                phone=value[:40],
            )
        )
    return number


def convert_stored_phones(cr, table, column):
    """Stored numbers of ``table.column`` rewritten in E.164 (a migration step); a
    value that is not a valid number is left as it is. Returns the number of rows
    rewritten."""
    column_sql, table_sql = SQL.identifier(column), SQL.identifier(table)
    cr.execute(
        SQL(
            "SELECT DISTINCT %s FROM %s WHERE %s IS NOT NULL",
            column_sql,
            table_sql,
            column_sql,
        )
    )
    changed = 0
    for (value,) in cr.fetchall():
        number = phone_e164_or_none(value)
        if number and number != value:
            cr.execute(
                SQL(
                    "UPDATE %s SET %s = %s WHERE %s = %s",
                    table_sql,
                    column_sql,
                    number,
                    column_sql,
                    value,
                )
            )
            changed += cr.rowcount
    return changed
