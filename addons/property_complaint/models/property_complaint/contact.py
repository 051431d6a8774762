import phonenumbers
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumValidationError

from odoo import api, models
from odoo.exceptions import ValidationError


class PropertyComplaintContactMixin(models.AbstractModel):
    """The complainant's contact data, checked and normalised (C02)."""

    _name = "property.complaint.contact.mixin"
    _description = "Complaint: Contact Data"

    # ------------------------------------------------------------------
    # Validation of the contact data (C02)
    # ------------------------------------------------------------------
    @api.model
    def _normalize_phone(self, phone):
        """The phone number in international format, or a ValidationError (also for
        a value that is not a text; a whole number is read as its digits)."""
        if not phone:
            return phone
        if isinstance(phone, int) and not isinstance(phone, bool):
            phone = str(phone)
        if not isinstance(phone, str):
            raise ValidationError(
                self.env._(
                    "The phone number %(phone)s is not a valid number.", phone=str(phone)[:40]
                )
            )
        try:
            number = phonenumbers.parse(phone, "CN")
        except phonenumbers.NumberParseException:
            number = None
        if not number or not phonenumbers.is_valid_number(number):
            raise ValidationError(
                self.env._("The phone number %(phone)s is not a valid number.", phone=phone)
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

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
                    "The ID number %(number)s is not a valid resident identity card number.",
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
            vals = {k: v for k, v in vals.items() if k in ("complainant_name", "unit_id")}
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
