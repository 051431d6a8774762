from odoo import fields, models


class SmsResendRecipient(models.TransientModel):
    _inherit = "sms.resend.recipient"

    failure_reason = fields.Text(
        related="notification_id.failure_reason",
        string="Provider Answer",
        related_sudo=True,
        readonly=True,
    )


class SmsResend(models.TransientModel):
    _inherit = "sms.resend"

    def _property_failed_sms(self, resend=None):
        """The SMS in error behind the recipients to resend (``resend`` True), to
        cancel (False) or all of them (None)."""
        ids = [
            recipient.notification_id.sms_id_int
            for recipient in self.sudo().recipient_ids
            if resend is None or recipient.resend == resend
        ]
        return (
            self.env["sms.sms"]
            .sudo()
            .browse(ids)
            .exists()
            .filtered(lambda sms: sms.state == "error")
        )

    def action_resend(self):
        """Odoo sends a new SMS: it keeps the template of the failed one (the
        provider's template needs it); the failed one is no longer retried."""
        self._check_special_access()
        failed = self._property_failed_sms(resend=True)
        template = failed.property_template_id[:1]
        failed.write({"property_retry_at": False, "to_delete": True})
        self._property_failed_sms(resend=False).property_retry_at = False
        wizard = self
        if template:
            wizard = self.with_context(property_sms_template_id=template.id)
        return super(SmsResend, wizard).action_resend()

    def action_cancel(self):
        """Cancelled: the SMS in error are no longer retried."""
        self._check_special_access()
        self._property_failed_sms().write(
            {"property_retry_at": False, "state": "canceled"}
        )
        return super().action_cancel()
