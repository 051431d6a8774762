from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumValidationError

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.property_base.tools.phone import (
    normalize_phone,
    phone_display,
    phone_e164_or_none,
)


class PropertyComplaintContactMixin(models.AbstractModel):
    """The complainant's contact data, checked and normalised (C02)."""

    _name = "property.complaint.contact.mixin"
    _description = "Complaint: Contact Data"

    # the hotline call it came from (C23)
    call_id = fields.Many2one(
        "property.complaint.call",
        string="Hotline Call",
        index="btree_not_null",
        copy=False,
        groups="property_complaint.group_complaint_agent",
    )
    # the complainant's phone as people read and type it: stored in E.164 in
    # ``partner_phone``, shown in the national format for a mainland number
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
            complaint.partner_phone = complaint._normalize_phone(
                complaint.partner_phone_display
            )

    def _search_partner_phone_display(self, operator, value):
        if isinstance(value, str) and operator in ("=", "!=", "ilike", "not ilike"):
            number = phone_e164_or_none(value)
            if number:
                value = number
            else:  # a part of the number: its digits, as stored
                value = "".join(char for char in value if char.isdigit()).lstrip("0")
        return [("partner_phone", operator, value)]

    # ------------------------------------------------------------------
    # Validation of the contact data (C02)
    # ------------------------------------------------------------------
    @api.model
    def _normalize_phone(self, phone):
        """The phone number in E.164 (shown in the national format for a mainland
        number: ``partner_phone_display``), or a ValidationError (also for a value that
        is not a text; a whole number is read as its digits): property_base's
        ``tools/phone.py``, through Odoo's ``phone_validation``."""
        if not phone:
            return phone
        return normalize_phone(self.env, phone)

    @api.model
    def _normalize_id_number(self, id_number):
        """The compact ID number after checking it, or a ValidationError."""
        if not id_number:
            return id_number
        try:
            return ric.validate(id_number)
        except StdnumValidationError as error:
            raise ValidationError(
                self.env._(
                    "The ID number %(number)s is not a valid resident identity card "
                    "number.",
                    number=id_number,
                )
            ) from error

    @api.model
    def _prepare_contact_vals(self, vals):
        if vals.get("partner_phone"):
            vals["partner_phone"] = self._normalize_phone(vals["partner_phone"])
        if vals.get("id_number"):
            vals["id_number"] = self._normalize_id_number(vals["id_number"])
        if vals.get("partner_email"):
            vals["partner_email"] = vals["partner_email"].strip()
        return vals

    @api.model
    def _partner_contact_vals(self, partner):
        """Name, phone and email of a partner, for a new complaint."""
        vals = {"complainant_name": partner.name}
        phone = partner.phone or partner.mobile
        if phone:
            try:
                vals["partner_phone"] = self._normalize_phone(phone)
            except ValidationError:
                vals["partner_phone"] = phone
        if partner.email:
            vals["partner_email"] = partner.email
        units = partner.property_owned_unit_ids | partner.property_occupied_unit_ids
        if len(units) == 1:
            vals["unit_id"] = units.id
        return vals

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if not self.partner_id:
            return
        vals = self._partner_contact_vals(self.partner_id)
        if not self.env.user.has_group("property_complaint.group_complaint_agent"):
            vals = {
                k: v for k, v in vals.items() if k in ("complainant_name", "unit_id")
            }
        if self.unit_id and "unit_id" in vals:
            del vals["unit_id"]
        self.update(vals)

    @api.onchange("category_id")
    def _onchange_category_id(self):
        if self.category_id and self.validity == "pending":
            self.kind = self.category_id.default_kind

    @api.onchange("partner_phone")
    def _onchange_partner_phone(self):
        if self.partner_phone:
            self.partner_phone = self._normalize_phone(self.partner_phone)
