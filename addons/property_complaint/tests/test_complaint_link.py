"""The complaint's page without login (issue #20): a resident opens the link of a
message, follows the complaint, confirms or disputes the result (C14, C24) and answers
the callback (C15) — a dissatisfied answer opens the second complaint (C17). Over HTTP
as an anonymous visitor, the forms posted with Odoo's CSRF token."""

import re

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcError, RpcMixin

from .common import ComplaintCase

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
CSRF_SCRIPT = re.compile(r'csrf_token: "([^"]+)"')


@tagged("post_install", "-at_install")
class TestComplaintLink(RpcMixin, HttpCase, ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        cls.level_dissatisfied = cls.env.ref(
            "property_complaint.satisfaction_dissatisfied"
        )
        cls.level_satisfied = cls.env.ref("property_complaint.satisfaction_satisfied")

    # ------------------------------------------------------------------
    def _communicated(self, **vals):
        """A complaint whose result was communicated: its callback is due."""
        complaint = self._new_complaint(**vals)
        self._dispatch(complaint, self.dep_engineering, self.handler)
        complaint.with_user(self.agent).write(
            {
                "validity_reason": "Repair late.",
                "responsible_department_id": self.dep_engineering.id,
                "resolution": "<p>Pipe replaced.</p>",
                "result_summary": "The leak is fixed.",
                "result_solution": "The pipe of the flat above was replaced.",
                "result_prevention": "Pipes of the building checked every quarter.",
                "result_method": "sms",
            }
        )
        complaint.with_user(self.agent).action_confirm_valid()
        with freeze_time("2025-03-05 02:00:00"):
            complaint.with_user(self.agent).action_communicate_result()
        return complaint

    def _link(self, complaint):
        url = complaint._signed_link_url("complaint")
        return url[len(complaint.get_base_url()) :]

    def _get(self, path):
        """The page, opened by an anonymous visitor (no session of a user)."""
        self.url_open("/web/session/logout")
        response = self.url_open(path, allow_redirects=False)
        return response

    def _post(self, path, csrf=True, **values):
        """The page's form posted by the visitor who opened it (its CSRF token)."""
        page = self._get(path)
        if csrf:
            token = CSRF.search(page.text) or CSRF_SCRIPT.search(page.text)
            values["csrf_token"] = token.group(1)
        return self.url_open(path, data=values, allow_redirects=False)

    def _snapshot(self, *complaints):
        self.env.invalidate_all()
        Complaint = (
            self.env["property.complaint"].sudo().with_context(active_test=False)
        )
        return [
            (
                c.state,
                c.date_result_confirmed,
                c.date_result_disputed,
                c.result_dispute_reason,
                [(cb.state, cb.method, cb.satisfaction_id.id) for cb in c.callback_ids],
                len(c.message_ids),
                Complaint.search_count([("parent_complaint_id", "=", c.id)]),
            )
            for c in complaints
        ]

    # ------------------------------------------------------------------
    # Refused first: nothing written
    # ------------------------------------------------------------------
    @freeze_time("2025-03-06 02:00:00")
    def test_c15_link_refused_answers_write_nothing(self):
        complaint = self._communicated()
        other = self._communicated(summary="Noise at night", complainant_name="Ms Li")
        path, other_path = self._link(complaint), self._link(other)
        before = self._snapshot(complaint, other)
        level = self.level_dissatisfied.id
        # no CSRF token: Odoo refuses the form
        response = self._post(
            path, csrf=False, answer="callback", satisfaction_id=level
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._snapshot(complaint, other), before)
        # altered link
        altered = path[:-4] + ("AAAA" if not path.endswith("AAAA") else "BBBB")
        response = self._post(altered, answer="callback", satisfaction_id=level)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(complaint.name, response.text)
        # a link with no purpose of a page here, an answer that does not exist,
        # a level that is not a satisfaction level, a dispute without reason, a
        # confirmation of a result already closed for answers
        for values in (
            {"answer": "close"},
            {"answer": "callback", "satisfaction_id": "999999999"},
            {"answer": "callback", "satisfaction_id": "x"},
            {"answer": "callback", "satisfaction_id": "9" * 30},
            {"answer": "callback", "satisfaction_id": "-1"},
            {"answer": "dispute", "reason": "nul \x00 char"},
            {"answer": "callback"},
            {"answer": "dispute", "reason": "   "},
            {"answer": "dispute", "reason": "x" * 2001},
        ):
            with self.subTest(values=values):
                response = self._post(path, **values)
                self.assertEqual(response.status_code, 400)
                self.assertRegex(response.text, "o_complaint_link_error")
        self.assertEqual(self._snapshot(complaint, other), before)
        # another complaint's ids posted with this link: only this complaint is
        # answered, the other one is left as it was
        response = self._post(
            path,
            answer="callback",
            satisfaction_id=self.level_satisfied.id,
            complaint_id=other.id,
            callback_id=other.callback_ids.id,
            id=other.id,
            model="property.complaint",
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self._snapshot(other), before[1:])
        self.assertEqual(complaint.callback_ids.state, "done")
        self.assertEqual(complaint.callback_ids.method, "link")
        self.assertNotIn(other.name, response.text)
        self.assertNotIn("Ms Li", response.text)
        # a callback answered twice: the second answer is refused
        before = self._snapshot(complaint, other)
        response = self._post(path, answer="callback", satisfaction_id=level)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._snapshot(complaint, other), before)
        # revoked, expired: the page says the link is invalid, nothing is written
        self.rpc_as(self.supervisor)
        self.rpc("property.complaint", "action_revoke_signed_links", [other.id])
        before = self._snapshot(complaint, other)
        response = self._post(other_path, answer="confirm")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(other.name, response.text)
        self.assertEqual(self._snapshot(complaint, other), before)
        fresh = self._link(complaint)
        with freeze_time("2025-03-13 03:00:00"):
            response = self._post(fresh, answer="confirm")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self._snapshot(complaint, other), before)
        # the page gave no session of a user: the web client's data stay closed
        with self.assertRaises(RpcError):
            self.rpc("property.complaint", "search_read", [], ["name"])

    def test_c15_callback_by_link_only_from_the_link(self):
        complaint = self._communicated()
        callback = complaint.callback_ids
        self.rpc_as(self.agent)
        self.assertRpcRefused(
            "property.complaint.callback", "write", [callback.id], {"method": "link"}
        )
        self.assertFalse(callback.method)

    # ------------------------------------------------------------------
    # Follow, confirm, dispute, callback
    # ------------------------------------------------------------------
    @freeze_time("2025-03-04 02:00:00")
    def test_c14_link_follow_the_complaint(self):
        complaint = self._new_complaint(summary="Lift stuck")
        self._dispatch(complaint, self.dep_engineering, self.handler)
        response = self._get(self._link(complaint))
        self.assertEqual(response.status_code, 200)
        body = response.text
        self.assertIn(complaint.name, body)
        self.assertIn("Lift stuck", body)
        Complaint = self.env["property.complaint"].with_context(lang="zh_CN")
        states = dict(Complaint.fields_get(["state"])["state"]["selection"])
        state = states[complaint.state]
        self.assertIn(state, body)
        self.assertIn("年", body)  # the expected date, in the Chinese date style
        # no result yet, nothing to answer; no personal data of the register
        self.assertNotIn("o_complaint_link_result", body)
        self.assertNotIn("o_complaint_link_confirm_form", body)
        self.assertNotIn("o_complaint_link_callback_form", body)
        self.assertNotIn("13800138000", body)
        self.assertNotIn("138 0013 8000", body)

    @freeze_time("2025-03-06 02:00:00")
    def test_c24_link_shows_result_and_confirms_it(self):
        complaint = self._communicated()
        path = self._link(complaint)
        body = self._get(path).text
        for text in (
            "The leak is fixed.",
            "The pipe of the flat above was replaced.",
            "Pipes of the building checked every quarter.",
        ):
            self.assertIn(text, body)
        self.assertIn("o_complaint_link_confirm_form", body)
        messages = len(complaint.message_ids)
        response = self._post(path, answer="confirm")
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_complaint_link_confirmed", response.text)
        self.assertTrue(complaint.date_result_confirmed)
        self.assertFalse(complaint.date_result_disputed)
        self.assertGreater(len(complaint.message_ids), messages)
        # answered once
        self.assertNotIn("o_complaint_link_confirm_form", response.text)
        self.assertEqual(
            self._post(path, answer="dispute", reason="No").status_code, 400
        )
        self.assertFalse(complaint.date_result_disputed)

    @freeze_time("2025-03-06 02:00:00")
    def test_c14_link_dispute_the_result_with_a_reason(self):
        complaint = self._communicated()
        path = self._link(complaint)
        response = self._post(path, answer="dispute", reason="Still leaking.")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(complaint.result_dispute_reason, "Still leaking.")
        self.assertTrue(complaint.date_result_disputed)
        self.assertFalse(complaint.date_result_confirmed)
        self.assertTrue(
            any("Still leaking." in str(m.body) for m in complaint.message_ids)
        )
        # the callback is still to be answered, on the satisfaction scale
        self.assertEqual(complaint.callback_ids.state, "todo")
        self.assertIn("o_complaint_link_callback_form", response.text)

    @freeze_time("2025-03-06 02:00:00")
    def test_c17_link_callback_dissatisfied_opens_second_complaint(self):
        complaint = self._communicated()
        path = self._link(complaint)
        body = self._get(path).text
        self.assertIn("o_complaint_link_callback_form", body)
        self.assertIn(self.level_dissatisfied.with_context(lang="zh_CN").name, body)
        response = self._post(
            path,
            answer="callback",
            satisfaction_id=self.level_dissatisfied.id,
            comment="The ceiling still drips.",
        )
        self.assertEqual(response.status_code, 200)
        callback = complaint.callback_ids
        self.assertEqual(callback.state, "done")
        self.assertEqual(callback.method, "link")
        self.assertEqual(callback.satisfaction_id, self.level_dissatisfied)
        self.assertEqual(callback.comments, "The ceiling still drips.")
        self.assertEqual(callback.answered_by, complaint.complainant_name)
        self.assertEqual(callback.user_id, self.agent)
        second = callback.second_complaint_id
        self.assertTrue(second)
        self.assertEqual(second.parent_complaint_id, complaint)
        self.assertTrue(second.is_second_complaint)
        self.assertEqual(second.complaint_class, "2")
        self.assertEqual(second.customer_request, "The ceiling still drips.")
        self.assertIn(second.name, response.text)
        self.assertNotIn("o_complaint_link_callback_form", response.text)

    @freeze_time("2025-03-06 02:00:00")
    def test_c15_link_callback_satisfied_is_recorded(self):
        complaint = self._communicated()
        response = self._post(
            self._link(complaint),
            answer="callback",
            satisfaction_id=self.level_satisfied.id,
        )
        self.assertEqual(response.status_code, 200)
        callback = complaint.callback_ids
        self.assertEqual((callback.state, callback.method), ("done", "link"))
        self.assertFalse(callback.second_complaint_id)
        self.assertEqual(complaint.callback_state, "done")


