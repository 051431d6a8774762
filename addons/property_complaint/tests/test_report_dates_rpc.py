"""One date style on paper (issue #19): the printed forms of complaints write
2025年03月03日 and 2025年03月03日 10:00 in the site's time zone, never an ISO date nor
seconds, as the agent gets them from the report route."""

import json
import re
from urllib.parse import quote

from freezegun import freeze_time
from lxml import html

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
SECONDS = re.compile(r"\b\d{1,2}:\d{2}:\d{2}\b")


@tagged("post_install", "-at_install")
class TestReportDatesRpc(RpcMixin, HttpCase, ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")

    def _report_text(self, report_name, records, data=None):
        url = f"/report/html/{report_name}/{','.join(map(str, records.ids))}"
        if data:
            url += "?options=" + quote(json.dumps(data))
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        body = html.fromstring(response.content).find("body")
        return " ".join(body.text_content().split())

    def _assert_date_style(self, text):
        self.assertFalse(ISO_DATE.findall(text), text)
        self.assertFalse(SECONDS.findall(text), text)

    def test_date_style_complaint_form_and_register(self):
        # received 2025-03-03 02:00 UTC = 10:00 in Shanghai
        complaint = self._new_complaint(source_reference="TEL-0301")
        self.rpc_as(self.agent)
        with freeze_time("2025-03-05 06:05:00"):
            text = self._report_text(
                "property_complaint.report_complaint_form", complaint
            )
        self.assertIn("2025年03月03日 10:00", text)
        self._assert_date_style(text)

        with freeze_time("2025-03-05 06:05:00"):
            action = self.rpc(
                "property.complaint.register.print",
                "action_print",
                [
                    self.rpc(
                        "property.complaint.register.print",
                        "create",
                        {
                            "site_id": self.site.id,
                            "date_from": "2025-03-01",
                            "date_to": "2025-03-31",
                        },
                    )
                ],
            )
            text = self._report_text(
                "property_complaint.report_complaint_register",
                complaint,
                data=action["data"],
            )
        for expected in ("2025年03月01日 至 2025年03月31日", "2025年03月03日 10:00"):
            self.assertIn(expected, text)
        self._assert_date_style(text)

    def test_date_style_summary(self):
        self._new_complaint()
        self.rpc_as(self.supervisor)
        data = {"period_type": "quarter", "date_from": "2025-01-01"}
        with freeze_time("2025-04-02 06:05:00"):
            text = self._report_text(
                "property_complaint.report_complaint_summary", self.site, data=data
            )
        for expected in (
            "2025年第1季度",
            "2025年01月01日 至 2025年03月31日",
            "打印日期：2025年04月02日",
        ):
            self.assertIn(expected, text)
        self._assert_date_style(text)
