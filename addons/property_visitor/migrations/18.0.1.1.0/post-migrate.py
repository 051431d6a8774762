"""Phones of visitors, visits, passes and goods passes stored in E.164 (mainland numbers
were stored as their national digits, ``13800138006``); a stored value that is not a
valid number stays as it is."""

import logging

from odoo.addons.property_base.tools.phone import convert_stored_phones

_logger = logging.getLogger(__name__)

TABLES = ("property_visitor", "property_visit", "property_pass", "property_goods_pass")


def migrate(cr, version):
    if not version:
        return
    for table in TABLES:
        changed = convert_stored_phones(cr, table, "phone")
        _logger.info("%s: %s phone numbers converted to E.164", table, changed)
