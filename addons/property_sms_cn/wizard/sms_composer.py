from odoo import models
from odoo.exceptions import UserError


class SmsComposer(models.TransientModel):
    _inherit = "sms.composer"

    def _property_template_used(self):
        """The template when the text is the template's own, as Odoo puts it in the
        composer (rendered for the one record of the chatter's composer), not changed
        by hand."""
        self.ensure_one()
        template = self.template_id
        if not template or not self.body:
            return self.env["sms.template"]
        if self.body == template.body:
            return template
        if self.composition_mode == "comment" and self.res_id:
            rendered = template._render_field("body", [self.res_id], compute_lang=True)
            if self.body == rendered[self.res_id]:
                return template
        return self.env["sms.template"]

    def _property_check_provider(self):
        """A message written by hand goes through Tencent Cloud only with the
        company's generic provider template: refused before anything is created."""
        company = self.env.company.sudo()
        if (
            company.property_sms_provider == "tencent"
            and not self._property_template_used()
            and not company.property_sms_generic_template
        ):
            raise UserError(
                self.env._(
                    "Text messages go out through Tencent Cloud, which sends approved "
                    "templates only: choose an SMS template, or ask an administrator "
                    "to set a generic provider template."
                )
            )

    def _action_send_sms(self):
        self._property_check_provider()
        return super()._action_send_sms()

    def _action_send_sms_comment(self, records=None):
        template = self._property_template_used()
        if not template:
            return super()._action_send_sms_comment(records=records)
        composer = self.with_context(property_sms_template_id=template.id)
        if records is not None:
            records = records.with_context(property_sms_template_id=template.id)
        return super(SmsComposer, composer)._action_send_sms_comment(records=records)

    def _prepare_mass_sms_values(self, records):
        result = super()._prepare_mass_sms_values(records)
        template = self._property_template_used()
        for record in records:
            result[record.id].update(
                {
                    "property_template_id": template.id,
                    "property_res_model": records._name,
                    "property_res_id": record.id,
                }
            )
        return result
