from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import KpiCase


# after the install: the locks are property.integrity.mixin's, whose guard the registry
# puts in place once every module is loaded (_register_hook)
@tagged("post_install", "-at_install")
class TestWorkflow(KpiCase):
    def test_k10_who_scores_whom(self):
        agent = self.assess(self.emp_agent)
        trainer = self.assess(self.emp_trainer)
        self.assertEqual(agent.assessor_user_id, self.user_trainer)
        self.assertEqual(agent.approver_user_id, self.user_supervisor)
        self.assertEqual(trainer.assessor_user_id, self.user_supervisor)
        self.assertEqual(trainer.approver_user_id, self.user_manager)

    def test_k10_department_assignment_overrides_site(self):
        other_team = self.env["hr.department"].create({"name": "Night Shift"})
        self.env["property.kpi.assignment"].create(
            {
                "site_id": self.site.id,
                "department_id": other_team.id,
                "role": "frontline",
                "assessor_user_id": self.user_supervisor.id,
                "approver_user_id": self.user_manager.id,
            }
        )
        self.emp_agent2.department_id = other_team
        self.assertEqual(
            self.assess(self.emp_agent2).assessor_user_id, self.user_supervisor
        )
        self.assertEqual(
            self.assess(self.emp_agent).assessor_user_id, self.user_trainer
        )

    def test_k10_employee_reads_only_own_assessments(self):
        own = self.assess(self.emp_agent)
        other = self.assess(self.emp_agent2)
        self.add(own, "k03_noise")
        Assessment = self.Assessment.with_user(self.user_agent)
        self.assertEqual(Assessment.search([]), own)
        self.assertEqual(own.with_user(self.user_agent).total_capped, 78)
        self.assertEqual(self.Line.with_user(self.user_agent).search([]), own.line_ids)
        with self.assertRaises(AccessError):
            other.with_user(self.user_agent).read(["total_capped"])
        with self.assertRaises(AccessError):
            own.with_user(self.user_agent).write({"leader_adjustment": 0})

    def test_k10_assessor_reads_and_writes_only_scored(self):
        agent = self.assess(self.emp_agent)
        trainer = self.assess(self.emp_trainer)
        supervisor = self.assess(self.emp_supervisor)
        as_trainer = self.Assessment.with_user(self.user_trainer)
        self.assertEqual(as_trainer.search([]), agent | trainer)
        self.assertEqual(
            as_trainer.search([("assessor_user_id", "=", self.user_trainer.id)]), agent
        )
        with self.assertRaises(AccessError):
            self.Line.with_user(self.user_trainer).create(
                {
                    "assessment_id": trainer.id,
                    "item_id": self.item("k03_noise").id,
                    "points": 2,
                    "reason": "scoring oneself",
                }
            )
        with self.assertRaises(AccessError):
            supervisor.with_user(self.user_trainer).read(["total_capped"])
        self.assertEqual(
            self.Assessment.with_user(self.user_supervisor).search([]),
            agent | trainer | supervisor,
        )

    def test_k10_submit_confirm_with_activities(self):
        assessment = self.assess(self.emp_agent)
        self.assertEqual(assessment.activity_ids.user_id, self.user_trainer)
        self.add(assessment, "k03_noise")
        with self.assertRaises(UserError):
            assessment.with_user(self.user_supervisor).action_submit()
        assessment.with_user(self.user_trainer).action_submit()
        self.assertEqual(assessment.state, "submitted")
        # the approver confirms; the employee reads and signs (issue #23)
        self.assertEqual(
            assessment.activity_ids.user_id, self.user_supervisor | self.user_agent
        )
        with self.assertRaises(UserError):
            assessment.with_user(self.user_trainer).action_confirm()
        assessment.with_user(self.user_supervisor).action_send_back()
        self.assertEqual(assessment.state, "draft")
        self.assertEqual(assessment.activity_ids.user_id, self.user_trainer)
        assessment.with_user(self.user_trainer).action_submit()
        # unsigned, the approver confirms once the employee's days to appeal are over
        with freeze_time(assessment.appeal_deadline + timedelta(minutes=1)):
            assessment.with_user(self.user_supervisor).action_confirm()
        self.assertEqual(assessment.state, "confirmed")
        self.assertEqual(assessment.activity_ids.user_id, self.user_agent)
        assessment.with_user(self.user_agent).action_sign()
        self.assertFalse(assessment.activity_ids)

    def test_k16_assessor_cannot_become_approver(self):
        assessment = self.assess(self.emp_agent)
        with self.assertRaises(UserError):
            assessment.with_user(self.user_trainer).write(
                {"approver_user_id": self.user_trainer.id}
            )
        with self.assertRaises(UserError):
            self.Assessment.with_user(self.user_trainer).create(
                {
                    "employee_id": self.emp_agent2.id,
                    "date_month": self.month,
                    "approver_user_id": self.user_trainer.id,
                }
            )
        assessment.with_user(self.user_manager).write(
            {"approver_user_id": self.user_manager.id}
        )
        self.assertEqual(assessment.approver_user_id, self.user_manager)

    def test_k16_confirm_refused_while_lines_proposed(self):
        assessment = self.assess(self.emp_agent)
        self.add(assessment, "k02_cover", approve=False)
        assessment.with_user(self.user_trainer).action_submit()
        assessment.with_user(self.user_agent).action_sign()
        with self.assertRaises(UserError):
            assessment.with_user(self.user_supervisor).action_confirm()
        assessment.with_user(self.user_supervisor).action_approve_lines()
        with self.assertRaises(UserError):  # still awaiting the management office (K16)
            assessment.with_user(self.user_supervisor).action_confirm()
        assessment.with_user(self.user_manager).action_approve_lines()
        assessment.with_user(self.user_supervisor).action_confirm()
        self.assertEqual(assessment.total_capped, 85)

    def test_k12_confirmed_assessment_locked(self):
        assessment = self.assess(self.emp_agent)
        line = self.add(assessment, "k03_noise")
        assessment.with_user(self.user_trainer).action_submit()
        assessment.with_user(self.user_agent).action_sign()
        assessment.with_user(self.user_supervisor).action_confirm()
        for user in (self.user_trainer, self.user_supervisor, self.user_manager):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    line.with_user(user).write({"points": 2, "reason": "silent edit"})
                with self.assertRaises(UserError):
                    line.with_user(user).unlink()
                with self.assertRaises(UserError):
                    self.Line.with_user(user).create(
                        {
                            "assessment_id": assessment.id,
                            "item_id": self.item("k02_cover").id,
                            "points": 5,
                            "reason": "late bonus",
                        }
                    )
                with self.assertRaises(UserError):
                    assessment.with_user(user).write(
                        {"scheme_id": self.scheme_hundred.id}
                    )

    def test_k12_correction_is_a_reasoned_line_by_a_manager(self):
        assessment = self.assess(self.emp_agent)
        wrong = self.add(assessment, "k04_meeting")
        assessment.with_user(self.user_trainer).action_submit()
        assessment.with_user(self.user_agent).action_sign()
        assessment.with_user(self.user_supervisor).action_confirm()
        self.assertEqual(assessment.total_capped, 70)
        with self.assertRaises(UserError):
            assessment.with_user(self.user_supervisor).action_open_correction()
        action = assessment.with_user(self.user_manager).action_open_correction()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.user_manager)
            .with_context(**action["context"])
            .create(
                {
                    "mode": "reverse",
                    "line_id": wrong.id,
                    "reason": "He was on approved leave",
                }
            )
        )
        wizard.action_apply()
        correction = assessment.line_ids.filtered(
            lambda line: line.origin == "correction"
        )
        self.assertEqual(correction.reversed_line_id, wrong)
        self.assertEqual(correction.signed_points, 10)
        self.assertEqual(assessment.total_capped, 80)
        self.assertIn("He was on approved leave", assessment.message_ids[0].body)
        with self.assertRaises(UserError):
            self.env["property.kpi.correction"].with_user(self.user_supervisor).create(
                {
                    "assessment_id": assessment.id,
                    "item_id": self.item("k02_cover").id,
                    "points": 5,
                    "reason": "x",
                }
            ).action_apply()

    def test_k10_batch_creates_the_team_month(self):
        wizard = (
            self.env["property.kpi.batch"]
            .with_user(self.user_trainer)
            .create({"date_month": self.month, "site_id": self.site.id})
        )
        wizard.action_create()
        created = self.Assessment.search([("date_month", "=", self.month)])
        self.assertEqual(
            created.employee_id, self.emp_leader | self.emp_agent | self.emp_agent2
        )
        wizard.action_create()
        self.assertEqual(
            self.Assessment.search_count([("date_month", "=", self.month)]), 3
        )
        self.env["property.kpi.batch"].with_user(self.user_manager).create(
            {"date_month": self.month, "site_id": self.site.id}
        ).action_create()
        self.assertEqual(
            self.Assessment.search_count([("date_month", "=", self.month)]), 5
        )
