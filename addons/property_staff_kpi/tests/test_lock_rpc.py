"""The lock of assessments and their lines (K10, K12, K16), acting as each role over
JSON-RPC (property_base/models/property_integrity_mixin.py): the refused case first, and
that nothing was written or removed."""

import base64

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import KpiCase

FILE = base64.b64encode(b"signed assessment sheet").decode()


@tagged("post_install", "-at_install")
class TestKpiLockRpc(RpcMixin, HttpCase, KpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")

    def _confirmed(self):
        """A confirmed month of the agent (scored by the trainer, approved by the
        supervisor) with one approved line."""
        assessment = self.assess(self.emp_agent)
        line = self.add(assessment, "k03_noise")
        assessment.with_user(self.user_trainer).action_submit()
        assessment.with_user(self.user_agent).action_sign()
        assessment.with_user(self.user_supervisor).action_confirm()
        return assessment, line

    def _line_vals(self, assessment, **vals):
        item = self.item("k02_cover")
        return {
            "assessment_id": assessment.id,
            "item_id": item.id,
            "points": item.points_min,
            "date": str(assessment.date_month),
            "reason": "Covered a colleague's shift",
            **vals,
        }

    def _file(self, record, name="sheet.pdf"):
        return self.rpc(
            "ir.attachment",
            "create",
            {
                "name": name,
                "datas": FILE,
                "res_model": record._name,
                "res_id": record.id,
            },
        )

    def _files(self, record):
        return self.env["ir.attachment"].search_count(
            [("res_model", "=", record._name), ("res_id", "=", record.id)]
        )

    def test_k12_no_line_created_on_a_locked_assessment(self):
        confirmed, _line = self._confirmed()
        submitted = self.assess(self.emp_agent2)
        submitted.with_user(self.user_trainer).action_submit()
        before = self.Line.search_count([])
        self.rpc_as(self.user_trainer)  # the assessor of both
        for assessment in (confirmed, submitted):
            with self.subTest(state=assessment.state):
                self.assertRpcRefused(
                    "property.kpi.line", "create", self._line_vals(assessment)
                )
        self.rpc_as(self.user_agent)  # the employee
        self.assertRpcRefused("property.kpi.line", "create", self._line_vals(confirmed))
        self.assertEqual(self.Line.search_count([]), before, "nothing written")
        # accepted: the assessor proposes a line on a draft month
        draft = self.assess(self.emp_agent, self.month.replace(month=4))
        self.rpc_as(self.user_trainer)
        line_id = self.rpc("property.kpi.line", "create", self._line_vals(draft))
        self.assertEqual(self.Line.browse(line_id).state, "proposed")

    def test_k12_line_of_a_locked_assessment_not_written(self):
        confirmed, line = self._confirmed()
        draft = self.assess(self.emp_agent2)
        approved = self.add(draft, "k03_desk")
        before = (line | approved).read(["points", "reason"])
        for user in (self.user_trainer, self.user_supervisor, self.user_agent):
            self.rpc_as(user)
            for record in (line, approved):
                with self.subTest(
                    user=user.login, line=record.assessment_id.display_name
                ):
                    self.assertRpcRefused(
                        "property.kpi.line",
                        "write",
                        record.ids,
                        {"points": record.points + 1, "reason": "silent edit"},
                    )
            self.assertRpcRefused(
                "property.kpi.assessment",
                "write",
                confirmed.ids,
                {"leader_adjustment": 0, "scheme_id": self.scheme_hundred.id},
            )
        self.env.invalidate_all()
        self.assertEqual(
            (line | approved).read(["points", "reason"]), before, "nothing written"
        )
        self.assertEqual(confirmed.scheme_id, self.scheme, "nothing written")
        # accepted: the assessor changes a proposed line of a draft month
        proposed = self.add(draft, "k02_cover", approve=False)
        self.rpc_as(self.user_trainer)
        self.rpc(
            "property.kpi.line", "write", proposed.ids, {"reason": "Covered two shifts"}
        )
        self.assertEqual(proposed.reason, "Covered two shifts")

    def test_k12_line_of_a_locked_assessment_not_deleted(self):
        _confirmed, line = self._confirmed()
        draft = self.assess(self.emp_agent2)
        approved = self.add(draft, "k03_desk")
        for user in (self.user_trainer, self.user_supervisor, self.user_agent):
            self.rpc_as(user)
            for record in (line, approved):
                with self.subTest(
                    user=user.login, line=record.assessment_id.display_name
                ):
                    self.assertRpcRefused("property.kpi.line", "unlink", record.ids)
        self.assertTrue(line.exists() and approved.exists(), "nothing removed")
        # accepted: the assessor withdraws a proposed line of a draft month
        proposed = self.add(draft, "k02_cover", approve=False)
        self.rpc_as(self.user_trainer)
        self.rpc("property.kpi.line", "unlink", proposed.ids)
        self.assertFalse(proposed.exists())

    def test_k12_no_file_added_to_or_removed_from_a_confirmed_assessment(self):
        assessment = self.assess(self.emp_agent)
        line = self.add(assessment, "k03_noise")
        self.rpc_as(self.user_trainer)
        sheet = self.env["ir.attachment"].browse(
            self._file(assessment)
        )  # accepted: draft
        assessment.with_user(self.user_trainer).action_submit()
        assessment.with_user(self.user_agent).action_sign()
        assessment.with_user(self.user_supervisor).action_confirm()
        for user in (self.user_trainer, self.user_supervisor):
            self.rpc_as(user)
            for record in (assessment, line):
                with self.subTest(user=user.login, model=record._name):
                    self.assertRpcRefused(
                        "ir.attachment",
                        "create",
                        {
                            "name": "late.pdf",
                            "datas": FILE,
                            "res_model": record._name,
                            "res_id": record.id,
                        },
                    )
            self.assertRpcRefused("ir.attachment", "unlink", sheet.ids)
            self.assertRpcRefused("ir.attachment", "write", sheet.ids, {"datas": FILE})
        self.assertEqual(
            (self._files(assessment), self._files(line)), (1, 0), "nothing added"
        )
        self.assertTrue(sheet.exists(), "nothing removed")

    def test_k10_only_a_manager_changes_who_scores_and_approves(self):
        assessment = self.assess(self.emp_agent)
        before = self.Assessment.search_count([])
        self.rpc_as(self.user_trainer)  # the assessor
        for vals in (
            {"approver_user_id": self.user_trainer.id},
            {"assessor_user_id": self.user_leader.id},
            {"employee_id": self.emp_agent2.id},
            {"scheme_id": self.scheme_hundred.id},
        ):
            with self.subTest(field=next(iter(vals))):
                self.assertRpcRefused(
                    "property.kpi.assessment", "write", assessment.ids, vals
                )
        self.assertRpcRefused(
            "property.kpi.assessment",
            "create",
            {
                "employee_id": self.emp_agent2.id,
                "date_month": str(self.month),
                "approver_user_id": self.user_trainer.id,
            },
        )
        self.assertEqual(self.Assessment.search_count([]), before, "nothing created")
        assessment.invalidate_recordset()
        self.assertEqual(
            (
                assessment.approver_user_id,
                assessment.assessor_user_id,
                assessment.employee_id,
            ),
            (self.user_supervisor, self.user_trainer, self.emp_agent),
            "nothing written",
        )
        # accepted: the assessor creates a month with its employee only; a manager
        # changes the approver
        created = self.rpc(
            "property.kpi.assessment",
            "create",
            {"employee_id": self.emp_agent2.id, "date_month": str(self.month)},
        )
        self.assertEqual(
            self.Assessment.browse(created).approver_user_id, self.user_supervisor
        )
        self.rpc_as(self.user_manager)
        self.rpc(
            "property.kpi.assessment",
            "write",
            assessment.ids,
            {"approver_user_id": self.user_manager.id},
        )
        self.assertEqual(assessment.approver_user_id, self.user_manager)

    def test_k16_state_of_lines_and_assessments_only_through_the_buttons(self):
        assessment = self.assess(self.emp_agent)
        proposed = self.add(assessment, "k02_cover", approve=False)
        before = self.Line.search_count([])
        self.rpc_as(self.user_trainer)
        self.assertRpcRefused(
            "property.kpi.line", "create", self._line_vals(assessment, state="approved")
        )
        self.assertRpcRefused(
            "property.kpi.line",
            "create",
            self._line_vals(assessment, origin="automatic"),
        )
        self.rpc_as(self.user_supervisor)  # the approver
        self.assertRpcRefused(
            "property.kpi.line", "write", proposed.ids, {"state": "approved"}
        )
        self.assertRpcRefused(
            "property.kpi.assessment", "write", assessment.ids, {"state": "confirmed"}
        )
        self.assertEqual(self.Line.search_count([]), before, "nothing created")
        self.env.invalidate_all()
        self.assertEqual((proposed.state, assessment.state), ("proposed", "draft"))
        # accepted: the approver's button
        self.rpc("property.kpi.line", "action_approval_approve", proposed.ids)
        self.assertEqual(proposed.state, "reviewed")
