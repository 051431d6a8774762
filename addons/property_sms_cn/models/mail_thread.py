from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _message_sms_with_template(
        self,
        template=False,
        template_xmlid=False,
        template_fallback="",
        partner_ids=False,
        **kwargs,
    ):
        """The SMS created keep their template: the China provider sends the
        provider template mapped to it (see ``sms.sms``)."""
        if not template and template_xmlid:
            template = self.env.ref(template_xmlid, raise_if_not_found=False)
        thread = self
        if template:
            thread = self.with_context(property_sms_template_id=template.id)
        return super(MailThread, thread)._message_sms_with_template(
            template=template,
            template_xmlid=template_xmlid,
            template_fallback=template_fallback,
            partner_ids=partner_ids,
            **kwargs,
        )
