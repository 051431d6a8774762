"""Settings that were ``ir.config_parameter`` (global) become fields of the company.

``params_to_company(env, addon)`` copies the value of each parameter ``<addon>.<key>``
that is set to the field ``<addon>_<key>`` of every company
(``property_complaint.days_class1`` → ``res.company.property_complaint_days_class1``),
converted to the field's type, then deletes those parameters. The addons call it from
their post-migration script.
"""

import logging

_logger = logging.getLogger(__name__)


def _convert(field, value):
    if field.type == "boolean":
        return value.strip().lower() not in ("", "0", "false", "none")
    if field.type == "integer":
        return int(float(value))
    if field.type == "float":
        return float(value)
    return value


def setting_params(env, addon):
    """{parameter key: field of the company} of the settings of ``addon``."""
    prefix = f"{addon}_"
    return {
        f"{addon}.{name[len(prefix) :]}": name
        for name in env["res.company"]._fields
        if name.startswith(prefix)
    }


def params_to_company(env, addon):
    """Copy the parameters of the settings of ``addon`` that are set to every company,
    then delete them. Returns the values copied ({field name: value})."""
    fields_by_key = setting_params(env, addon)
    Param = env["ir.config_parameter"].sudo()
    Company = env["res.company"].sudo().with_context(active_test=False)
    params = Param.search([("key", "in", list(fields_by_key))])
    values = {}
    for param in params:
        name = fields_by_key[param.key]
        field = Company._fields[name]
        try:
            values[name] = _convert(field, param.value or "")
        except ValueError:
            _logger.warning(
                "Setting %s: value %r not kept (not a number)", param.key, param.value
            )
    if values:
        Company.search([]).write(values)
    params.unlink()
    return values
