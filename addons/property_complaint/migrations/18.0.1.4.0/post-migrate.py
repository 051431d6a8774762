"""Complainants' phones stored in E.164 (they were stored in the international format,
``+86 138 0013 8006``); a stored value that is not a valid number stays as it is."""

import logging

from odoo.addons.property_base.tools.phone import convert_stored_phones

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    changed = convert_stored_phones(cr, "property_complaint", "partner_phone")
    _logger.info("property_complaint: %s phone numbers converted to E.164", changed)
