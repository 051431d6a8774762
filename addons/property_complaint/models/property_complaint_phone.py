# one room of the complaint, its phone, beside the model's other files
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models

from odoo.addons.property_base.tools.phone import phone_display, phone_e164_or_none


class PropertyComplaint(models.Model):
    """The complainant's phone as people read and type it (C02): stored in E.164 in
    ``partner_phone``, shown in the national format for a mainland number."""

    _inherit = "property.complaint"

    partner_phone_display = fields.Char(
        string="Complainant Phone",
        compute="_compute_partner_phone_display",
        inverse="_inverse_partner_phone_display",
        search="_search_partner_phone_display",
        groups="property_complaint.group_complaint_agent",
        help="A mainland number is shown in its national format; any number typed is "
        "stored in its international form (E.164). Confidential.",
    )

    @api.depends("partner_phone")
    def _compute_partner_phone_display(self):
        for complaint in self:
            complaint.partner_phone_display = phone_display(complaint.partner_phone)

    def _inverse_partner_phone_display(self):
        for complaint in self:
            complaint.partner_phone = complaint._normalize_phone(complaint.partner_phone_display)

    def _search_partner_phone_display(self, operator, value):
        if isinstance(value, str) and operator in ("=", "!=", "ilike", "not ilike"):
            number = phone_e164_or_none(value)
            if number:
                value = number
            else:  # a part of the number: its digits, as stored
                value = "".join(char for char in value if char.isdigit()).lstrip("0")
        return [("partner_phone", operator, value)]
