from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """The complaint's state, new in this version, is the role of its stage."""
    if not version:
        return
    api.Environment(cr, SUPERUSER_ID, {})[
        "property.complaint"
    ]._property_migrate_states()
