"""The messages to the complainant (issue #20), over JSON-RPC as the agent: the
registration, the dispatch, the result (C14, C24) and the callback invitation go by
SMS (Odoo's ``sms.sms``, logged in the chatter) or by e-mail (through a local SMTP
server started by the test, sent by the mail queue as its cron does), in Chinese, each
with the complaint's no-login link; never twice for the same event, nothing without a
contact or with the company's setting off."""

import re
import socket
from contextlib import nullcontext
from email import message_from_bytes, policy
from unittest.mock import patch

from aiosmtpd.controller import Controller
from freezegun import freeze_time

from odoo import modules
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin
from odoo.addons.property_base.tests.settings import SettingsCaseMixin

from .common import ComplaintCase

RECEIVED = "2025-03-03 02:00:00"
LINK = re.compile(r"/p/([A-Za-z0-9_\-\.=~%]+)")
HREF = re.compile(r'href="([^"]*/p/[^"]*)"')


class _Inbox:
    """An aiosmtpd handler keeping every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            (
                envelope.rcpt_tos,
                message_from_bytes(envelope.content, policy=policy.SMTP),
            )
        )
        return "250 OK"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@tagged("post_install", "-at_install")
class TestNotifyRpc(SettingsCaseMixin, RpcMixin, HttpCase, ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        cls.site.company_id.sudo().email = "service@example.com"
        for key in ("receipt", "dispatch", "result", "callback"):
            cls._set_setting_cls(f"notify_{key}", True)

    @classmethod
    def _set_setting_cls(cls, key, value):
        cls.site.company_id.sudo()[f"property_complaint_{key}"] = value

    # ------------------------------------------------------------------
    def _register(self, **vals):
        """A complaint registered by the agent over JSON-RPC."""
        self.rpc_as(self.agent)
        with freeze_time(RECEIVED):
            ids = self.rpc(
                "property.complaint", "create", [self._complaint_vals(**vals)]
            )
        return self.env["property.complaint"].browse(ids)

    def _sms(self, complaint):
        """The SMS of the complaint's chatter, oldest first."""
        self.env.invalidate_all()
        messages = complaint.message_ids.filtered(lambda m: m.message_type == "sms")
        return (
            self.env["sms.sms"]
            .sudo()
            .search([("mail_message_id", "in", messages.ids)], order="id")
        )

    def _outgoing(self, complaint):
        self.env.invalidate_all()
        return (
            self.env["mail.mail"]
            .sudo()
            .search(
                [("model", "=", complaint._name), ("res_id", "=", complaint.id)],
                order="id",
            )
        )

    def _zh(self, complaint):
        """The complaint as the messages read it (in Chinese)."""
        return complaint.sudo().with_context(lang="zh_CN")

    def _resolve(self, link_text, at=None):
        """The record the link in ``link_text`` opens (at the time ``at``: a link
        expires)."""
        # the link as a browser reads it (an href drops its line breaks: an e-mail
        # may fold a long line)
        href = HREF.search(link_text)
        text = re.sub(r"\s", "", href.group(1)) if href else link_text
        token = LINK.search(text).group(1)
        with freeze_time(at) if at else nullcontext():
            return self.env["property.signed.link.mixin"]._signed_link_resolve(
                token, "complaint"
            )

    # ------------------------------------------------------------------
    def test_n20_no_contact_no_message(self):
        """The refused case first: a complainant without a phone or an e-mail hears
        nothing, and the registration goes through without an error."""
        complaint = self._register(partner_phone=False)
        self.assertTrue(complaint.exists())
        self.assertFalse(self._sms(complaint))
        self.assertFalse(self._outgoing(complaint))
        self.assertFalse(
            complaint.message_ids.filtered(lambda m: m.message_type == "sms")
        )

    def test_n20_stamps_owned_by_the_actions(self):
        """A client cannot mark an event as told (and so silence it) nor tell it
        again: the stamps are written by the actions only."""
        complaint = self._register()
        told = complaint.sudo().date_receipt_notified
        self.assertTrue(told)
        for vals in (
            {"date_receipt_notified": False},
            {"date_result_notified": "2025-03-03 03:00:00"},
        ):
            self.assertRpcRefused("property.complaint", "write", [complaint.id], vals)
        complaint.invalidate_recordset()
        self.assertEqual(complaint.sudo().date_receipt_notified, told)
        self.assertFalse(complaint.sudo().date_result_notified)
        self.assertEqual(len(self._sms(complaint)), 1)

    def test_n20_setting_off_nothing(self):
        self._set_setting("notify_receipt", False)
        complaint = self._register(partner_email="zhang@example.com")
        self.assertFalse(self._sms(complaint))
        self.assertFalse(self._outgoing(complaint))
        # nothing later either: the event is over
        complaint.sudo()._notify_customer("receipt")
        self.assertFalse(self._sms(complaint))

    def test_n20_setting_switched_off_by_the_manager(self):
        """Each message is a setting of the company in the suite's Settings: the
        agent cannot switch it, the service-centre manager can; switched off, the
        registration sends nothing."""
        company = self.site.company_id
        self.rpc_as(self.agent)
        self._assertSettingsRefused(company, property_complaint_notify_receipt=False)
        self.assertTrue(company.property_complaint_notify_receipt)
        self.rpc_as(self.cs_manager)
        self._rpc_settings(company, property_complaint_notify_receipt=False)
        self.env.invalidate_all()
        self.assertFalse(company.property_complaint_notify_receipt)
        complaint = self._register()
        self.assertFalse(self._sms(complaint))

    def test_n20_no_messages_chosen_nothing(self):
        complaint = self._register(notify_channel="none")
        self.assertFalse(self._sms(complaint))
        self.assertFalse(self._outgoing(complaint))

    def test_n20_registration_receipt_by_sms(self):
        complaint = self._register()
        sms = self._sms(complaint)
        self.assertEqual(len(sms), 1)
        self.assertEqual(sms.number, "+8613800138000")
        self.assertEqual(sms.state, "outgoing")
        self.assertIn(complaint.name, sms.body)
        self.assertIn("已登记", sms.body)
        self.assertIn(self._zh(complaint).notify_reference, sms.body)
        self.assertRegex(sms.body, "[一二三]类投诉")
        # when to expect an answer: the deadlines, at the site's time
        self.assertIn(self._zh(complaint).notify_reply_deadline, sms.body)
        self.assertIn(self._zh(complaint).notify_resolution_deadline, sms.body)
        self.assertEqual(self._resolve(sms.body, RECEIVED), complaint)
        # logged in the chatter, as an SMS
        self.assertEqual(sms.mail_message_id.model, "property.complaint")
        self.assertEqual(sms.mail_message_id.res_id, complaint.id)
        # never twice for the same event
        complaint.sudo()._notify_customer("receipt")
        self.assertEqual(self._sms(complaint), sms)
        if "property_urgent" in sms._fields:  # the China provider's addon reads them
            # its template known (the provider sends the template registered for it);
            # a class-3 receipt waits for the morning in the night hours, a class-1
            # one goes at once
            self.assertEqual(
                sms.property_template_id,
                self.env.ref("property_complaint.sms_template_complaint_receipt"),
            )
            self.assertFalse(sms.property_urgent)
            group = self._register(co_complainant_count=4)
            self.assertEqual(group.complaint_class, "1")
            self.assertTrue(self._sms(group).property_urgent)

    def test_c22_the_number_on_the_sms_notification_only_for_agents(self):
        """The complainant's number the receipt went to stays on the chatter's
        notification: the engineering handler, who does not read the complaint's
        phone, does not read it there either."""
        complaint = self._register()
        self.assertEqual(len(self._sms(complaint)), 1)
        with freeze_time(RECEIVED):
            self._dispatch(complaint, self.dep_engineering, self.handler)
        domain = [
            ("mail_message_id.model", "=", "property.complaint"),
            ("mail_message_id.res_id", "=", complaint.id),
            ("notification_type", "=", "sms"),
        ]
        self.rpc_as(self.handler)
        # the handler reads the complaint and its history, not the phone
        [row] = self.rpc("property.complaint", "read", complaint.ids, ["summary"])
        self.assertEqual(row["summary"], complaint.summary)
        self.assertRpcRefused(
            "property.complaint", "read", complaint.ids, ["partner_phone"]
        )
        found = self.rpc("mail.notification", "search_read", domain, ["sms_number"])
        self.assertFalse(found, "nothing revealed")
        self.rpc_as(self.agent)
        found = self.rpc("mail.notification", "search_read", domain, ["sms_number"])
        # the receipt and the dispatch
        self.assertEqual([row["sms_number"] for row in found], ["+8613800138000"] * 2)

    def test_n20_landline_falls_back_to_email(self):
        """A landline receives no SMS: the e-mail, when there is one."""
        complaint = self._register(
            partner_phone="021 6234 5678", partner_email="zhang@example.com"
        )
        self.assertFalse(self._sms(complaint))
        self.assertEqual(len(self._outgoing(complaint)), 1)

    def _smtp(self):
        """A local SMTP server for this test, Odoo's outgoing server: its inbox."""
        inbox = _Inbox()
        port = _free_port()
        controller = Controller(inbox, hostname="127.0.0.1", port=port)
        controller.start()
        self.addCleanup(controller.stop)
        self.env["ir.mail_server"].sudo().create(
            {
                "name": "Local test SMTP",
                "smtp_host": "127.0.0.1",
                "smtp_port": port,
                "smtp_encryption": "none",
                "sequence": 0,
            }
        )
        return inbox

    def _send_queue(self, inbox, to):
        """The mail queue run as its cron does (the test mode sends nothing); the
        messages it sent to ``to``."""
        count = len(inbox.messages)
        with patch.object(modules.module, "current_test", False):
            self.env.ref(
                "mail.ir_cron_mail_scheduler_action"
            ).sudo().method_direct_trigger()
        return [
            message
            for recipients, message in inbox.messages[count:]
            if recipients == [to]
        ]

    def test_n20_registration_receipt_by_email(self):
        inbox = self._smtp()
        complaint = self._register(
            partner_email="zhang@example.com", notify_channel="email"
        )
        self.assertFalse(self._sms(complaint))
        mail = self._outgoing(complaint)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.state, "outgoing")
        # the mail queue sends it, as its cron does
        received = self._send_queue(inbox, "zhang@example.com")
        self.assertEqual(len(received), 1)
        message = received[0]
        self.assertIn("zhang@example.com", message["To"])
        self.assertEqual(
            message["Subject"], self._zh(complaint).notify_reference + "已登记"
        )
        body = message.get_body(("html",)).get_content()
        self.assertIn("已登记", body)
        self.assertIn("答复", body)
        self.assertEqual(
            self._resolve(body, RECEIVED), complaint, body[body.find("/p/") - 60 :]
        )
        # logged in the chatter
        self.assertEqual(mail.mail_message_id.res_id, complaint.id)

    @freeze_time("2025-03-04 02:00:00")
    def test_c11_dispatch_message_by_sms(self):
        self.handler.partner_id.sudo().phone = "+8613911112222"
        complaint = self._register()
        self.rpc_as(self.agent)
        wizard = self.rpc(
            "property.complaint.dispatch",
            "create",
            {
                "complaint_id": complaint.id,
                "department_id": self.dep_engineering.id,
                "handler_id": self.handler.id,
            },
        )
        self.rpc("property.complaint.dispatch", "action_confirm", [wizard])
        sms = self._sms(complaint)
        self.assertEqual(len(sms), 2)
        dispatch = sms[-1]
        self.assertIn("已派单", dispatch.body)
        self.assertIn("Engineering", dispatch.body)
        # the handler in words, never a staff phone number
        self.assertIn(self.handler.name, dispatch.body)
        self.assertNotIn("13911112222", dispatch.body)
        self.assertEqual(self._resolve(dispatch.body), complaint)
        complaint.sudo()._notify_customer("dispatch")
        self.assertEqual(len(self._sms(complaint)), 2)

    @freeze_time("2025-03-05 02:00:00")
    def test_c14_result_and_callback_invitation_by_sms(self):
        complaint = self._register()
        self._dispatch(complaint, self.dep_engineering, self.handler)
        before = len(self._sms(complaint))
        self.rpc_as(self.agent)
        self.rpc(
            "property.complaint",
            "write",
            [complaint.id],
            {
                "resolution": "<p>Pipe replaced.</p>",
                "result_summary": "漏水已修复。",
                "result_solution": "更换了楼上住户的水管。",
                "result_prevention": "每季度检查楼内水管。",
                "result_method": "sms",
            },
        )
        self.rpc("property.complaint", "action_communicate_result", [complaint.id])
        sms = self._sms(complaint)
        self.assertEqual(len(sms) - before, 2)
        result, callback = sms[-2:]
        # C24: the result, the solution and how a recurrence is avoided
        for text in ("漏水已修复。", "更换了楼上住户的水管。", "每季度检查楼内水管。"):
            self.assertIn(text, result.body)
        self.assertIn("防止再发措施", result.body)
        self.assertIn("满意", callback.body)
        self.assertIn("回访", callback.body)
        self.assertEqual(self._resolve(result.body), complaint)
        self.assertEqual(self._resolve(callback.body), complaint)
        complaint.sudo()._notify_customer("result")
        complaint.sudo()._notify_customer("callback")
        self.assertEqual(self._sms(complaint), sms)

    @freeze_time("2025-03-05 02:00:00")
    def test_c24_result_by_email(self):
        """C14, C24 by e-mail: the result, the solution and how a recurrence is
        avoided, with the link to confirm or dispute it."""
        inbox = self._smtp()
        complaint = self._register(
            partner_phone=False, partner_email="zhang@example.com"
        )
        self._dispatch(complaint, self.dep_engineering, self.handler)
        self._send_queue(inbox, "zhang@example.com")
        self.rpc_as(self.agent)
        self.rpc(
            "property.complaint",
            "write",
            [complaint.id],
            {
                "resolution": "<p>Pipe replaced.</p>",
                "result_summary": "漏水已修复。",
                "result_solution": "更换了楼上住户的水管。",
                "result_prevention": "每季度检查楼内水管。",
                "result_method": "email",
            },
        )
        self.rpc("property.complaint", "action_communicate_result", [complaint.id])
        received = self._send_queue(inbox, "zhang@example.com")
        subjects = [message["Subject"] for message in received]
        reference = self._zh(complaint).notify_reference
        self.assertEqual(
            subjects, [f"您的{reference}处理结果", f"回访：请评价您的{reference}"]
        )
        body = received[0].get_body(("html",)).get_content()
        for text in (
            "处理结果",
            "漏水已修复。",
            "解决方案",
            "更换了楼上住户的水管。",
            "防止再发措施",
            "每季度检查楼内水管。",
        ):
            self.assertIn(text, body)
        self.assertEqual(self._resolve(body), complaint)
