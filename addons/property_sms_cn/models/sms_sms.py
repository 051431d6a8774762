import logging
import threading
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.property_base.tools.phone import phone_e164_or_none

from ..tools import tencent
from ..tools.night import night_end

_logger = logging.getLogger(__name__)

# the first retry waits this long, each next one twice as long
RETRY_FIRST_MINUTES = 5
# failures that another attempt would not change
NOT_RETRIED = {"sms_number_format", "sms_number_missing", "sms_provider_template"}


class SmsSms(models.Model):
    _inherit = "sms.sms"

    failure_type = fields.Selection(
        selection_add=[
            ("sms_provider_template", "No Provider Template"),
            ("sms_provider", "Refused by the SMS Provider"),
        ]
    )
    property_template_id = fields.Many2one(
        "sms.template", string="SMS Template", readonly=True, ondelete="set null"
    )
    property_res_model = fields.Char(string="Document Model", readonly=True)
    property_res_id = fields.Many2oneReference(
        string="Document", model_field="property_res_model", readonly=True
    )
    property_urgent = fields.Boolean(
        string="Urgent", help="Sent also during the night hours."
    )
    property_provider_error = fields.Char(
        string="Provider Answer", readonly=True, copy=False
    )
    property_attempt_count = fields.Integer(
        string="Send Attempts", readonly=True, copy=False
    )
    property_retry_at = fields.Datetime(
        string="Next Attempt", readonly=True, copy=False
    )
    property_hold_until = fields.Datetime(
        string="Held Until", readonly=True, copy=False
    )

    @api.model_create_multi
    def create(self, vals_list):
        """The SMS template comes with the call (``_message_sms_with_template``, the
        composer); urgency defaults from it."""
        context_template = self.env.context.get("property_sms_template_id")
        # the sender's code marks a message urgent (a host asked at the gate, a
        # class-1 complaint): it goes out in the night hours too
        context_urgent = self.env.context.get("property_sms_urgent") is True
        for vals in vals_list:
            if context_template and not vals.get("property_template_id"):
                vals["property_template_id"] = context_template
            if context_urgent and "property_urgent" not in vals:
                vals["property_urgent"] = True
            if "property_urgent" not in vals and vals.get("property_template_id"):
                template = self.env["sms.template"].sudo()
                template = template.browse(vals["property_template_id"]).exists()
                vals["property_urgent"] = template.property_urgent
        return super().create(vals_list)

    # ------------------------------------------------------------
    # Documents and companies
    # ------------------------------------------------------------

    def _property_documents(self):
        """{sms id: the document the SMS is about (sudo), or None}."""
        targets = {}
        for sms in self:
            if sms.property_res_model and sms.property_res_id:
                targets[sms.id] = (sms.property_res_model, sms.property_res_id)
            elif sms.mail_message_id.model and sms.mail_message_id.res_id:
                message = sms.mail_message_id
                targets[sms.id] = (message.model, message.res_id)
        ids_by_model = defaultdict(set)
        for model, res_id in targets.values():
            ids_by_model[model].add(res_id)
        existing = {}
        for model, ids in ids_by_model.items():
            if model in self.env:
                records = self.env[model].sudo().browse(list(ids)).exists()
                existing.update({(model, record.id): record for record in records})
        return {sms.id: existing.get(targets.get(sms.id)) for sms in self}

    def _property_companies(self, documents=None):
        """{sms id: the company whose settings send it}: the document's, else the
        current one."""
        documents = documents if documents is not None else self._property_documents()
        default = self.env.company
        by_model = defaultdict(lambda: self.env["res.company"])
        companies = {}
        records_by_model = defaultdict(list)
        for record in documents.values():
            if record is not None:
                records_by_model[record._name].append(record.id)
        for model, ids in records_by_model.items():
            records = self.env[model].sudo().browse(ids)
            if hasattr(records, "_mail_get_companies"):
                for res_id, company in records._mail_get_companies(default).items():
                    by_model[(model, res_id)] = company
        for sms in self:
            record = documents.get(sms.id)
            company = (
                by_model[(record._name, record.id)] if record is not None else None
            )
            companies[sms.id] = (company or default).sudo()
        return companies

    # ------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------

    def send(
        self,
        unlink_failed=False,
        unlink_sent=True,
        auto_commit=False,
        raise_exception=False,
    ):
        """The messages that are not urgent wait in the queue during the night."""
        held = self._property_hold_for_night()
        return super(SmsSms, self - held).send(
            unlink_failed=unlink_failed,
            unlink_sent=unlink_sent,
            auto_commit=auto_commit,
            raise_exception=raise_exception,
        )

    def _property_hold_for_night(self):
        candidates = self.filtered(
            lambda sms: (
                sms.state == "outgoing"
                and not sms.to_delete
                and not sms.property_urgent
            )
        )
        if not candidates:
            return candidates
        now = fields.Datetime.now()
        companies = candidates._property_companies()
        held_until = defaultdict(lambda: self.browse())
        for sms in candidates:
            company = companies[sms.id]
            if not company.property_sms_night_hold:
                continue
            until = night_end(
                now,
                company.property_sms_night_start,
                company.property_sms_night_end,
                company.partner_id.tz,
            )
            if until:
                held_until[until] |= sms
        held = self.browse()
        for until, sms_records in held_until.items():
            sms_records.sudo().write({"property_hold_until": until})
            held |= sms_records
        if held_until:
            cron = self.env.ref("sms.ir_cron_sms_scheduler_action", False)
            if cron:
                cron.sudo()._trigger(min(held_until))
        return held

    def _send(self, unlink_failed=False, unlink_sent=True, raise_exception=False):
        """Opted-out numbers are not sent, whatever the provider; the messages of a
        company that sends through Tencent Cloud go there, the others to Odoo's."""
        todo = self - self._property_cancel_opted_out()
        if not todo:
            return None
        documents = todo._property_documents()
        companies = todo._property_companies(documents)
        by_tencent = todo.filtered(
            lambda sms: companies[sms.id].property_sms_provider == "tencent"
        )
        others = todo - by_tencent
        if others:
            super(SmsSms, others)._send(
                unlink_failed=unlink_failed,
                unlink_sent=unlink_sent,
                raise_exception=raise_exception,
            )
        if by_tencent:
            by_tencent.sudo().with_context(
                sms_skip_msg_notification=True
            )._property_send_tencent(
                documents, companies, unlink_failed, unlink_sent, raise_exception
            )
            by_tencent.mail_message_id._notify_message_notification_update()
        return None

    def _property_cancel_opted_out(self):
        """Cancel (as Odoo's mass sending does) the SMS to a number of the phone
        blacklist."""
        numbers = {sms.id: phone_e164_or_none(sms.number) for sms in self}
        listed = set(
            self.env["phone.blacklist"]
            .sudo()
            .search([("number", "in", [n for n in numbers.values() if n])])
            .mapped("number")
        )
        opted_out = self.filtered(lambda sms: numbers[sms.id] in listed)
        if opted_out:
            opted_out.sudo()._update_sms_state_and_trackers(
                "canceled", failure_type="sms_blacklist"
            )
            opted_out.mail_message_id._notify_message_notification_update()
        return opted_out

    def _property_send_tencent(
        self, documents, companies, unlink_failed, unlink_sent, raise_exception
    ):
        """One SendSms request per company, provider template and parameters."""
        by_company = defaultdict(lambda: self.browse())
        for sms in self:
            by_company[companies[sms.id]] |= sms
        for company, sms_records in by_company.items():
            requests, failed = sms_records._property_tencent_requests(
                documents, company
            )
            for reason, failure_type, failed_sms in failed:
                failed_sms._property_set_failed(failure_type, reason, company)
            config = {
                "secret_id": company.property_sms_tencent_secret_id,
                "secret_key": company.property_sms_tencent_secret_key,
                "app_id": company.property_sms_tencent_app_id,
                "sign_name": company.property_sms_tencent_sign_name,
                "region": company.property_sms_tencent_region,
                "endpoint": company.property_sms_tencent_endpoint,
            }
            for (code, params), sms_by_number in requests.items():
                numbers = list(sms_by_number)
                for start in range(0, len(numbers), tencent.MAX_NUMBERS):
                    chunk = numbers[start : start + tencent.MAX_NUMBERS]
                    self._property_tencent_call(
                        config, code, params, chunk, sms_by_number, company,
                        unlink_sent, raise_exception,
                    )  # fmt: skip
        if unlink_failed:
            self.filtered(lambda sms: sms.state == "error").to_delete = True

    def _property_tencent_requests(self, documents, company):
        """({(provider template, parameters): {E.164 number: sms}}, [(reason,
        failure type, sms)] of the SMS that cannot be sent)."""
        env = self.with_context(lang=company.partner_id.lang or self.env.lang).env
        mappings = env["property.sms.provider.template"]._property_mapping_for(
            self.property_template_id, "tencent", company
        )
        requests = defaultdict(lambda: defaultdict(lambda: self.browse()))
        failed = []
        # the parameters, rendered once per provider template and model
        to_render = defaultdict(set)
        for sms in self:
            mapping = mappings.get(sms.property_template_id.id)
            record = documents.get(sms.id)
            if mapping and record is not None:
                to_render[(mapping, record._name)].add(record.id)
        params = {}
        for (mapping, model), ids in to_render.items():
            rendered = mapping.with_env(env)._property_render_params(
                env[model].sudo().browse(list(ids))
            )
            for res_id, values in rendered.items():
                params[(mapping.id, model, res_id)] = tuple(values)
        for sms in self:
            number = phone_e164_or_none(sms.number)
            record = documents.get(sms.id)
            template = sms.property_template_id
            mapping = mappings.get(template.id)
            if not number:
                reason = env._("%(number)s is not a phone number.", number=sms.number)
                failed.append((reason, "sms_number_format", sms))
            elif template and mapping and record is not None:
                values = params[(mapping.id, record._name, record.id)]
                requests[(mapping.provider_template_code, values)][number] |= sms
            elif not template and company.property_sms_generic_template:
                generic = company.property_sms_generic_template
                requests[(generic, (sms.body or "",))][number] |= sms
            elif template:
                reason = env._(
                    "The SMS template %(template)s has no Tencent Cloud template: "
                    "the message was not sent. Map it under Settings > Technical "
                    "> Phone / SMS > Provider Templates, then resend it.",
                    template=template.display_name,
                )
                failed.append((reason, "sms_provider_template", sms))
            else:
                reason = env._(
                    "A message written without an SMS template cannot be sent "
                    "through Tencent Cloud: no generic provider template is set."
                )
                failed.append((reason, "sms_provider_template", sms))
        return requests, failed

    def _property_tencent_call(
        self, config, code, params, numbers, sms_by_number, company,
        unlink_sent, raise_exception,
    ):  # fmt: skip
        try:
            statuses = tencent.send_sms(config, numbers, code, params)
        except tencent.TencentError as error:
            _logger.info("Tencent Cloud SMS %s failed: %s", code, error)
            if raise_exception:
                raise UserError(
                    self.env._(
                        "Tencent Cloud SMS refused the message: %(error)s",
                        error=str(error),
                    )
                ) from error
            failure_type = tencent.failure_type(error.code)
            for number in numbers:
                sms_by_number[number]._property_set_failed(
                    failure_type, f"{error.code}: {error.message}", company
                )
            return
        for number in numbers:
            sms = sms_by_number[number]
            status, message = statuses.get(number, ("", ""))
            if status == "Ok":
                sms.sms_tracker_id._action_update_from_sms_state("pending")
                sms.write(
                    {
                        "state": "pending",
                        "failure_type": False,
                        "property_provider_error": False,
                        "property_retry_at": False,
                        "property_hold_until": False,
                        "to_delete": unlink_sent,
                    }
                )
            else:
                status = status or "NoStatus"
                sms._property_set_failed(
                    tencent.failure_type(status),
                    f"{status}: {message}",
                    company,
                )

    def _property_set_failed(self, failure_type, reason, company):
        """Kept in error with the provider's answer on the SMS and on its chatter
        notification; tried again later unless it cannot succeed as it is."""
        if not self:
            return
        now = fields.Datetime.now()
        retry_max = company.property_sms_retry_max
        retries = defaultdict(lambda: self.browse())
        for sms in self:
            attempts = sms.property_attempt_count + 1
            retry_at = False
            if failure_type not in NOT_RETRIED and attempts < retry_max:
                retry_at = now + timedelta(
                    minutes=RETRY_FIRST_MINUTES * 2 ** (attempts - 1)
                )
            retries[(attempts, retry_at)] |= sms
        for (attempts, retry_at), sms_records in retries.items():
            sms_records.write(
                {
                    "state": "error",
                    "failure_type": failure_type,
                    "property_provider_error": reason,
                    "property_attempt_count": attempts,
                    "property_retry_at": retry_at,
                }
            )
        self.sms_tracker_id._action_update_from_sms_state(
            "error", failure_type=failure_type, failure_reason=reason
        )
        next_try = [at for _attempts, at in retries if at]
        if next_try:
            cron = self.env.ref("property_sms_cn.ir_cron_sms_retry", False)
            if cron:
                cron._trigger(min(next_try))

    @api.model
    def _property_retry_failed(self):
        """The cron: the SMS in error whose next attempt is due go out again."""
        due = self.search(
            [
                ("state", "=", "error"),
                ("property_retry_at", "!=", False),
                ("property_retry_at", "<=", fields.Datetime.now()),
                ("to_delete", "!=", True),
            ],
            limit=1000,
        )
        if not due:
            return
        due.write({"property_retry_at": False})
        due._update_sms_state_and_trackers("outgoing")
        auto_commit = not getattr(threading.current_thread(), "testing", False)
        due.send(unlink_failed=False, unlink_sent=True, auto_commit=auto_commit)
