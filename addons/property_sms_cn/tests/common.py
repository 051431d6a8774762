"""A Tencent Cloud SMS endpoint on this machine for the tests: an HTTP server in a
thread of the test, on a free port, that keeps every request it receives and answers
as the provider documents (``SendSms``, API 3.0, 2021-01-11), with a status per
number ("Ok" unless told otherwise) or an error answer for the whole request."""

import hashlib
import hmac
import json
import threading
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from odoo import Command

from odoo.addons.property_base.tests.common import PropertyCase

SECRET_ID = "AKIDpropertytest0001"
SECRET_KEY = "propertytestsecretkey0001"
APP_ID = "1400006666"
SIGN_NAME = "测试物业"
REGION = "ap-guangzhou"
NUMBER = "+8613800138000"


class FakeTencentSms:
    """The endpoint: ``requests`` received (headers, body), ``codes`` the status
    code to answer per number (default "Ok"), ``error`` an error answer for the
    whole request ((code, message) or None)."""

    def __init__(self):
        self.requests = []
        self.codes = {}
        self.error = None
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                fake.requests.append(
                    {
                        "path": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "raw": raw,
                        "body": json.loads(raw or b"{}"),
                    }
                )
                answer = fake._answer(fake.requests[-1]["body"])
                data = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.endpoint = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def reset(self):
        self.requests.clear()
        self.codes = {}
        self.error = None

    def _answer(self, body):
        request_id = str(uuid.uuid4())
        if self.error:
            code, message = self.error
            return {
                "Response": {
                    "Error": {"Code": code, "Message": message},
                    "RequestId": request_id,
                }
            }
        statuses = []
        for number in body.get("PhoneNumberSet", []):
            code = self.codes.get(number, "Ok")
            statuses.append(
                {
                    "SerialNo": uuid.uuid4().hex,
                    "PhoneNumber": number,
                    "Fee": 1 if code == "Ok" else 0,
                    "SessionContext": "",
                    "Code": code,
                    "Message": "send success" if code == "Ok" else "refused",
                    "IsoCode": "CN",
                }
            )
        return {"Response": {"SendStatusSet": statuses, "RequestId": request_id}}


def tc3_signature(secret_key, request):
    """The TC3-HMAC-SHA256 signature of ``request`` as Tencent Cloud's API 3.0
    documents it (signature v3), computed here without the SDK."""
    headers = request["headers"]
    timestamp = int(headers["x-tc-timestamp"])
    date = datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%d")
    canonical = "\n".join(
        [
            "POST",
            "/",
            "",
            f"content-type:{headers['content-type']}\nhost:{headers['host']}\n",
            "content-type;host",
            hashlib.sha256(request["raw"]).hexdigest(),
        ]
    )
    scope = f"{date}/sms/tc3_request"
    to_sign = "\n".join(
        [
            "TC3-HMAC-SHA256",
            str(timestamp),
            scope,
            hashlib.sha256(canonical.encode()).hexdigest(),
        ]
    )

    def _hmac(key, msg):
        return hmac.new(key, msg.encode(), hashlib.sha256).digest()

    key = _hmac(("TC3" + secret_key).encode(), date)
    key = _hmac(key, "sms")
    key = _hmac(key, "tc3_request")
    return date, hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()


class SmsCnCase(PropertyCase):
    """The company sends through the fake endpoint; an SMS template on contacts
    mapped to provider template 2000001 with two parameters (name, then reference),
    an urgent one (2000002) and one without a provider template; a resident with a
    mainland mobile; a customer-service user and a property manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vendor = FakeTencentSms()
        cls.addClassCleanup(cls.vendor.stop)
        cls.company.sudo().write(
            {
                "property_sms_provider": "tencent",
                "property_sms_tencent_secret_id": SECRET_ID,
                "property_sms_tencent_secret_key": SECRET_KEY,
                "property_sms_tencent_app_id": APP_ID,
                "property_sms_tencent_sign_name": SIGN_NAME,
                "property_sms_tencent_region": REGION,
                "property_sms_tencent_endpoint": cls.vendor.endpoint,
                "property_sms_generic_template": False,
                "property_sms_retry_max": 3,
                "property_sms_night_hold": False,
                "property_sms_night_start": 21.0,
                "property_sms_night_end": 8.0,
            }
        )
        cls.company.partner_id.tz = "Asia/Shanghai"
        partner_model = cls.env["ir.model"]._get_id("res.partner")
        cls.template = cls.env["sms.template"].create(
            {
                "name": "Test complaint registered",
                "model_id": partner_model,
                "body": "{{ object.name }}，您的投诉{{ object.ref }}已登记。",
            }
        )
        cls.mapping = cls.env["property.sms.provider.template"].create(
            {
                "sms_template_id": cls.template.id,
                "provider_template_code": "2000001",
                "param_ids": [
                    Command.create(
                        {"sequence": 1, "value_type": "field", "expression": "name"}
                    ),
                    Command.create(
                        {
                            "sequence": 2,
                            "value_type": "expression",
                            "expression": "{{ object.ref }}",
                        }
                    ),
                ],
            }
        )
        cls.urgent_template = cls.template.create(
            {
                "name": "Test urgent",
                "model_id": partner_model,
                "body": cls.template.body,
                "property_urgent": True,
            }
        )
        cls.mapping.copy(
            {
                "sms_template_id": cls.urgent_template.id,
                "provider_template_code": "2000002",
            }
        )
        cls.unmapped_template = cls.template.create(
            {
                "name": "Test unmapped",
                "model_id": partner_model,
                "body": cls.template.body,
            }
        )
        cls.resident = cls.env["res.partner"].create(
            {"name": "王小明", "ref": "TS-0001", "mobile": "+86 138 0013 8000"}
        )
        # a customer-service user who keeps the residents' contacts (posting on a
        # contact's chatter needs the right to write it)
        cls.agent = cls._create_user(
            "t_sms_agent", cls.group_user, cls.env.ref("base.group_partner_manager")
        )
        cls.manager = cls._create_user("t_sms_manager", cls.group_manager)

    def setUp(self):
        super().setUp()
        self.vendor.reset()

    def _sms_of(self, partner):
        """The SMS of ``partner``'s chatter, newest first."""
        messages = self.env["mail.message"].search(
            [
                ("model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("message_type", "=", "sms"),
            ]
        )
        return self.env["sms.sms"].search(
            [("mail_message_id", "in", messages.ids)], order="id desc"
        )
