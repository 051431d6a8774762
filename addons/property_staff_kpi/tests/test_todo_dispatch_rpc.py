"""One to-do dispatcher per model (issue #17, anchor: hr_holidays'
``activity_update``): the assessment's and the discipline's ``_activity_update()``
and the time off's ``activity_update()``. Over JSON-RPC, as the assessor, the
approver, the employee and the direct manager: after each step the open to-dos are
exactly the expected ones (one, to the right user, in the user's language), none
twice on a repeated step or a repeated dispatch. The refused case first, and that
nothing was written."""

from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import KpiCase
from .test_leave_rules import FRIDAY, LeaveCase

TODO = "mail.mail_activity_data_todo"


class TodoMixin:
    def todos(self, record):
        """The open to-dos of ``record``: [(user, summary)], sorted."""
        self.env.invalidate_all()
        todo = self.env.ref(TODO)
        return self.in_order(
            (a.user_id, a.summary)
            for a in record.activity_ids
            if a.activity_type_id == todo
        )

    def in_order(self, pairs):
        return sorted(pairs, key=lambda pair: (pair[0].id, pair[1]))


@tagged("post_install", "-at_install")
class TestAssessmentTodosRpc(TodoMixin, RpcMixin, HttpCase, KpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")
        (cls.user_trainer | cls.user_supervisor | cls.user_agent).write(
            {"lang": "zh_CN"}
        )

    def test_k10_assessment_todos_follow_the_steps(self):
        assessment = self.assess(self.emp_agent)
        score = [(self.user_trainer, "进行本月考核")]
        self.assertEqual(self.todos(assessment), score)
        # refused: the employee submits nothing, and no to-do moves
        self.rpc_as(self.user_agent)
        self.assertRpcRefused(
            "property.kpi.assessment", "action_submit", assessment.ids
        )
        self.assertEqual(assessment.state, "draft", "nothing written")
        self.assertEqual(self.todos(assessment), score)
        # a repeated dispatch schedules nothing twice
        assessment._activity_update()
        self.assertEqual(self.todos(assessment), score)
        # submitted: the approver's to-do only
        self.rpc_as(self.user_trainer)
        self.rpc("property.kpi.assessment", "action_submit", assessment.ids)
        # and the employee's, to read and sign (issue #23)
        confirm = self.in_order(
            [(self.user_supervisor, "确认考核"), (self.user_agent, "阅读并签署考核")]
        )
        self.assertEqual(self.todos(assessment), confirm)
        # a repeated submit is refused and leaves the one to-do
        self.assertRpcRefused(
            "property.kpi.assessment", "action_submit", assessment.ids
        )
        assessment._activity_update()
        self.assertEqual(self.todos(assessment), confirm)
        # sent back: the assessor revises
        self.rpc_as(self.user_supervisor)
        self.rpc("property.kpi.assessment", "action_send_back", assessment.ids)
        self.assertEqual(self.todos(assessment), [(self.user_trainer, "修改考核")])
        # submitted again: one to-do of the approver, not two
        self.rpc_as(self.user_trainer)
        self.rpc("property.kpi.assessment", "action_submit", assessment.ids)
        self.assertEqual(self.todos(assessment), confirm)
        # confirmed: no to-do left, and a dispatch adds none
        self.rpc_as(self.user_supervisor)
        with freeze_time(assessment.appeal_deadline + timedelta(minutes=1)):
            self.rpc("property.kpi.assessment", "action_confirm", assessment.ids)
        sign = [(self.user_agent, "阅读并签署考核")]
        self.assertEqual(self.todos(assessment), sign)
        assessment._activity_update()
        self.assertEqual(self.todos(assessment), sign)
        # signed: no to-do left
        self.rpc_as(self.user_agent)
        self.rpc("property.kpi.assessment", "action_sign", assessment.ids)
        self.assertEqual(self.todos(assessment), [])
        assessment._activity_update()
        self.assertEqual(self.todos(assessment), [])


@tagged("post_install", "-at_install")
class TestDisciplineTodosRpc(TodoMixin, RpcMixin, HttpCase, KpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")
        cls.user_supervisor.lang = "zh_CN"

    def test_k11_discipline_todo_once_per_dismissal(self):
        # two violations on the ladder already: the third one proposes dismissal
        feb = self.assess(self.emp_agent, date(2025, 2, 1))
        self.add(feb, "k03_noise")
        mar = self.assess(self.emp_agent)
        self.add(mar, "k03_desk")
        line = self.add(mar, "k05_absenteeism", approve=False, when=date(2025, 3, 20))
        before = self.todos(mar)
        self.assertEqual(before, [(self.user_trainer, mar.activity_ids.summary)])
        # refused: the employee approves nothing, no discipline and no to-do
        self.rpc_as(self.user_agent)
        self.assertRpcRefused("property.kpi.line", "action_approval_approve", line.ids)
        self.assertEqual(line.state, "proposed", "nothing written")
        self.assertFalse(self._discipline_of(line), "no discipline record")
        self.assertEqual(self.todos(mar), before)
        # approved: one to-do of the approver for the dismissal proposed
        self.rpc_as(self.user_supervisor)
        self.rpc("property.kpi.line", "action_approval_approve", line.ids)
        if line.state == "reviewed":  # K16: the management office approves next
            self.rpc_as(self.user_manager)
            self.rpc("property.kpi.line", "action_approval_approve", line.ids)
        self.assertEqual(line.state, "approved")
        discipline = self._discipline_of(line)
        self.assertEqual(discipline.level, "dismissal")
        dismissal = [(self.user_supervisor, "多次违规，建议辞退")]
        self.assertEqual(self.todos(mar), self.in_order(before + dismissal))
        # a repeated dispatch schedules nothing twice
        discipline._activity_update()
        discipline.sudo()._activity_update()
        self.assertEqual(self.todos(mar), self.in_order(before + dismissal))

    def _discipline_of(self, line):
        self.env.invalidate_all()
        return self.env["property.kpi.discipline"].search([("line_id", "=", line.id)])


@tagged("post_install", "-at_install")
class TestLeaveTodosRpc(TodoMixin, RpcMixin, HttpCase, LeaveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")

    def test_a09_certificate_todo_once_until_received(self):
        with freeze_time("2025-03-06 02:00:00"):
            leave = self.request(self.user_officer, self.sick, day=FRIDAY)
            leave.with_user(self.user_leader).action_approve()
            self.rpc_as(self.user_officer)
            self.rpc("hr.leave", "action_validate", leave.ids)
        self.assertEqual(leave.state, "validate")
        due = [(self.user_agent, "交回医院证明")]
        self.assertEqual(self.todos(leave), due)
        [activity] = leave.activity_ids
        self.assertEqual(activity.date_deadline, date(2025, 3, 10))
        leave.sudo().write(
            {
                "property_certificate_date_from": FRIDAY,
                "property_certificate_date_to": FRIDAY,
            }
        )
        # refused: the employee records no certificate, the to-do stays
        self.rpc_as(self.user_agent)
        self.assertRpcRefused(
            "hr.leave", "action_property_certificate_received", leave.ids
        )
        self.assertEqual(leave.property_certificate_state, "due", "nothing written")
        self.assertEqual(self.todos(leave), due)
        # a repeated dispatch schedules nothing twice
        leave.activity_update()
        leave.sudo().activity_update()
        self.assertEqual(self.todos(leave), due)
        # received by the direct manager: the to-do is done, none is scheduled again
        self.rpc_as(self.user_leader)
        self.rpc("hr.leave", "action_property_certificate_received", leave.ids)
        self.assertEqual(leave.property_certificate_state, "received")
        self.assertEqual(self.todos(leave), [])
        leave.activity_update()
        self.assertEqual(self.todos(leave), [])
        body = leave.message_ids.filtered(lambda m: "已收到医院证明" in (m.body or ""))
        self.assertTrue(body, "the feedback is kept in the chatter")
