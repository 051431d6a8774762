"""The settings of property_complaint were ir.config_parameter (global): copy those
set to every company (fields of res.company), then delete them."""

from odoo import SUPERUSER_ID, api

from odoo.addons.property_base.tools.settings_migration import params_to_company


def migrate(cr, version):
    if not version:
        return
    params_to_company(api.Environment(cr, SUPERUSER_ID, {}), "property_complaint")
