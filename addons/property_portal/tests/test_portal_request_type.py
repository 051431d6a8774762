"""The resident's report in their own words (issue 19): 报修 / 咨询 / 建议 / 投诉, a
repair request by default (C02: a demand, not a complaint), and the status that
follows the resident's answer to the callback (C15), over HTTP as the resident."""

import re

from odoo.tests import HttpCase, tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestPortalRequestType(HttpCase, PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["property_base", "property_complaint", "property_portal"],
            ["zh_CN"],
            overwrite=True,
        )
        cls.portal_a.write({"password": "t_resident_a", "lang": "zh_CN"})

    def _csrf(self):
        page = self.url_open("/my/home").text
        marker = 'csrf_token: "'
        start = page.index(marker) + len(marker)
        return page[start : page.index('"', start)]

    def _submit(self, summary, **values):
        data = {
            "csrf_token": self._csrf(),
            "unit_id": str(self.unit_a.id),
            "summary": summary,
            **values,
        }
        response = self.url_open("/my/complaints/new", data=data)
        self.assertEqual(response.status_code, 200)
        return self.env["property.complaint"].sudo().search([("summary", "=", summary)])

    def test_c02_forged_type_is_registered_as_a_repair_request(self):
        self.authenticate("t_resident_a", "t_resident_a")
        record = self._submit("Lift noise", request_type="invalid_complaint")
        self.assertEqual(len(record), 1)
        # not an invalid complaint, nor anything the resident was not offered
        self.assertEqual((record.kind, record.demand_type), ("demand", "request"))
        record = self._submit("Door broken", kind="special_service")
        self.assertEqual((record.kind, record.demand_type), ("demand", "request"))

    def test_c02_resident_chooses_in_own_words_repair_first(self):
        self.authenticate("t_resident_a", "t_resident_a")
        page = self.url_open("/my/complaints/new").text
        for label in ("报修", "咨询", "建议", "投诉"):
            self.assertIn(label, page)
        checked = re.search(r'<input[^>]*name="request_type"[^>]*checked[^>]*>', page)
        self.assertTrue(checked)
        self.assertIn('value="repair"', checked.group(0))
        self.assertNotIn("Request or Question", page)
        # nothing chosen: a repair request
        record = self._submit("Tap dripping")
        self.assertEqual((record.kind, record.demand_type), ("demand", "request"))
        page = self.url_open(f"/my/complaints/{record.id}").text
        label = re.search(r'class="o_property_request_type">([^<]*)<', page)
        self.assertEqual(label.group(1), "报修")
        for code, expected in (
            ("inquiry", ("demand", "inquiry")),
            ("suggestion", ("demand", "suggestion")),
            ("complaint", ("complaint", False)),
        ):
            record = self._submit(f"Matter {code}", request_type=code)
            self.assertEqual((record.kind, record.demand_type), expected, code)

    def test_c15_callback_badge_follows_the_answer(self):
        complaint = self._to_callback(self._portal_complaint())
        self.authenticate("t_resident_a", "t_resident_a")
        page = self.url_open(f"/my/complaints/{complaint.id}").text
        self.assertIn("o_property_callback_submit", page)
        self.assertNotIn("已回访", page)
        response = self.url_open(
            f"/my/complaints/{complaint.id}/callback",
            data={
                "csrf_token": self._csrf(),
                "satisfaction_id": str(
                    self.env.ref("property_complaint.satisfaction_satisfied").id
                ),
                "comments": "Fine now.",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(complaint.callback_ids.state, "done")
        page = self.url_open(f"/my/complaints/{complaint.id}").text
        badge = re.search(r'class="[^"]*o_property_stage[^"]*"[^>]*>([^<]*)<', page)
        self.assertEqual(badge.group(1).strip(), "已回访")
        listing = self.url_open("/my/complaints").text
        self.assertIn("已回访", listing)
