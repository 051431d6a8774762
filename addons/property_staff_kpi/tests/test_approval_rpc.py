"""K16 on the suite's approval mechanism (property.approval.mixin), acting as the
assessor, the approver, the management office and the employee over JSON-RPC: a manual
proposal is approved level by level by the rules' reviewers; nobody approves their own
proposal (K10), an agent decides nothing, nobody decides two levels. The refused case
first, and that nothing was written. The 18.0.1.2.0 migration turns the lines waiting
before into pending reviews."""

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.migration import load_migration
from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import KpiCase


@tagged("post_install", "-at_install")
class TestKpiApprovalRpc(RpcMixin, HttpCase, KpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")
        cls.rule_approver = cls.env.ref(
            "property_staff_kpi.approval_rule_line_approver"
        )
        cls.rule_office = cls.env.ref("property_staff_kpi.approval_rule_line_office")

    def _propose(self, assessment, user=None, xmlid="k02_extra_work"):
        """A manual proposal created over RPC by ``user`` (the assessor by default)."""
        item = self.item(xmlid)
        self.rpc_as(user or assessment.assessor_user_id)
        line_id = self.rpc(
            "property.kpi.line",
            "create",
            {
                "assessment_id": assessment.id,
                "item_id": item.id,
                "points": item.points_min,
                "date": str(assessment.date_month),
                "reason": "Stayed late to close the month's files",
            },
        )
        return self.Line.browse(line_id)

    def _reviews(self, line):
        self.env.invalidate_all()
        return line._approval_reviews()

    def _snapshot(self, line):
        self.env.invalidate_all()
        return (
            line.state,
            line.approval_state,
            line.reviewed_by_id,
            line.approved_by_id,
            [(r.rule_id, r.state, r.reviewer_id) for r in line._approval_reviews()],
            line.assessment_id.total_capped,
        )

    def test_k16_levels_are_the_rules(self):
        assessment = self.assess(self.emp_agent)
        line = self._propose(assessment)
        reviews = self._reviews(line)
        self.assertEqual(reviews.rule_id, self.rule_approver | self.rule_office)
        self.assertEqual(reviews.mapped("state"), ["pending", "waiting"])
        self.assertEqual(
            reviews.requested_by_id, self.user_trainer, "asked by the proposer"
        )
        self.assertEqual((line.state, line.approval_state), ("proposed", "pending"))
        # the scheme's setting: one level only
        assessment.scheme_id.proposal_approval_levels = "1"
        single = self._propose(assessment, xmlid="k02_cover")
        self.assertEqual(self._reviews(single).rule_id, self.rule_approver)

    def test_k16_own_proposal_refused(self):
        """K10: the approver who proposes does not approve the proposal; a scoring
        manager decides the first level instead."""
        assessment = self.assess(self.emp_agent)
        line = self._propose(
            assessment, user=self.user_supervisor
        )  # the approver proposes
        before = self._snapshot(line)
        self.assertRpcRefused("property.kpi.line", "action_approval_approve", line.ids)
        self.assertRpcRefused("property.kpi.line", "action_approval_refuse", line.ids)
        self.assertEqual(self._snapshot(line), before, "nothing written")
        self.assertEqual(before[:2], ("proposed", "pending"))
        self.rpc_as(self.user_manager)
        self.rpc("property.kpi.line", "action_approval_approve", line.ids)
        self.env.invalidate_all()
        self.assertEqual(
            (line.state, line.reviewed_by_id), ("reviewed", self.user_manager)
        )

    def test_k16_agent_and_assessor_refused(self):
        assessment = self.assess(self.emp_agent)
        line = self._propose(assessment)
        before = self._snapshot(line)
        for user in (self.user_agent, self.user_trainer, self.user_leader):
            self.rpc_as(user)
            self.assertRpcRefused(
                "property.kpi.line", "action_approval_approve", line.ids
            )
            self.assertRpcRefused(
                "property.kpi.line", "action_approval_refuse", line.ids
            )
            self.assertRpcRefused(
                "property.kpi.line", "write", line.ids, {"state": "approved"}
            )
            self.assertRpcRefused(
                "property.kpi.line", "write", line.ids, {"approval_state": "approved"}
            )
            self.assertEqual(
                self._snapshot(line), before, f"nothing written by {user.login}"
            )
        self.rpc_as(self.user_agent)
        self.assertRpcRefused(
            "property.kpi.assessment", "action_approve_lines", assessment.ids
        )
        self.assertEqual(self._snapshot(line), before, "nothing written")

    def test_k16_second_level_by_the_same_person_refused(self):
        assessment = self.assess(self.emp_agent)
        assessment.approver_user_id = self.user_manager
        line = self._propose(assessment)
        self.rpc_as(self.user_manager)
        self.rpc("property.kpi.line", "action_approval_approve", line.ids)
        before = self._snapshot(line)
        self.assertEqual(before[:3], ("reviewed", "pending", self.user_manager))
        self.assertRpcRefused("property.kpi.line", "action_approval_approve", line.ids)
        self.assertRpcRefused("property.kpi.line", "action_approval_refuse", line.ids)
        self.assertEqual(self._snapshot(line), before, "nothing written")
        # the approver of the first level is not the management office either
        supervisor_line = self._propose(self.assess(self.emp_agent2))
        self.rpc_as(self.user_supervisor)
        self.rpc("property.kpi.line", "action_approval_approve", supervisor_line.ids)
        reviewed = self._snapshot(supervisor_line)
        self.assertRpcRefused(
            "property.kpi.line", "action_approval_approve", supervisor_line.ids
        )
        self.assertEqual(self._snapshot(supervisor_line), reviewed, "nothing written")
        # accepted: another scoring manager
        self.rpc_as(self.user_manager_2)
        self.rpc("property.kpi.line", "action_approval_approve", line.ids)
        self.env.invalidate_all()
        self.assertEqual((line.state, line.approval_state), ("approved", "approved"))
        self.assertEqual(line.approved_by_id, self.user_manager_2)
        self.assertEqual(assessment.total_capped, 80 + line.points)
        self.assertEqual(
            [(r.state, r.reviewer_id) for r in self._reviews(line)],
            [("approved", self.user_manager), ("approved", self.user_manager_2)],
        )

    def test_k16_refused_by_the_approver(self):
        assessment = self.assess(self.emp_agent)
        line = self._propose(assessment)
        self.rpc_as(self.user_supervisor)
        self.rpc("property.kpi.line", "action_approval_refuse", line.ids)
        self.env.invalidate_all()
        self.assertEqual((line.state, line.approval_state), ("refused", "refused"))
        self.assertEqual(self._reviews(line).mapped("state"), ["refused", "cancelled"])
        self.assertEqual(
            assessment.total_capped, 80, "a refused proposal does not count"
        )
        self.assertRpcRefused("property.kpi.line", "action_approval_approve", line.ids)
        self.rpc_as(self.user_manager)
        self.assertRpcRefused("property.kpi.line", "action_approval_approve", line.ids)
        self.env.invalidate_all()
        self.assertEqual(line.state, "refused")

    def test_k16_withdrawn_proposal_withdraws_its_levels(self):
        assessment = self.assess(self.emp_agent)
        line = self._propose(assessment)
        reviews = self._reviews(line)
        self.rpc_as(self.user_agent)
        self.assertRpcRefused("property.kpi.line", "unlink", line.ids)
        self.assertEqual(self._reviews(line).mapped("state"), ["pending", "waiting"])
        self.rpc_as(self.user_trainer)
        self.rpc("property.kpi.line", "unlink", line.ids)
        self.env.invalidate_all()
        self.assertEqual(
            reviews.mapped("state"), ["cancelled", "cancelled"], "kept, withdrawn"
        )
        # the whole month deleted: its proposals are withdrawn too
        other = self._propose(self.assess(self.emp_agent2))
        self.rpc_as(self.user_manager)
        self.rpc("property.kpi.assessment", "unlink", other.assessment_id.ids)
        self.env.invalidate_all()
        self.assertEqual(
            self.env["property.approval.review"]
            .search(
                [("res_model", "=", "property.kpi.line"), ("res_id", "=", other.id)]
            )
            .mapped("state"),
            ["cancelled", "cancelled"],
        )

    def test_k16_migration_turns_waiting_lines_into_reviews(self):
        assessment = self.assess(self.emp_agent)
        proposed = self.add(assessment, "k02_extra_work", approve=False)
        reviewed = self.add(assessment, "k02_cover", approve=False)
        done = self.add(assessment, "k02_zero_complaint")
        # the database as the previous version left it: no reviews, no approval state;
        # one line approved at the first level by the approver
        lines = proposed | reviewed
        self.env.flush_all()
        self.env.cr.execute(
            "DELETE FROM property_approval_review WHERE res_model = %s AND res_id IN "
            "%s",
            ("property.kpi.line", tuple(lines.ids)),
        )
        self.env.cr.execute(
            "UPDATE property_kpi_line SET approval_state = NULL WHERE id IN %s",
            (tuple(lines.ids),),
        )
        self.env.cr.execute(
            "UPDATE property_kpi_line SET state = 'reviewed', reviewed_by_id = %s "
            "WHERE id = %s",
            (self.user_supervisor.id, reviewed.id),
        )
        self.env.invalidate_all()
        migrated = load_migration("property_staff_kpi", "18.0.1.2.0").lines_to_reviews(
            self.env
        )
        self.assertEqual(migrated & (lines | done), lines, "only the waiting lines")
        self.env.invalidate_all()
        self.assertEqual(
            [(r.rule_id, r.state) for r in proposed._approval_reviews()],
            [(self.rule_approver, "pending"), (self.rule_office, "waiting")],
        )
        self.assertEqual(
            proposed._approval_reviews().requested_by_id, self.user_trainer
        )
        self.assertEqual(
            [(r.rule_id, r.state, r.reviewer_id) for r in reviewed._approval_reviews()],
            [
                (self.rule_approver, "approved", self.user_supervisor),
                (self.rule_office, "pending", self.env["res.users"]),
            ],
        )
        self.assertEqual(
            (proposed | reviewed).mapped("approval_state"), ["pending"] * 2
        )
        self.assertFalse(
            load_migration("property_staff_kpi", "18.0.1.2.0").lines_to_reviews(
                self.env
            )
            & lines,
            "run once",
        )
        # the migrated lines are decided as any other: refused first, then accepted
        self.rpc_as(self.user_supervisor)
        self.assertRpcRefused(
            "property.kpi.line", "action_approval_approve", reviewed.ids
        )
        self.rpc("property.kpi.line", "action_approval_approve", proposed.ids)
        self.rpc_as(self.user_manager)
        self.rpc("property.kpi.line", "action_approval_approve", reviewed.ids)
        self.env.invalidate_all()
        self.assertEqual((proposed.state, reviewed.state), ("reviewed", "approved"))
