"""Issue #20, China SMS: a message sent as a user sends in Odoo (the SMS composer,
over JSON-RPC) reaches Tencent Cloud SMS as the provider documents the request;
failures are kept, shown and retried; the night holds what is not urgent; opted-out
numbers are not sent."""

import calendar
import socket
from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin
from odoo.addons.sms.tools.sms_api import SmsApi

from .common import (
    APP_ID,
    NUMBER,
    REGION,
    SECRET_ID,
    SECRET_KEY,
    SIGN_NAME,
    SmsCnCase,
    tc3_signature,
)


@tagged("post_install", "-at_install")
class TestSmsTencentRpc(RpcMixin, HttpCase, SmsCnCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_sms_cn")

    def _send_as(self, user, template=None, body=None, context=None):
        """The SMS composer on the resident, as ``user`` does it in the chatter."""
        self.rpc_as(user)
        vals = {
            "composition_mode": "comment",
            "res_model": "res.partner",
            "res_id": self.resident.id,
        }
        if template:
            vals["template_id"] = template.id
        if body:
            vals["body"] = body
        composer_id = self.rpc("sms.composer", "create", vals, context=context)
        self.rpc("sms.composer", "action_send_sms", [composer_id], context=context)

    def _notification(self, sms):
        """The chatter's notification of ``sms``, as the user reads it."""
        notifications = self.rpc(
            "mail.notification",
            "search_read",
            [("sms_id_int", "=", sms.id)],
            ["notification_status", "failure_type", "failure_reason"],
        )
        self.assertEqual(len(notifications), 1)
        return notifications[0]

    def test_n20_tencent_no_mapping_fails_visibly(self):
        """Refused first: a template without a provider template is not sent to the
        vendor; the SMS stays in error with the reason, on the chatter too."""
        self._send_as(self.agent, self.unmapped_template)
        self.assertFalse(self.vendor.requests)
        sms = self._sms_of(self.resident)
        self.assertEqual(len(sms), 1)
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.failure_type, "sms_provider_template")
        self.assertFalse(sms.property_retry_at, "not retried until mapped")
        notification = self._notification(sms)
        self.assertEqual(notification["notification_status"], "exception")
        self.assertEqual(notification["failure_type"], "sms_provider_template")
        self.assertIn("Test unmapped", notification["failure_reason"])
        self.assertTrue(
            self.rpc(
                "res.partner", "read", [self.resident.id], ["message_has_sms_error"]
            )[0]["message_has_sms_error"]
        )

    def test_n20_tencent_text_without_template_refused(self):
        """Refused first: a text written by hand without a generic provider template
        is refused in Chinese, nothing created; with one, it goes out as its one
        parameter."""
        self.rpc_as(self.agent)
        composer_id = self.rpc(
            "sms.composer",
            "create",
            {
                "composition_mode": "comment",
                "res_model": "res.partner",
                "res_id": self.resident.id,
                "body": "明天停水。",
            },
        )
        self.assertRpcRefused("sms.composer", "action_send_sms", [composer_id])
        self.assertFalse(self._sms_of(self.resident))
        self.assertFalse(self.vendor.requests)

        self.company.sudo().property_sms_generic_template = "2000009"
        self.rpc("sms.composer", "action_send_sms", [composer_id])
        self.assertEqual(len(self.vendor.requests), 1)
        body = self.vendor.requests[0]["body"]
        self.assertEqual(body["TemplateId"], "2000009")
        self.assertEqual(body["TemplateParamSet"], ["明天停水。"])

    @freeze_time("2026-03-02 02:00:00")
    def test_n20_tencent_request_as_documented(self):
        """One SendSms request, signed with TC3-HMAC-SHA256, with the E.164 number,
        the application, the signature, the mapped template and its parameters in
        order; the SMS is then sent."""
        self._send_as(self.agent, self.template)
        self.assertEqual(len(self.vendor.requests), 1)
        request = self.vendor.requests[0]
        headers = request["headers"]
        self.assertEqual(request["path"], "/")
        self.assertEqual(headers["x-tc-action"], "SendSms")
        self.assertEqual(headers["x-tc-version"], "2021-01-11")
        self.assertEqual(headers["x-tc-region"], REGION)
        self.assertEqual(headers["content-type"], "application/json")
        self.assertEqual(
            headers["x-tc-timestamp"],
            str(calendar.timegm((2026, 3, 2, 2, 0, 0))),
        )
        date, signature = tc3_signature(SECRET_KEY, request)
        self.assertEqual(date, "2026-03-02")
        self.assertEqual(
            headers["authorization"],
            f"TC3-HMAC-SHA256 Credential={SECRET_ID}/{date}/sms/tc3_request, "
            f"SignedHeaders=content-type;host, Signature={signature}",
        )
        self.assertEqual(
            request["body"],
            {
                "PhoneNumberSet": [NUMBER],
                "SmsSdkAppId": APP_ID,
                "SignName": SIGN_NAME,
                "TemplateId": "2000001",
                "TemplateParamSet": ["王小明", "TS-0001"],
            },
        )
        sms = self._sms_of(self.resident)
        self.assertEqual(sms.state, "pending")
        self.assertEqual(sms.property_template_id, self.template)
        self.assertEqual(self._notification(sms)["notification_status"], "pending")

    def test_n20_tencent_failure_kept_and_retried(self):
        """The vendor refuses the number: the SMS is kept in error with the vendor's
        code on the SMS and the chatter; the cron leaves it until its next attempt,
        then sends it again, and it is sent."""
        self.vendor.codes = {NUMBER: "LimitExceeded.PhoneNumberDailyLimit"}
        with freeze_time("2026-03-02 02:00:00"):
            self._send_as(self.agent, self.template)
        self.assertEqual(len(self.vendor.requests), 1)
        sms = self._sms_of(self.resident)
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.failure_type, "sms_provider")
        self.assertEqual(sms.property_attempt_count, 1)
        self.assertEqual(sms.property_retry_at, datetime(2026, 3, 2, 2, 5))
        self.assertIn(
            "LimitExceeded.PhoneNumberDailyLimit", sms.property_provider_error
        )
        notification = self._notification(sms)
        self.assertEqual(notification["notification_status"], "exception")
        self.assertEqual(notification["failure_type"], "sms_provider")
        self.assertIn(
            "LimitExceeded.PhoneNumberDailyLimit", notification["failure_reason"]
        )
        self.assertTrue(
            self.rpc(
                "res.partner", "read", [self.resident.id], ["message_has_sms_error"]
            )[0]["message_has_sms_error"]
        )

        # the cron before the next attempt: nothing sent
        self.vendor.codes = {}
        with freeze_time("2026-03-02 02:04:00"):
            self.env["sms.sms"]._property_retry_failed()
        self.assertEqual(len(self.vendor.requests), 1)
        self.assertEqual(sms.state, "error")

        # a whole request refused (the SDK's error answer): kept, retried later
        self.vendor.error = ("InternalError.Timeout", "timeout")
        with freeze_time("2026-03-02 02:05:00"):
            self.env["sms.sms"]._property_retry_failed()
        self.assertEqual(len(self.vendor.requests), 2)
        sms.invalidate_recordset()
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.property_attempt_count, 2)
        self.assertEqual(sms.property_retry_at, datetime(2026, 3, 2, 2, 15))
        self.assertIn("InternalError.Timeout", sms.property_provider_error)

        # the next attempt succeeds
        self.vendor.error = None
        with freeze_time("2026-03-02 02:15:00"):
            self.env["sms.sms"]._property_retry_failed()
        self.assertEqual(len(self.vendor.requests), 3)
        self.assertEqual(self.vendor.requests[2]["body"]["PhoneNumberSet"], [NUMBER])
        sms.invalidate_recordset()
        self.assertEqual(sms.state, "pending")
        self.assertFalse(sms.failure_type)
        self.assertEqual(self._notification(sms)["notification_status"], "pending")

    def test_n20_tencent_attempts_exhausted_kept(self):
        """After the set number of attempts the SMS stays in error (never lost),
        not retried any more, and a person can still resend it."""
        self.company.sudo().property_sms_retry_max = 2
        self.vendor.codes = {NUMBER: "LimitExceeded.PhoneNumberDailyLimit"}
        with freeze_time("2026-03-02 02:00:00"):
            self._send_as(self.agent, self.template)
        with freeze_time("2026-03-02 02:06:00"):
            self.env["sms.sms"]._property_retry_failed()
        sms = self._sms_of(self.resident)
        self.assertEqual(len(self.vendor.requests), 2)
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.property_attempt_count, 2)
        self.assertFalse(sms.property_retry_at)
        with freeze_time("2026-03-03 02:00:00"):
            self.env["sms.sms"]._property_retry_failed()
        self.assertEqual(len(self.vendor.requests), 2)
        self.assertTrue(sms.exists())
        # Odoo's resend from the chatter's envelope
        self.vendor.codes = {}
        message = sms.mail_message_id
        self.rpc_as(self.agent)
        wizard_id = self.rpc(
            "sms.resend",
            "create",
            {},
            context={"default_mail_message_id": message.id},
        )
        recipient_ids = self.rpc("sms.resend", "read", [wizard_id], ["recipient_ids"])[
            0
        ]["recipient_ids"]
        recipients = self.rpc(
            "sms.resend.recipient",
            "read",
            recipient_ids,
            ["failure_type", "failure_reason"],
        )
        self.assertEqual(recipients[0]["failure_type"], "sms_provider")
        self.assertIn(
            "LimitExceeded.PhoneNumberDailyLimit", recipients[0]["failure_reason"]
        )
        self.rpc("sms.resend", "action_resend", [wizard_id])
        self.assertEqual(len(self.vendor.requests), 3)
        self.assertEqual(self.vendor.requests[2]["body"]["TemplateId"], "2000001")
        new_sms = self._sms_of(self.resident)[:1]
        self.assertNotEqual(new_sms, sms)
        self.assertEqual(new_sms.state, "pending")
        self.assertEqual(self._notification(new_sms)["notification_status"], "pending")
        # the failed one is not retried on top of it
        self.assertFalse(sms.property_retry_at)

    def test_n20_night_hold(self):
        """At 22:00 in Shanghai a message that is not urgent stays in the queue until
        08:00, an urgent one goes at once; the queue sends the first in the morning."""
        self.company.sudo().property_sms_night_hold = True
        with freeze_time("2026-03-02 14:00:00"):  # 22:00 in Shanghai
            self._send_as(self.agent, self.template)
            self.assertFalse(self.vendor.requests)
            sms = self._sms_of(self.resident)
            self.assertEqual(sms.state, "outgoing")
            self.assertFalse(sms.property_urgent)
            self.assertEqual(sms.property_hold_until, datetime(2026, 3, 3, 0, 0))
            self._send_as(self.agent, self.urgent_template)
            self.assertEqual(len(self.vendor.requests), 1)
            self.assertEqual(self.vendor.requests[0]["body"]["TemplateId"], "2000002")
        # the queue as the cron runs it (on this SMS: the database may hold others)
        with freeze_time("2026-03-02 23:59:00"):  # 07:59: still night
            self.env["sms.sms"]._process_queue(sms.ids)
        self.assertEqual(len(self.vendor.requests), 1)
        with freeze_time("2026-03-03 00:00:00"):  # 08:00
            self.env["sms.sms"]._process_queue(sms.ids)
        self.assertEqual(len(self.vendor.requests), 2)
        self.assertEqual(self.vendor.requests[1]["body"]["TemplateId"], "2000001")
        sms.invalidate_recordset()
        self.assertEqual(sms.state, "pending")

    def test_n20_opt_out_not_sent(self):
        """A number of Odoo's phone blacklist is not sent to the vendor: the SMS is
        cancelled as blacklisted, shown on the chatter."""
        self.env["phone.blacklist"].sudo()._add([NUMBER])
        self._send_as(self.agent, self.template)
        self.assertFalse(self.vendor.requests)
        sms = self._sms_of(self.resident)
        self.assertEqual(sms.state, "canceled")
        self.assertEqual(sms.failure_type, "sms_blacklist")
        notification = self._notification(sms)
        self.assertEqual(notification["notification_status"], "canceled")
        self.assertEqual(notification["failure_type"], "sms_blacklist")

    def test_n20_tencent_mass_composer(self):
        """The mass composer (several residents at once): each SMS keeps its record,
        one request per parameter set, each number with its own parameters."""
        other = self.env["res.partner"].create(
            {"name": "李华", "ref": "TS-0002", "mobile": "+86 139 0013 9000"}
        )
        self.rpc_as(self.agent)
        composer_id = self.rpc(
            "sms.composer",
            "create",
            {
                "composition_mode": "mass",
                "res_model": "res.partner",
                "res_ids": repr([self.resident.id, other.id]),
                "template_id": self.template.id,
                "mass_keep_log": True,
            },
        )
        self.rpc("sms.composer", "action_send_sms", [composer_id])
        self.assertFalse(self.vendor.requests, "mass SMS go through the queue")
        queued = self.env["sms.sms"].search(
            [("property_res_model", "=", "res.partner"), ("state", "=", "outgoing")]
        )
        self.assertEqual(
            set(queued.mapped("property_res_id")), {self.resident.id, other.id}
        )
        self.assertEqual(queued.property_template_id, self.template)
        # the queue as the cron runs it (on these SMS: the database may hold others)
        self.env["sms.sms"]._process_queue(queued.ids)
        sent = {
            tuple(request["body"]["PhoneNumberSet"]): request["body"]
            for request in self.vendor.requests
        }
        self.assertEqual(len(self.vendor.requests), 2)
        self.assertEqual(sent[(NUMBER,)]["TemplateParamSet"], ["王小明", "TS-0001"])
        self.assertEqual(
            sent[("+8613900139000",)]["TemplateParamSet"], ["李华", "TS-0002"]
        )
        self.assertEqual({body["TemplateId"] for body in sent.values()}, {"2000001"})

    def test_n20_iap_provider_unchanged(self):
        """A company that keeps Odoo IAP sends as Odoo does, nothing to Tencent
        Cloud; the opt-out holds there too."""
        self.company.sudo().property_sms_provider = "iap"
        calls = []

        def fake_batch(api, messages, delivery_reports_url=False):
            calls.append(messages)
            return [
                {"uuid": number["uuid"], "state": "success"}
                for message in messages
                for number in message["numbers"]
            ]

        with patch.object(SmsApi, "_send_sms_batch", fake_batch):
            self._send_as(self.agent, self.unmapped_template)
            self.assertEqual(len(calls), 1)
            self.assertEqual(calls[0][0]["numbers"][0]["number"], NUMBER)
            self.env["phone.blacklist"].sudo()._add([NUMBER])
            self._send_as(self.agent, self.template)
            self.assertEqual(len(calls), 1)
        self.assertFalse(self.vendor.requests)
        self.assertEqual(self._sms_of(self.resident)[0].state, "canceled")

    def test_n20_tencent_unreachable_kept(self):
        """The endpoint does not answer (network error in the SDK): the SMS is kept
        in error as a server error with the SDK's message, retried later."""
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            closed_port = probe.getsockname()[1]
        self.company.sudo().property_sms_tencent_endpoint = (
            f"http://127.0.0.1:{closed_port}"
        )
        with freeze_time("2026-03-02 02:00:00"):
            self._send_as(self.agent, self.template)
        sms = self._sms_of(self.resident)
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.failure_type, "sms_server")
        self.assertTrue(sms.property_provider_error)
        self.assertEqual(sms.property_retry_at, datetime(2026, 3, 2, 2, 5))
        self.assertEqual(self._notification(sms)["notification_status"], "exception")
        # reachable again: the cron sends it
        self.company.sudo().property_sms_tencent_endpoint = self.vendor.endpoint
        with freeze_time("2026-03-02 02:05:00"):
            self.env["sms.sms"]._property_retry_failed()
        self.assertEqual(len(self.vendor.requests), 1)
        self.assertEqual(sms.state, "pending")
