"""K12, issue #23: the employee reads the submitted assessment and signs it, or appeals
it with a comment within the company's days after the submission; the level above the
approver (a scoring manager who is neither the assessor, the approver nor the
employee) decides on the suite's approval mechanism: upheld, the assessment goes back
to the assessor with the comment; rejected, it stands; a decided appeal closes the
matter. Over JSON-RPC as the employee, a colleague, the assessor, the approver and the
scoring managers; the refused case first, and that nothing was written."""

from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import KpiCase
from .test_todo_dispatch_rpc import TodoMixin

SUBMITTED = datetime(2025, 4, 2, 9, 0)
COMMENT = "The late arrival of 12 March was a shift swap approved by the leader."


@tagged("post_install", "-at_install")
class TestAppealRpc(TodoMixin, RpcMixin, HttpCase, KpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")
        cls.env.company.property_staff_kpi_appeal_days = 3
        # the to-dos are written in the assignee's language
        (cls.user_agent | cls.user_trainer | cls.user_supervisor).write(
            {"lang": "zh_CN"}
        )
        cls.Appeal = cls.env["property.kpi.appeal"]

    def _submitted(self, employee=None):
        """An assessment submitted by its assessor at ``SUBMITTED``."""
        assessment = self.assess(employee or self.emp_agent)
        with freeze_time(SUBMITTED):
            assessment.with_user(assessment.assessor_user_id).action_submit()
        return assessment

    def _state(self, assessment):
        self.env.invalidate_all()
        return (
            assessment.state,
            assessment.employee_status,
            assessment.signed_date,
            assessment.signed_user_id,
            assessment.appeal_ids,
        )

    def _waits(self, assessments):
        """``waits_for_employee`` of ``assessments`` as the logged-in user reads it."""
        return [
            row["waits_for_employee"]
            for row in self.rpc(
                "property.kpi.assessment",
                "read",
                [a.id for a in assessments],
                ["waits_for_employee"],
            )
        ]

    def _appeal_as_employee(self, assessment, when=SUBMITTED + timedelta(days=1)):
        with freeze_time(when):
            self.rpc_as(assessment.employee_user_id)
            self.rpc(
                "property.kpi.assessment",
                "action_appeal",
                assessment.ids,
                comment=COMMENT,
            )
        self.env.invalidate_all()
        return assessment.appeal_ids

    # ------------------------------------------------------------------ signing
    def test_k12_colleague_neither_signs_nor_appeals(self):
        assessment = self._submitted()
        before = self._state(assessment)
        self.assertEqual(before[1], "to_sign")
        # refused: a colleague, the assessor and a manager sign nothing for the employee
        for user in (self.user_agent2, self.user_trainer, self.user_manager):
            self.rpc_as(user)
            with freeze_time(SUBMITTED + timedelta(hours=2)):
                self.assertRpcRefused(
                    "property.kpi.assessment", "action_sign", assessment.ids
                )
                self.assertRpcRefused(
                    "property.kpi.assessment",
                    "action_appeal",
                    assessment.ids,
                    comment=COMMENT,
                )
            self.assertEqual(self._state(assessment), before, "nothing written")
        self.assertFalse(
            self.Appeal.search([("assessment_id", "=", assessment.id)]),
            "no appeal recorded",
        )

    def test_k12_approver_confirms_after_the_signature_or_the_appeal_days(self):
        signed = self._submitted()
        waiting = self._submitted(self.emp_agent2)
        self.assertEqual(waiting.appeal_deadline, SUBMITTED + timedelta(days=3))
        before = [self._state(signed), self._state(waiting)]
        # refused: the approver, or a scoring manager, confirming while the employee
        # has neither signed nor let the days to appeal pass; nothing written
        with freeze_time(SUBMITTED + timedelta(days=1)):
            for user in (self.user_supervisor, self.user_manager_2):
                self.rpc_as(user)
                error = self.assertRpcRefused(
                    "property.kpi.assessment", "action_confirm", signed.ids
                )
                self.assertIn(signed.display_name, error.message)
        with freeze_time(waiting.appeal_deadline - timedelta(minutes=1)):
            self.rpc_as(self.user_supervisor)
            self.assertRpcRefused(
                "property.kpi.assessment", "action_confirm", waiting.ids
            )
        self.assertEqual([self._state(signed), self._state(waiting)], before)
        # the approver's form shows no Confirm button while the employee has their say
        self.rpc_as(self.user_supervisor)
        form = self.rpc("property.kpi.assessment", "get_views", [[False, "form"]])
        self.assertRegex(
            form["views"]["form"]["arch"],
            r'name="action_confirm"[^>]*invisible="[^"]*waits_for_employee',
        )
        with freeze_time(SUBMITTED + timedelta(days=1)):
            self.assertEqual(self._waits([signed, waiting]), [True, True])
        # the employee signs: the approver confirms
        with freeze_time(SUBMITTED + timedelta(days=1)):
            self.rpc_as(self.user_agent)
            self.rpc("property.kpi.assessment", "action_sign", signed.ids)
            self.rpc_as(self.user_supervisor)
            self.assertEqual(self._waits([signed, waiting]), [False, True])
            self.rpc("property.kpi.assessment", "action_confirm", signed.ids)
        # the days to appeal are over: confirmed without the signature
        with freeze_time(waiting.appeal_deadline + timedelta(minutes=1)):
            self.assertEqual(self._waits([waiting]), [False])
            self.rpc("property.kpi.assessment", "action_confirm", waiting.ids)
        self.env.invalidate_all()
        self.assertEqual((signed.state, waiting.state), ("confirmed", "confirmed"))
        self.assertFalse(waiting.signed_date)

    def test_k12_employee_signs_the_submitted_assessment(self):
        assessment = self._submitted()
        sign_todo = (self.user_agent, "阅读并签署考核")
        self.assertIn(sign_todo, self.todos(assessment))
        self.rpc_as(self.user_agent)
        # the employee reads their assessment and may sign it, not confirm it
        read = self.rpc(
            "property.kpi.assessment",
            "read",
            assessment.ids,
            ["can_sign", "can_appeal", "employee_status"],
        )[0]
        self.assertTrue(read["can_sign"])
        self.assertEqual(read["employee_status"], "to_sign")
        self.assertRpcRefused(
            "property.kpi.assessment", "action_confirm", assessment.ids
        )
        # refused: the signature is the action's, never written by the client
        self.assertRpcRefused(
            "property.kpi.assessment",
            "write",
            assessment.ids,
            {"signed_date": "2025-04-02 10:00:00"},
        )
        self.assertFalse(self._state(assessment)[2], "nothing written")
        with freeze_time(SUBMITTED + timedelta(hours=3)):
            self.rpc("property.kpi.assessment", "action_sign", assessment.ids)
        state, status, signed_date, signed_user, _appeals = self._state(assessment)
        self.assertEqual((state, status), ("submitted", "signed"))
        self.assertEqual(signed_date, SUBMITTED + timedelta(hours=3))
        self.assertEqual(signed_user, self.user_agent)
        self.assertNotIn(sign_todo, self.todos(assessment))
        # signed: neither a second signature nor an appeal
        self.assertRpcRefused("property.kpi.assessment", "action_sign", assessment.ids)
        with freeze_time(SUBMITTED + timedelta(hours=4)):
            self.assertRpcRefused(
                "property.kpi.assessment",
                "action_appeal",
                assessment.ids,
                comment=COMMENT,
            )
        self.assertFalse(self._state(assessment)[4], "no appeal recorded")
        # the printed assessment shows the signature line filled
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "property_staff_kpi.action_report_kpi_assessment", assessment.ids
            )[0]
            .decode()
        )
        self.assertIn(self.user_agent.name, html)
        self.assertIn("2025", html)
        # the list filter "Signed" finds it
        self.rpc_as(self.user_trainer)
        found = self.rpc(
            "property.kpi.assessment",
            "search",
            [("employee_status", "=", "signed"), ("id", "=", assessment.id)],
        )
        self.assertEqual(found, assessment.ids)

    # ------------------------------------------------------------------ appealing
    def test_k12_appeal_after_the_deadline_refused(self):
        assessment = self._submitted()
        before = self._state(assessment)
        self.rpc_as(self.user_agent)
        late = SUBMITTED + timedelta(days=3, minutes=1)
        with freeze_time(late):
            self.assertRpcRefused(
                "property.kpi.assessment",
                "action_appeal",
                assessment.ids,
                comment=COMMENT,
            )
            # an empty comment is refused as well
            self.assertRpcRefused(
                "property.kpi.assessment",
                "action_appeal",
                assessment.ids,
                comment="  ",
            )
        self.assertEqual(self._state(assessment), before, "nothing written")
        # the days are the company's setting: with five days, the same moment is in time
        self.env.company.property_staff_kpi_appeal_days = 5
        appeal = self._appeal_as_employee(assessment, when=late)
        self.assertEqual(appeal.decision, "pending")
        self.assertEqual(assessment.appeal_deadline, SUBMITTED + timedelta(days=5))

    def test_k12_appeal_upheld_goes_back_to_the_assessor(self):
        # the trainer's assessment is approved by a scoring manager (user_manager):
        # the appeal goes to the other scoring managers
        assessment = self._submitted(self.emp_trainer)
        self.assertEqual(assessment.approver_user_id, self.user_manager)
        appeal = self._appeal_as_employee(assessment)
        self.assertEqual(len(appeal), 1)
        self.assertEqual(appeal.comment, COMMENT)
        self.assertEqual(appeal.decision, "pending")
        self.assertEqual(assessment.employee_status, "appealed")
        self.assertIn(self.user_manager_2, appeal.reviewer_user_ids)
        self.assertNotIn(self.user_manager, appeal.reviewer_user_ids)
        before = self._state(assessment)
        # refused: the approver deciding the appeal of their own assessment, the
        # employee deciding their own appeal, the approver confirming or sending back
        # the appealed assessment, and a second appeal
        self.rpc_as(self.user_manager)
        for method in ("action_approval_approve", "action_approval_refuse"):
            self.assertRpcRefused("property.kpi.appeal", method, appeal.ids)
        for method in ("action_confirm", "action_send_back"):
            self.assertRpcRefused("property.kpi.assessment", method, assessment.ids)
        self.rpc_as(self.user_trainer)
        self.assertRpcRefused(
            "property.kpi.appeal", "action_approval_approve", appeal.ids
        )
        self.assertRpcRefused(
            "property.kpi.assessment",
            "action_appeal",
            assessment.ids,
            comment="Again",
        )
        self.assertEqual(self._state(assessment), before, "nothing written")
        self.assertEqual(appeal.decision, "pending")
        # the level above decides: upheld, back to the assessor with the comment
        self.rpc_as(self.user_manager_2)
        self.rpc(
            "property.kpi.appeal",
            "action_approval_approve",
            appeal.ids,
            comment="Checked with the roster.",
        )
        self.env.invalidate_all()
        self.assertEqual(appeal.decision, "upheld")
        self.assertEqual(appeal.decided_user_id, self.user_manager_2)
        self.assertEqual(assessment.state, "draft")
        self.assertEqual(assessment.employee_status, "upheld")
        self.assertTrue(
            any(
                COMMENT in (body or "")
                for body in assessment.message_ids.mapped("body")
            ),
            "the employee's comment goes to the assessor",
        )
        todos = self.todos(assessment)
        self.assertIn(self.user_supervisor, [user for user, _summary in todos])
        self.assertFalse(self.todos(appeal), "the reviewers' to-dos are closed")
        # a decided appeal closes the matter: resubmitted, the employee signs only
        with freeze_time(SUBMITTED + timedelta(days=2)):
            assessment.with_user(self.user_supervisor).action_submit()
        self.rpc_as(self.user_trainer)
        with freeze_time(SUBMITTED + timedelta(days=2, hours=1)):
            self.assertRpcRefused(
                "property.kpi.assessment",
                "action_appeal",
                assessment.ids,
                comment="Again",
            )
            self.assertEqual(len(assessment.appeal_ids), 1, "no second appeal")
            self.rpc("property.kpi.assessment", "action_sign", assessment.ids)
        self.env.invalidate_all()
        self.assertEqual(assessment.employee_status, "signed")

    def test_k12_appeal_rejected_stands_and_is_locked(self):
        assessment = self._submitted()
        # the employee appeals through the form's dialog
        with freeze_time(SUBMITTED + timedelta(days=1)):
            self.rpc_as(self.user_agent)
            wizard = self.rpc(
                "property.kpi.appeal.wizard",
                "create",
                {"assessment_id": assessment.id, "comment": COMMENT},
            )
            self.rpc("property.kpi.appeal.wizard", "action_appeal", [wizard])
        self.env.invalidate_all()
        appeal = assessment.appeal_ids
        self.assertEqual(appeal.decision, "pending")
        # refused: the approver of the assessment (not a scoring manager) and a
        # colleague decide nothing, and the colleague does not even read the appeal
        before = self._state(assessment)
        for user in (self.user_supervisor, self.user_agent2, self.user_agent):
            self.rpc_as(user)
            self.assertRpcRefused(
                "property.kpi.appeal", "action_approval_refuse", appeal.ids
            )
        self.rpc_as(self.user_agent2)
        self.assertRpcRefused("property.kpi.appeal", "read", appeal.ids, ["comment"])
        self.assertEqual(self._state(assessment), before, "nothing written")
        # rejected by a scoring manager: the assessment stands as submitted
        self.rpc_as(self.user_manager)
        self.rpc(
            "property.kpi.appeal",
            "action_approval_refuse",
            appeal.ids,
            comment="The roster shows no swap.",
        )
        self.env.invalidate_all()
        self.assertEqual(appeal.decision, "rejected")
        self.assertEqual(appeal.decision_comment, "The roster shows no swap.")
        self.assertEqual(
            (assessment.state, assessment.employee_status), ("submitted", "rejected")
        )
        # decided: neither a second decision nor a second appeal; the approver
        # confirms now
        self.rpc_as(self.user_manager_2)
        self.assertRpcRefused(
            "property.kpi.appeal", "action_approval_approve", appeal.ids
        )
        self.rpc_as(self.user_agent)
        with freeze_time(SUBMITTED + timedelta(days=2)):
            self.assertRpcRefused(
                "property.kpi.assessment",
                "action_appeal",
                assessment.ids,
                comment="Again",
            )
        self.assertEqual(len(assessment.appeal_ids), 1)
        self.rpc_as(self.user_supervisor)
        self.rpc("property.kpi.assessment", "action_confirm", assessment.ids)
        self.env.invalidate_all()
        self.assertEqual(assessment.state, "confirmed")
        # the appeal is kept: nobody deletes it
        self.rpc_as(self.user_manager)
        self.assertRpcRefused("property.kpi.appeal", "unlink", appeal.ids)
        self.assertTrue(appeal.exists())
