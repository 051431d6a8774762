"""The complaint desk's screens over JSON-RPC as each role (issue 19): the board's
progress bar by lateness (C09), the actions' default filters and empty-state help, the
callback as an agent records it (C15, C17) and the dispatch wizard (C11)."""

from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase

COLORS = {"late": "danger", "today": "warning", "at_risk": "info", "ok": "success"}
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwAD"
    "hgGAWjR9awAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestScreensRpc(RpcMixin, HttpCase, ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        cls.handle_type = cls.env.ref(
            "property_complaint.mail_activity_type_complaint_handle"
        )

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def _communicated(self):
        complaint = self._new_complaint()
        self._dispatch(complaint, self.dep_engineering, self.handler)
        complaint.with_user(self.agent).write(
            {
                "validity_reason": "Repair late.",
                "responsible_department_id": self.dep_engineering.id,
                "resolution": "<p>Pipe replaced.</p>",
                "result_summary": "The leak is fixed.",
                "result_solution": "Pipe replaced.",
                "result_prevention": "Quarterly checks.",
                "result_method": "phone",
            }
        )
        complaint.with_user(self.agent).action_confirm_valid()
        with freeze_time("2025-03-05 02:00:00"):
            complaint.with_user(self.agent).action_communicate_result()
        return complaint

    def _callback_state(self, callback):
        callback.invalidate_recordset()
        return (callback.state, callback.date_done, callback.second_complaint_id)

    def _wizard(self, complaint, department, handler, reason=False):
        return self.rpc(
            "property.complaint.dispatch",
            "create",
            [
                {
                    "complaint_id": complaint.id,
                    "department_id": department.id,
                    "handler_id": handler.id,
                    "reason": reason,
                }
            ],
        )[0]

    # ------------------------------------------------------------------
    # C09: the board by lateness
    # ------------------------------------------------------------------
    def test_c09_lateness_search_refuses_an_unknown_operator(self):
        self._new_complaint()
        self.rpc_as(self.agent)
        self.assertRpcRefused(
            "property.complaint", "search_count", [("deadline_state", "ilike", "late")]
        )

    def test_c09_board_progress_bar_counts_by_lateness(self):
        late = self._new_complaint(
            date_received="2025-01-06 02:00:00", summary="Old leak"
        )
        fresh = self._new_complaint(
            date_received="2025-03-05 01:00:00", summary="New leak"
        )
        self._dispatch(fresh, self.dep_engineering, self.handler)
        self.rpc_as(self.agent)
        with freeze_time("2025-03-05 02:00:00"):
            bars = self.rpc(
                "property.complaint",
                "read_progress_bar",
                [("site_id", "=", self.site.id)],
                "stage_id",
                {"field": "deadline_state", "colors": COLORS},
            )
            states = {
                c["id"]: c["deadline_state"]
                for c in self.rpc(
                    "property.complaint",
                    "search_read",
                    [("site_id", "=", self.site.id)],
                    ["deadline_state", "stage_id", "lateness_color"],
                )
            }
            late_ids = self.rpc(
                "property.complaint", "search", [("deadline_state", "=", "late")]
            )
            not_late_ids = self.rpc(
                "property.complaint",
                "search",
                [
                    ("deadline_state", "not in", ["late"]),
                    ("site_id", "=", self.site.id),
                ],
            )
        self.assertEqual(states[late.id], "late")
        self.assertNotEqual(states[fresh.id], "late")
        self.assertIn(late.id, late_ids)
        self.assertNotIn(fresh.id, late_ids)
        self.assertIn(fresh.id, not_late_ids)
        # the bars count the complaints of each column by the lateness they show
        expected = {}
        for complaint in late | fresh:
            column = expected.setdefault(
                str(complaint.stage_id.id), dict.fromkeys(COLORS, 0)
            )
            column[states[complaint.id]] += 1
        self.assertEqual(bars, expected)
        # the card is coloured as its lateness: red when late
        with freeze_time("2025-03-05 02:00:00"):
            colors = {
                c["id"]: c["lateness_color"]
                for c in self.rpc(
                    "property.complaint",
                    "read",
                    [late.id, fresh.id],
                    ["lateness_color"],
                )
            }
        self.assertEqual(colors[late.id], 1)
        self.assertNotEqual(colors[fresh.id], 1)

    def test_c09_register_opens_on_open_items_with_help(self):
        self.rpc_as(self.agent)
        for xmlid, filters in (
            (
                "property_complaint.property_complaint_action",
                {"search_default_filter_open"},
            ),
            (
                "property_complaint.property_complaint_action_open",
                {"search_default_filter_open", "search_default_filter_mine"},
            ),
            (
                "property_complaint.property_complaint_callback_action",
                {"search_default_filter_todo", "search_default_filter_mine"},
            ),
        ):
            answer = self.rpc_raw("/web/action/load", {"action_id": xmlid})
            action = answer["result"]
            context = action["context"]
            for key in filters:
                self.assertIn(key, context, xmlid)
            self.assertIn("o_view_nocontent_smiling_face", action["help"], xmlid)

    # ------------------------------------------------------------------
    # C15, C17: the callback
    # ------------------------------------------------------------------
    def test_c15_phone_callback_refused_without_who_answered(self):
        callback = self._communicated().callback_ids
        before = self._callback_state(callback)
        self.rpc_as(self.agent)
        self.rpc(
            "property.complaint.callback",
            "write",
            [callback.id],
            {
                "method": "phone",
                "satisfaction_id": self.env.ref(
                    "property_complaint.satisfaction_satisfied"
                ).id,
            },
        )
        self.assertRpcRefused(
            "property.complaint.callback", "action_done", [callback.id]
        )
        # nothing recorded
        self.assertEqual(self._callback_state(callback), before)
        self.assertEqual(callback.state, "todo")

    def test_c15_visit_callback_refused_without_signature(self):
        callback = self._communicated().callback_ids
        self.rpc_as(self.agent)
        self.rpc(
            "property.complaint.callback",
            "write",
            [callback.id],
            {
                "method": "visit",
                "satisfaction_id": self.env.ref(
                    "property_complaint.satisfaction_satisfied"
                ).id,
                "answered_by": "Mr Zhang",
            },
        )
        self.assertRpcRefused(
            "property.complaint.callback", "action_done", [callback.id]
        )
        self.assertEqual(self._callback_state(callback)[0], "todo")
        self.rpc(
            "property.complaint.callback",
            "write",
            [callback.id],
            {"signature": SIGNATURE},
        )
        with freeze_time("2025-03-10 03:00:00"):
            self.rpc("property.complaint.callback", "action_done", [callback.id])
        self.assertEqual(callback.state, "done")

    def test_c15_phone_callback_needs_no_signature_and_is_timed_now(self):
        callback = self._communicated().callback_ids
        self.rpc_as(self.agent)
        # the form proposes now as soon as the method is chosen
        with freeze_time("2025-03-10 03:00:00"):
            onchange = self.rpc(
                "property.complaint.callback",
                "onchange",
                [callback.id],
                {"method": "phone", "date_done": False, "state": "todo"},
                ["method"],
                {"method": {}, "date_done": {}, "state": {}},
            )
        self.assertEqual(onchange["value"]["date_done"], "2025-03-10 03:00:00")
        self.rpc(
            "property.complaint.callback",
            "write",
            [callback.id],
            {
                "method": "phone",
                "answered_by": "Mr Zhang",
                "satisfaction_id": self.env.ref(
                    "property_complaint.satisfaction_satisfied"
                ).id,
            },
        )
        with freeze_time("2025-03-10 03:00:00"):
            result = self.rpc(
                "property.complaint.callback", "action_done", [callback.id]
            )
        self.assertTrue(result)
        self.assertEqual(callback.state, "done")
        self.assertEqual(str(callback.date_done), "2025-03-10 03:00:00")
        self.assertEqual(callback.answered_by, "Mr Zhang")
        self.assertFalse(callback.signature)

    def test_c17_dissatisfied_callback_announces_the_second_complaint(self):
        complaint = self._communicated()
        callback = complaint.callback_ids
        self.rpc_as(self.agent)
        self.rpc(
            "property.complaint.callback",
            "write",
            [callback.id],
            {
                "method": "phone",
                "answered_by": "Mr Zhang",
                "satisfaction_id": self.env.ref(
                    "property_complaint.satisfaction_very_dissatisfied"
                ).id,
                "comments": "The leak came back.",
            },
        )
        with freeze_time("2025-03-10 03:00:00"):
            action = self.rpc(
                "property.complaint.callback", "action_done", [callback.id]
            )
        second = callback.second_complaint_id
        self.assertTrue(second)
        # a message to the agent, naming the second complaint
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn(second.name, action["params"]["message"])
        self.assertRegex(action["params"]["title"], r"[\u4e00-\u9fff]")
        # and a chatter line on both complaints
        for record in (complaint, second):
            bodies = " ".join(record.message_ids.mapped("body"))
            self.assertIn(second.name, bodies, record.name)
            self.assertIn(complaint.name, bodies, record.name)

    # ------------------------------------------------------------------
    # C11: dispatch
    # ------------------------------------------------------------------
    def test_c11_dispatch_refused_outside_the_site_departments(self):
        self.site.complaint_department_ids = [Command.set(self.dep_engineering.ids)]
        complaint = self._new_complaint()
        self.rpc_as(self.agent)
        wizard = self._wizard(complaint, self.dep_security, self.handler2)
        self.assertRpcRefused("property.complaint.dispatch", "action_confirm", [wizard])
        # a handler of another department is refused too
        wizard = self._wizard(complaint, self.dep_engineering, self.handler2)
        self.assertRpcRefused("property.complaint.dispatch", "action_confirm", [wizard])
        # nothing written
        complaint.invalidate_recordset()
        self.assertFalse(complaint.transfer_ids)
        self.assertFalse(complaint.handler_id)
        self.assertFalse(
            complaint.activity_ids.filtered(
                lambda a: a.activity_type_id == self.handle_type
            )
        )

    def test_c11_dispatch_lists_the_site_departments_and_their_handlers(self):
        self.site.complaint_department_ids = [Command.set(self.dep_engineering.ids)]
        complaint = self._new_complaint()
        self.rpc_as(self.agent)
        wizard = self._wizard(complaint, self.dep_engineering, self.handler)
        data = self.rpc(
            "property.complaint.dispatch",
            "read",
            [wizard],
            ["allowed_department_ids", "allowed_handler_ids"],
        )[0]
        self.assertEqual(data["allowed_department_ids"], self.dep_engineering.ids)
        self.assertIn(self.handler.id, data["allowed_handler_ids"])
        self.assertNotIn(self.handler2.id, data["allowed_handler_ids"])
        self.assertNotIn(self.head.id, data["allowed_handler_ids"])
        self.rpc("property.complaint.dispatch", "action_confirm", [wizard])
        self.assertEqual(complaint.handler_id, self.handler)

    def test_c11_transfer_to_the_same_handler_makes_no_second_activity(self):
        complaint = self._new_complaint()
        self.rpc_as(self.agent)
        wizard = self._wizard(complaint, self.dep_engineering, self.handler)
        self.rpc("property.complaint.dispatch", "action_confirm", [wizard])
        wizard = self._wizard(
            complaint, self.dep_engineering, self.handler, reason="Same team"
        )
        self.rpc("property.complaint.dispatch", "action_confirm", [wizard])
        complaint.invalidate_recordset()
        self.assertEqual(len(complaint.transfer_ids), 2)
        activities = complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == self.handle_type
        )
        self.assertEqual(activities.user_id, self.handler)
        self.assertEqual(len(activities), 1)
        # a transfer to another handler moves the activity
        wizard = self._wizard(
            complaint, self.dep_security, self.handler2, reason="Gate matter"
        )
        self.rpc("property.complaint.dispatch", "action_confirm", [wizard])
        complaint.invalidate_recordset()
        activities = complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == self.handle_type
        )
        self.assertEqual(activities.user_id, self.handler2)
        self.assertEqual(len(activities), 1)
