from odoo import models


class PropertySite(models.Model):
    """The suite's input guard on the sites (the model's own ``_inherit`` in
    property_site.py may take ``property.input.mixin`` in place of this class)."""

    _name = "property.site"
    _inherit = ["property.site", "property.input.mixin"]
