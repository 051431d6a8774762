from datetime import date

from odoo.exceptions import UserError, ValidationError

from .common import KpiCase


class TestAssessmentRules(KpiCase):
    def _repeat_lines(self, assessment):
        return assessment.line_ids.filtered(
            lambda line: line.item_id.auto_rule == "repeat"
        )

    def test_k06_repeat_rule_adds_one_line(self):
        assessment = self.assess(self.emp_agent)
        for day, xmlid in ((3, "k03_noise"), (4, "k03_desk"), (5, "k03_mandarin")):
            self.add(assessment, xmlid, when=self.month.replace(day=day))
        self.assertFalse(
            self._repeat_lines(assessment), "three light violations are not enough"
        )
        self.add(assessment, "k03_data_error", when=self.month.replace(day=6))
        repeat = self._repeat_lines(assessment)
        self.assertEqual(len(repeat), 1)
        self.assertEqual(repeat.origin, "automatic")
        self.assertEqual(repeat.signed_points, -20)
        self.assertEqual(repeat.source_ref, assessment)
        self.add(assessment, "k03_cleaning", when=self.month.replace(day=7))
        self.assertEqual(len(self._repeat_lines(assessment)), 1, "never duplicated")
        self.assertEqual(assessment.total_capped, 80 - 10 - 20)

    def test_k06_repeat_rule_two_medium_and_recomputed(self):
        assessment = self.assess(self.emp_agent)
        self.add(assessment, "k04_meeting")
        second = self.add(assessment, "k04_games", approve=False)
        self.assertFalse(
            self._repeat_lines(assessment), "a proposed line does not count yet"
        )
        second.with_user(self.user_supervisor).action_approval_approve()
        self.assertFalse(
            self._repeat_lines(assessment), "approved at the first level only"
        )
        second.with_user(self.user_manager).action_approval_approve()
        self.assertEqual(len(self._repeat_lines(assessment)), 1)
        other = self.assess(self.emp_agent2)
        first = self.add(other, "k04_meeting")
        third = self.add(other, "k04_games")
        self.assertTrue(self._repeat_lines(other))
        # removing a violation of a draft month removes the repeat line
        self.Line.browse(third.id)._property_internal().unlink()
        self.assertFalse(self._repeat_lines(other))
        self.assertEqual(other.total_capped, 80 - first.points)

    def test_k07_dismissal_item_recommends_dismissal(self):
        assessment = self.assess(self.emp_agent)
        self.add(assessment, "k03_noise")
        self.assertFalse(assessment.dismissal_recommended)
        self.add(assessment, "k07_sleeping")
        self.assertTrue(assessment.dismissal_recommended)

    def test_k08_warning_under_60(self):
        assessment = self.assess(self.emp_agent)
        self.add(assessment, "k05_absenteeism")
        self.assertEqual(assessment.total_capped, 60)
        self.assertFalse(assessment.warning, "60 is not under 60")
        self.add(assessment, "k03_noise")
        self.assertTrue(assessment.warning)
        self.assertEqual(assessment.warning_reason, "low")

    def test_k08_warning_last_of_team_two_months_under_70(self):
        feb, mar = date(2025, 2, 1), date(2025, 3, 1)
        for month in (feb, mar):
            worst = self.assess(self.emp_agent, month)
            self.assess(self.emp_agent2, month)
            self.add(worst, "k04_meeting")
            self.add(worst, "k03_handover")
        self.assertEqual(worst.total_capped, 65)
        self.assertTrue(worst.warning)
        self.assertEqual(worst.warning_reason, "last_place")
        first = self.Assessment.search(
            [("employee_id", "=", self.emp_agent.id), ("date_month", "=", feb)]
        )
        self.assertFalse(first.warning, "one month last is not enough")
        self.assertEqual(first.team_rank, 2)
        # refused case: last but at 70 or more raises no warning
        other = self.assess(self.emp_leader, date(2025, 4, 1))
        self.assess(self.emp_agent, date(2025, 4, 1))
        self.add(other, "k04_meeting")
        self.assertFalse(other.warning)

    def test_k09_team_leader_adjustment(self):
        assessment = self.assess(self.emp_leader)
        self.assertEqual(assessment.assessor_user_id, self.user_trainer)
        assessment.with_user(self.user_trainer).write(
            {
                "leader_adjustment": 5,
                "leader_adjustment_reason": "Led the team through the holiday rush",
            }
        )
        self.assertEqual(assessment.total_capped, 85)
        with self.assertRaises(ValidationError):
            assessment.write({"leader_adjustment": 6})
        with self.assertRaises(ValidationError):
            assessment.write({"leader_adjustment": -3, "leader_adjustment_reason": ""})
        agent = self.assess(self.emp_agent)
        with self.assertRaises(ValidationError):
            agent.write(
                {"leader_adjustment": 2, "leader_adjustment_reason": "not a leader"}
            )

    def test_k11_discipline_ladder(self):
        feb = self.assess(self.emp_agent, date(2025, 2, 1))
        self.add(feb, "k03_noise")
        mar = self.assess(self.emp_agent)
        self.add(mar, "k03_desk")
        self.add(mar, "k05_absenteeism", when=date(2025, 3, 20))
        levels = self.emp_agent.kpi_discipline_ids.sorted("sequence_number").mapped(
            "level"
        )
        self.assertEqual(levels, ["verbal", "written", "dismissal"])
        self.assertTrue(
            mar.activity_ids.filtered(lambda a: a.user_id == self.user_supervisor),
            "the approver is asked about the proposed dismissal",
        )
        # refused case: a bonus or a proposal not yet approved is no violation
        self.add(self.assess(self.emp_agent2), "k02_cover")
        self.add(
            self.Assessment.search([("employee_id", "=", self.emp_agent2.id)]),
            "k03_noise",
            approve=False,
        )
        self.assertFalse(self.emp_agent2.kpi_discipline_ids)

    def test_k16_proposed_line_counts_once_approved(self):
        assessment = self.assess(self.emp_agent)
        line = self.add(assessment, "k02_extra_work", approve=False)
        self.assertEqual(line.state, "proposed")
        self.assertEqual(assessment.total_capped, 80)
        self.assertEqual(assessment.pending_points, 5)
        with self.assertRaises(ValidationError):
            self.Line.with_user(self.user_trainer).create(
                {
                    "assessment_id": assessment.id,
                    "item_id": self.item("k02_cover").id,
                    "points": 5,
                }
            )
        with self.assertRaises(UserError):
            line.with_user(self.user_trainer).action_approval_approve()
        # first level: the approver; the line does not count yet
        line.with_user(self.user_supervisor).action_approval_approve()
        self.assertEqual(line.state, "reviewed")
        self.assertEqual(line.reviewed_by_id, self.user_supervisor)
        self.assertEqual(assessment.total_capped, 80)
        # the approver cannot also give the second level
        with self.assertRaises(UserError):
            line.with_user(self.user_supervisor).action_approval_approve()
        # second level: the management office (a scoring manager)
        line.with_user(self.user_manager).action_approval_approve()
        self.assertEqual(line.state, "approved")
        self.assertEqual(assessment.total_capped, 85)
        refused = self.add(assessment, "k02_cover", approve=False)
        refused.with_user(self.user_supervisor).action_approval_refuse()
        self.assertEqual(assessment.total_capped, 85)

    def test_k16_same_manager_cannot_approve_both_levels(self):
        assessment = self.assess(self.emp_agent)
        assessment.approver_user_id = self.user_manager
        line = self.add(assessment, "k02_extra_work", approve=False)
        line.with_user(self.user_manager).action_approval_approve()
        self.assertEqual(line.state, "reviewed")
        with self.assertRaises(UserError):
            line.with_user(self.user_manager).action_approval_approve()
        line.with_user(self.user_manager_2).action_approval_approve()
        self.assertEqual(line.state, "approved")

    def test_k16_one_level_scheme(self):
        assessment = self.assess(self.emp_agent)
        assessment.scheme_id.proposal_approval_levels = "1"
        line = self.add(assessment, "k02_extra_work", approve=False)
        line.with_user(self.user_supervisor).action_approval_approve()
        self.assertEqual(line.state, "approved")
        self.assertEqual(assessment.total_capped, 85)

    def test_k13_automatic_line_created_once(self):
        source = self.env["res.partner"].create({"name": "Some source record"})
        item = self.item("k03_late")
        line = self.Assessment._add_automatic_line(
            self.emp_agent, item, source, date(2025, 3, 4), points=3
        )
        again = self.Assessment._add_automatic_line(
            self.emp_agent, item, source, date(2025, 3, 4), points=3
        )
        self.assertEqual(line, again)
        self.assertEqual(line.origin, "automatic")
        self.assertEqual(line.source_ref, source)
        assessment = line.assessment_id
        self.assertEqual(assessment.total_capped, 77)
        # the source is cancelled: its line goes away from the draft month
        self.Assessment._remove_automatic_lines(source)
        self.assertFalse(line.exists())
        self.assertEqual(assessment.total_capped, 80)

    def test_k13_automatic_lines_in_batch_leave_confirmed_months_alone(self):
        confirmed = self.assess(self.emp_agent2)
        confirmed.with_user(self.user_trainer).action_submit()
        confirmed.with_user(self.user_agent2).action_sign()
        confirmed.with_user(self.user_supervisor).action_confirm()
        sources = self.env["res.partner"].create(
            [{"name": "Late 1"}, {"name": "Late 2"}]
        )
        item = self.item("k03_late")
        lines = self.Assessment._add_automatic_lines(
            [
                {
                    "employee": self.emp_agent,
                    "item": item,
                    "source": sources[0],
                    "date": date(2025, 3, 5),
                },
                {
                    "employee": self.emp_agent,
                    "item": item,
                    "source": sources[0],
                    "date": date(2025, 3, 5),
                },
                {
                    "employee": self.emp_agent2,
                    "item": item,
                    "source": sources[1],
                    "date": date(2025, 3, 6),
                },
            ]
        )
        self.assertEqual(len(lines), 1)
        self.assertEqual(lines.employee_id, self.emp_agent)
        self.assertFalse(confirmed.line_ids)
        self.assertEqual(confirmed.total_capped, 80)
        self.assertIn("not added", confirmed.message_ids[0].body)
