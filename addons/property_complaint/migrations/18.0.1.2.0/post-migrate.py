from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """The suspension moved from the complaint to its own history (C10)."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["property.complaint"]._property_migrate_suspensions()
