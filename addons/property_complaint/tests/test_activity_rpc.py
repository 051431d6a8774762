"""The to-dos of a complaint, over JSON-RPC as customer service, the handler and the
department head: after each step exactly one to-do, to the right user; none twice on a
repeated call; the old one marked done when the complaint moves on (C11, C13, C15,
C17, C27). One dispatcher, ``_activity_update()``, knows them all; a context key a
client sends switches none of them off."""

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcError, RpcMixin

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestActivityRpc(RpcMixin, HttpCase, ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        ref = cls.env.ref
        cls.handle_type = ref("property_complaint.mail_activity_type_complaint_handle")
        cls.answer_type = ref("property_complaint.mail_activity_type_complaint_answer")
        cls.class1_type = ref("property_complaint.mail_activity_type_complaint_class1")
        cls.escalation_type = ref(
            "property_complaint.mail_activity_type_complaint_escalation"
        )
        cls.second_type = ref("property_complaint.mail_activity_type_complaint_second")

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def _todos(self, record, activity_type=None):
        """The open to-dos of ``record`` (of ``activity_type``): [(type, user)]."""
        record.invalidate_recordset()
        activities = record.sudo().activity_ids
        if activity_type:
            activities = activities.filtered(
                lambda a: a.activity_type_id == activity_type
            )
        return sorted(
            (a.activity_type_id.name, a.user_id.login) for a in activities.sorted("id")
        )

    def _done(self, record, activity_type):
        """How many to-dos of ``activity_type`` were marked done on ``record``."""
        return self.env["mail.message"].search_count(
            [
                ("model", "=", record._name),
                ("res_id", "=", record.id),
                ("mail_activity_type_id", "=", activity_type.id),
            ]
        )

    def _register(self, context=None, **vals):
        with freeze_time("2025-03-03 02:00:00"):
            complaint_id = self.rpc(
                "property.complaint",
                "create",
                self._complaint_vals(**vals),
                context=context,
            )
        return self.env["property.complaint"].browse(complaint_id)

    def _rpc_dispatch(self, complaint, department, handler, reason=False):
        wizard = self.rpc(
            "property.complaint.dispatch",
            "create",
            {
                "complaint_id": complaint.id,
                "department_id": department.id,
                "handler_id": handler.id,
                "reason": reason,
            },
        )
        return self.rpc("property.complaint.dispatch", "action_confirm", [wizard])

    def _update_twice(self, records):
        """The dispatcher called again, twice: no to-do is created, replaced or done."""
        Activity = self.env["mail.activity"].sudo()
        before = Activity.search([]).ids
        records._activity_update()
        records._activity_update()
        self.assertEqual(Activity.search([]).ids, before, "a to-do was created twice")

    # ------------------------------------------------------------------
    # C13: no client context key switches the class-1 notice off
    # ------------------------------------------------------------------
    def test_c13_client_context_key_does_not_switch_off_the_class1_notice(self):
        self.rpc_as(self.agent)
        # the key a client could send to switch the notice off is ignored
        complaint = self._register(
            context={
                "property_complaint_no_notify": True,
                "mail_activity_automation_skip": True,
            },
            fact_media=True,
        )
        self.assertEqual(complaint.complaint_class, "1")
        self.assertTrue(complaint.date_class1_notified)
        expected = [
            (self.class1_type.name, self.cs_manager.login),
            (self.class1_type.name, self.quality.login),
        ]
        self.assertEqual(self._todos(complaint), expected)
        # the dispatcher is the server's: no client calls it
        with self.assertRaises(RpcError) as caught:
            self.rpc("property.complaint", "_activity_update", complaint.ids)
        self.assertEqual(caught.exception.name, "odoo.exceptions.AccessError")
        # a later write, a repeated call: nothing twice
        self.rpc(
            "property.complaint",
            "write",
            complaint.ids,
            {"fact_lawsuit": True},
            context={"property_complaint_no_notify": True},
        )
        self._update_twice(complaint)
        self.assertEqual(self._todos(complaint), expected)

    def test_c13_fact_written_later_notifies_once(self):
        self.rpc_as(self.agent)
        complaint = self._register()
        self.assertEqual(complaint.complaint_class, "3")
        self.assertFalse(self._todos(complaint))
        # class 1 once the fact is recorded, whatever the context the client sends
        self.rpc(
            "property.complaint",
            "write",
            complaint.ids,
            {"fact_injury_loss": True},
            context={"property_complaint_no_notify": True},
        )
        complaint.invalidate_recordset()
        self.assertEqual(complaint.complaint_class, "1")
        self.assertEqual(len(self._todos(complaint, self.class1_type)), 2)
        # the manager marks the notice read: it is not scheduled again
        complaint.activity_ids.filtered(
            lambda a: a.user_id == self.cs_manager
        ).with_user(self.cs_manager).action_feedback()
        self.rpc("property.complaint", "write", complaint.ids, {"fact_media": True})
        self._update_twice(complaint)
        self.assertEqual(
            self._todos(complaint, self.class1_type),
            [(self.class1_type.name, self.quality.login)],
        )

    # ------------------------------------------------------------------
    # C11: the handler's to-do through the steps
    # ------------------------------------------------------------------
    def test_c11_handler_todo_follows_the_steps(self):
        self.rpc_as(self.agent)
        complaint = self._register()
        self.assertFalse(self._todos(complaint))
        # refused first: a dispatch to someone who is no handler creates nothing
        wizard = self.rpc(
            "property.complaint.dispatch",
            "create",
            {
                "complaint_id": complaint.id,
                "department_id": self.dep_engineering.id,
                "handler_id": self.quality.id,
            },
        )
        self.assertRpcRefused("property.complaint.dispatch", "action_confirm", [wizard])
        self.assertFalse(self._todos(complaint))
        self.assertFalse(complaint.handler_id)
        # dispatched: exactly one to-do, the handler's
        self._rpc_dispatch(complaint, self.dep_engineering, self.handler)
        self.assertEqual(
            self._todos(complaint), [(self.handle_type.name, self.handler.login)]
        )
        # refused: accepting again; nothing twice
        self.assertRpcRefused("property.complaint", "action_accept", complaint.ids)
        self._update_twice(complaint)
        self.assertEqual(
            self._todos(complaint), [(self.handle_type.name, self.handler.login)]
        )
        # transferred: the to-do moves to the new handler (the old one is removed)
        self._rpc_dispatch(
            complaint, self.dep_security, self.handler2, reason="Gate matter"
        )
        self.assertEqual(
            self._todos(complaint), [(self.handle_type.name, self.handler2.login)]
        )
        self.assertEqual(complaint.activity_ids.note, "<p>Gate matter</p>")
        self.assertEqual(self._done(complaint, self.handle_type), 0)
        # the handler submits the resolution: the to-do is done, none is left
        self.rpc_as(self.handler2)
        self.rpc(
            "property.complaint",
            "write",
            complaint.ids,
            {"resolution": "<p>Gate fixed.</p>"},
        )
        self.rpc("property.complaint", "action_submit_resolution", complaint.ids)
        self.assertFalse(self._todos(complaint))
        self.assertEqual(self._done(complaint, self.handle_type), 1)
        self._update_twice(complaint)
        self.assertFalse(self._todos(complaint))

    # ------------------------------------------------------------------
    # C15: the callback's to-do
    # ------------------------------------------------------------------
    def _resolved(self):
        """A valid complaint, dispatched and resolved, its result ready to tell."""
        complaint = self._new_complaint(validity_reason="Leak confirmed")
        with freeze_time("2025-03-03 02:10:00"):
            self._dispatch(complaint, self.dep_engineering, self.handler)
        complaint.with_user(self.agent).write(
            {
                "resolution": "<p>Pipe replaced.</p>",
                "result_summary": "The leak is fixed.",
                "result_solution": "Pipe replaced.",
                "result_prevention": "Quarterly checks.",
                "result_method": "phone",
            }
        )
        complaint.with_user(self.agent).action_confirm_valid()
        return complaint

    def test_c15_callback_todo_for_the_agent_until_recorded(self):
        complaint = self._resolved()
        self.rpc_as(self.agent)
        with freeze_time("2025-03-05 02:00:00"):
            self.rpc("property.complaint", "action_communicate_result", complaint.ids)
        # the handler's to-do is done, the agent has the callback's
        self.assertFalse(self._todos(complaint))
        callback = complaint.callback_ids
        self.assertEqual(len(callback), 1)
        callback.invalidate_recordset()
        todos = callback.sudo().activity_ids
        self.assertEqual(todos.user_id, self.agent)
        self.assertEqual(todos.date_deadline, callback.date_due)
        self._update_twice(callback)
        # given to another agent: the to-do follows, one only
        self.rpc(
            "property.complaint.callback",
            "write",
            callback.ids,
            {"user_id": self.supervisor.id},
        )
        callback.invalidate_recordset()
        self.assertEqual(callback.sudo().activity_ids.user_id, self.supervisor)
        self.rpc(
            "property.complaint.callback",
            "write",
            callback.ids,
            {"user_id": self.agent.id},
        )
        callback.invalidate_recordset()
        self.assertEqual(callback.sudo().activity_ids.user_id, self.agent)
        # refused first: recorded without satisfaction, the to-do stays
        self.assertRpcRefused(
            "property.complaint.callback", "action_done", callback.ids
        )
        self.assertEqual(len(callback.sudo().activity_ids), 1)
        self.rpc(
            "property.complaint.callback",
            "write",
            callback.ids,
            {
                "method": "phone",
                "answered_by": "Mr Zhang",
                "satisfaction_id": self.env.ref(
                    "property_complaint.satisfaction_satisfied"
                ).id,
            },
        )
        with freeze_time("2025-03-10 02:00:00"):
            self.rpc("property.complaint.callback", "action_done", callback.ids)
        callback.invalidate_recordset()
        self.assertFalse(callback.sudo().activity_ids)
        self.assertEqual(
            self._done(callback, self.env.ref("mail.mail_activity_data_todo")), 1
        )

    def test_c16_exempted_callback_removes_the_todo(self):
        complaint = self._resolved()
        with freeze_time("2025-03-05 02:00:00"):
            complaint.with_user(self.agent).action_communicate_result()
        callback = complaint.callback_ids
        self.assertEqual(callback.sudo().activity_ids.user_id, self.agent)
        # refused first: an agent does not exempt; the to-do stays
        self.rpc_as(self.agent)
        self.rpc(
            "property.complaint.callback",
            "write",
            callback.ids,
            {"exemption_reason": "no_contact"},
        )
        self.assertRpcRefused(
            "property.complaint.callback", "action_exempt", callback.ids
        )
        callback.invalidate_recordset()
        self.assertEqual(callback.state, "todo")
        self.assertEqual(callback.sudo().activity_ids.user_id, self.agent)
        # the supervisor exempts it: no callback, no to-do (removed, not done)
        self.rpc_as(self.supervisor)
        self.rpc("property.complaint.callback", "action_exempt", callback.ids)
        callback.invalidate_recordset()
        self.assertEqual(callback.state, "exempted")
        self.assertFalse(callback.sudo().activity_ids)
        self.assertEqual(
            self._done(callback, self.env.ref("mail.mail_activity_data_todo")), 0
        )
        self._update_twice(callback)

    # ------------------------------------------------------------------
    # C27: the department head of an online complaint
    # ------------------------------------------------------------------
    def test_c27_department_head_todo_follows_the_registration(self):
        self.rpc_as(self.agent)
        complaint = self._register(
            channel_id=self.channel_online.id,
            complained_department_id=self.dep_security.id,
        )
        self.assertEqual(
            self._todos(complaint), [(self.answer_type.name, self.head.login)]
        )
        # another field written, a repeated call: nothing twice
        self.rpc(
            "property.complaint", "write", complaint.ids, {"summary": "Rude guard"}
        )
        self._update_twice(complaint)
        self.assertEqual(
            self._todos(complaint), [(self.answer_type.name, self.head.login)]
        )
        # refused first: a handler of another department does not answer; nothing done
        self.rpc_as(self.handler)
        self.assertRpcRefused(
            "property.complaint", "action_record_department_answer", complaint.ids
        )
        self.assertEqual(
            self._todos(complaint), [(self.answer_type.name, self.head.login)]
        )
        # the department complained about corrected: the head's to-do is removed
        self.rpc_as(self.agent)
        self.rpc(
            "property.complaint",
            "write",
            complaint.ids,
            {"complained_department_id": self.dep_engineering.id},
        )
        self.assertFalse(self._todos(complaint))
        self.rpc(
            "property.complaint",
            "write",
            complaint.ids,
            {"complained_department_id": self.dep_security.id},
        )
        self.assertEqual(
            self._todos(complaint), [(self.answer_type.name, self.head.login)]
        )
        # the head answers: the to-do is done
        self.rpc_as(self.head)
        self.rpc(
            "property.complaint",
            "write",
            complaint.ids,
            {
                "department_answer_facts": "The guard was rude.",
                "department_answer_measures": "Training next week.",
            },
        )
        self.rpc("property.complaint", "action_record_department_answer", complaint.ids)
        self.assertFalse(self._todos(complaint))
        self.assertEqual(self._done(complaint, self.answer_type), 1)
        self._update_twice(complaint)

    # ------------------------------------------------------------------
    # C13: the escalation to-do moves up the ladder
    # ------------------------------------------------------------------
    def test_c13_escalation_todo_moves_up_the_ladder(self):
        complaint = self._new_complaint()
        with freeze_time("2025-03-03 02:10:00"):
            self._dispatch(complaint, self.dep_engineering, self.handler)
        Complaint = self.env["property.complaint"]
        with freeze_time("2025-03-03 04:00:00"):
            Complaint._cron_escalate()
            Complaint._cron_escalate()
        self.assertEqual(
            self._todos(complaint, self.escalation_type),
            [(self.escalation_type.name, self.supervisor.login)],
        )
        self._update_twice(complaint)
        with freeze_time("2025-03-04 04:00:00"):
            Complaint._cron_escalate()
        # the manager takes over, the supervisor's to-do is done
        self.assertEqual(
            self._todos(complaint, self.escalation_type),
            [(self.escalation_type.name, self.cs_manager.login)],
        )
        self.assertEqual(self._done(complaint, self.escalation_type), 1)
        # the handler's to-do stays beside it
        self.assertEqual(len(self._todos(complaint, self.handle_type)), 1)
        # resolved: every to-do of the handling is done
        self.rpc_as(self.handler)
        self.rpc(
            "property.complaint", "write", complaint.ids, {"resolution": "<p>Done.</p>"}
        )
        with freeze_time("2025-03-04 05:00:00"):
            self.rpc("property.complaint", "action_submit_resolution", complaint.ids)
        self.assertFalse(self._todos(complaint))
        self.assertEqual(self._done(complaint, self.escalation_type), 2)

    # ------------------------------------------------------------------
    # C17: the supervisors take the second complaint in hand
    # ------------------------------------------------------------------
    def test_c17_second_complaint_todo_until_accepted(self):
        complaint = self._resolved()
        with freeze_time("2025-03-05 02:00:00"):
            complaint.with_user(self.agent).action_communicate_result()
        with freeze_time("2025-03-10 02:00:00"):
            self._callback_done(
                complaint, "property_complaint.satisfaction_very_dissatisfied"
            )
        second = complaint.sudo().second_complaint_ids
        self.assertEqual(len(second), 1)
        self.assertEqual(
            self._todos(second), [(self.second_type.name, self.supervisor.login)]
        )
        self._update_twice(second)
        # customer service accepts it: the supervisor's to-do is done
        self.rpc_as(self.agent)
        with freeze_time("2025-03-10 03:00:00"):
            self.rpc("property.complaint", "action_accept", second.ids)
        self.assertFalse(self._todos(second))
        self.assertEqual(self._done(second, self.second_type), 1)
