from odoo import models
from odoo.exceptions import ValidationError


class ResUsers(models.Model):
    _inherit = "res.users"

    def _property_portal_partners(self):
        """The partners whose household or company this portal user speaks for: their
        own contact and its company (a tenant company's contact)."""
        self.ensure_one()
        partner = self.partner_id
        return partner | partner.commercial_partner_id

    def _property_portal_units(self):
        """The units of the user's household or tenant company (owner or occupant)."""
        self.ensure_one()
        partners = self._property_portal_partners()
        return (
            self.env["property.unit"]
            .sudo()
            .search(
                [
                    "|",
                    ("owner_id", "in", partners.ids),
                    ("occupant_ids", "in", partners.ids),
                ]
            )
        )

    def _property_portal_unit(self, unit_id):
        """The unit ``unit_id`` of the user's household, or their only unit when none
        is given; a ValidationError otherwise."""
        self.ensure_one()
        units = self._property_portal_units()
        try:
            unit_id = int(unit_id or 0)
        except (TypeError, ValueError):
            unit_id = -1  # not a number: none of theirs
        unit = units.filtered(lambda u: u.id == unit_id) if unit_id else units
        if len(unit) != 1:
            raise ValidationError(self.env._("Choose one of your units."))
        return unit
