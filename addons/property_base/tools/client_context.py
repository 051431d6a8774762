"""Context keys a client may not send.

A client (the web client, JSON-RPC, XML-RPC, a controller's ``context`` parameter)
sends any context it likes. Some keys switch off the audit trail, a notification or
a rule when server code raises them: ``tracking_disable``, ``mail_notrack``, Odoo's
time-off shortcuts, and the suite's own ``property_*`` and ``kpi_*`` keys (so a key a
view or a button of the suite sends is named otherwise). They stay
usable by server code, and are removed from what a client sends: the entry points
(``odoo.api.call_kw``, which every RPC path and the web client's ``call_kw`` and
``call_button`` reach, and ``Request.update_context``, which controllers use) are
wrapped once, when this module is imported, and act only on databases where the
suite is installed.
"""

import functools

import odoo.api
from odoo import http

from odoo.addons.web.controllers import dataset

DENIED_KEYS = frozenset(
    {
        "tracking_disable",
        "mail_notrack",
        "mail_create_nolog",
        "mail_auto_subscribe_no_notify",
        "mail_activity_automation_skip",
        "leave_fast_create",
        "leave_skip_date_check",
        "leave_skip_state_check",
        "install_mode",
    }
)
DENIED_PREFIXES = ("property_", "kpi_")


def is_denied(key):
    return key in DENIED_KEYS or key.startswith(DENIED_PREFIXES)


def clean(context):
    """``context`` without the keys a client may not send (the same dict if none)."""
    if not isinstance(context, dict) or not any(is_denied(key) for key in context):
        return context
    return {key: value for key, value in context.items() if not is_denied(key)}


def _suite_installed(registry):
    return registry is not None and "property.integrity.mixin" in registry


def _wrap_call_kw(call_kw):
    if getattr(call_kw, "property_clean_context", False):
        return call_kw

    @functools.wraps(call_kw)
    def wrapper(model, name, args, kwargs):
        if kwargs.get("context") and _suite_installed(model.env.registry):
            kwargs = dict(kwargs, context=clean(kwargs["context"]))
        return call_kw(model, name, args, kwargs)

    wrapper.property_clean_context = True
    return wrapper


def _wrap_update_context(update_context):
    if getattr(update_context, "property_clean_context", False):
        return update_context

    @functools.wraps(update_context)
    def wrapper(self, **overrides):
        registry = getattr(getattr(self, "env", None), "registry", None)
        if overrides and _suite_installed(registry):
            overrides = clean(overrides)
        return update_context(self, **overrides)

    wrapper.property_clean_context = True
    return wrapper


def install():
    """Wrap the entry points (once per process)."""
    odoo.api.call_kw = _wrap_call_kw(odoo.api.call_kw)
    http.Request.update_context = _wrap_update_context(http.Request.update_context)
    dataset.call_kw = _wrap_call_kw(dataset.call_kw)