@tagged("post_install", "-at_install")
class TestComplaintLinkTour(RpcMixin, HttpCase, ComplaintCase):
    """The resident's page on a phone screen."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")

    def test_c17_tour_resident_answers_dissatisfied_by_link(self):
        complaint = self._new_complaint(summary="Tour link leak")
        self._dispatch(complaint, self.dep_engineering, self.handler)
        complaint.with_user(self.agent).write(
            {
                "validity_reason": "Repair late.",
                "responsible_department_id": self.dep_engineering.id,
                "resolution": "<p>Pipe replaced.</p>",
                "result_summary": "The leak is fixed.",
                "result_solution": "The pipe of the flat above was replaced.",
                "result_prevention": "Pipes of the building checked every quarter.",
                "result_method": "sms",
            }
        )
        complaint.with_user(self.agent).action_confirm_valid()
        complaint.with_user(self.agent).action_communicate_result()
        url = complaint._signed_link_url("complaint")
        self.start_tour(
            url[len(complaint.get_base_url()) :], "property_complaint_link_tour"
        )
        callback = complaint.callback_ids
        self.assertEqual((callback.state, callback.method), ("done", "link"))
        self.assertEqual(callback.comments, "天花板还在滴水")
        second = callback.second_complaint_id
        self.assertTrue(second.is_second_complaint)
        self.assertEqual(second.parent_complaint_id, complaint)
        self.assertEqual(
            self.env["property.complaint"].search(
                [("parent_complaint_id", "=", complaint.id)]
            ),
            second,
        )
