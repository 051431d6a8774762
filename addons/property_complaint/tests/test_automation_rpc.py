from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestEscalationAutomationRpc(RpcMixin, HttpCase, ComplaintCase):
    """Issue #21: the escalation ladder and the reminders are Odoo automation rules
    (Settings > Automation Rules) whose action is the suite's escalation step; an
    administrator reads, changes or adds rules without code, and the run stays
    batched (see test_escalation and bench/bench_complaint.py)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang(
            "base", "base_automation", "property_base", "property_complaint"
        )
        cls.admin_user = cls._create_user(
            "t_automation_admin",
            cls.env.ref("base.group_system"),
            cls.group_cs_manager,
        )
        cls.deadline_field = cls.env["ir.model.fields"]._get(
            "property.complaint", "date_deadline_next"
        )
        cls.complaint_model_id = cls.env["ir.model"]._get_id("property.complaint")
        cls.Automation = cls.env["base.automation"].with_context(active_test=False)

    def _reminder_vals(self):
        return {
            "name": "Remind the site manager 2 hours before the deadline",
            "model_id": self.complaint_model_id,
            "trigger": "on_time",
            "trigger_field_ids": [Command.set(self.deadline_field.ids)],
            "trg_date_id": self.deadline_field.id,
            "trg_date_range": -2,
            "trg_date_range_type": "hour",
            "filter_domain": "[('is_closed', '=', False)]",
            "action_server_ids": [
                Command.create(
                    {
                        "name": "Remind the site manager",
                        "model_id": self.complaint_model_id,
                        "usage": "base_automation",
                        "state": "next_activity",
                        "activity_type_id": self.env.ref(
                            "mail.mail_activity_data_todo"
                        ).id,
                        "activity_summary": "Deadline in 2 hours",
                        "activity_user_type": "generic",
                        "activity_user_field_name": "site_manager_id",
                    }
                )
            ],
        }

    def _reminders(self, complaints):
        return complaints.activity_ids.filtered(
            lambda a: a.summary == "Deadline in 2 hours"
        )

    def test_c13_the_ladder_is_automation_rules_run_by_odoos_scheduler(self):
        levels = self.env["property.complaint.escalation.level"].search([])
        self.assertTrue(levels)
        for level in levels:
            rule = level.automation_id
            self.assertEqual(rule.trigger, "on_time")
            self.assertEqual(rule.trg_date_id, self.deadline_field)
            self.assertEqual(rule.trg_date_range, level.delay_hours)
            self.assertEqual(rule.action_server_ids.state, "property_escalate")
            self.assertEqual(rule.action_server_ids.property_escalation_level_id, level)
            # named after the level in the administrator's language
            zh_level = level.with_context(lang="zh_CN")
            self.assertEqual(
                rule.with_context(lang="zh_CN").name,
                f"逾期投诉升级至：{zh_level.name}",
            )
            self.assertEqual(
                rule.action_server_ids.with_context(lang="zh_CN").name,
                f"升级至：{zh_level.name}",
            )
        self.assertTrue(
            self.env.ref("base_automation.ir_cron_data_base_automation_check").active
        )
        complaint = self._new_complaint()  # response due 2025-03-03 03:00 UTC
        Automation = self.env["base.automation"]
        with freeze_time("2025-03-03 02:59:00"):
            Automation._check()
        self.assertFalse(complaint.escalation_ids)
        with freeze_time("2025-03-03 04:00:00"):
            Automation._check()
            Automation._check()
        self.assertEqual(
            complaint.escalation_ids.level_id.mapped("target"), ["supervisor"]
        )
        with freeze_time("2025-03-04 04:00:00"):
            Automation._check()
        self.assertEqual(
            sorted(complaint.escalation_ids.level_id.mapped("target")),
            ["site_manager", "supervisor"],
        )

    def test_c13_a_manager_changes_a_levels_delay_not_the_rule(self):
        level = self.env.ref("property_complaint.escalation_level_site_manager")
        rule = level.automation_id
        self.rpc_as(self.cs_manager)
        # refused: the rule itself is the administrator's
        self.assertRpcRefused(
            "base.automation", "write", [rule.id], {"trg_date_range": 1}
        )
        self.assertRpcRefused(
            "property.complaint.escalation.level",
            "write",
            [level.id],
            {"delay_hours": -4},
        )
        rule.invalidate_recordset()
        self.assertEqual(rule.trg_date_range, 24, "nothing written")
        # the ladder's delay is the rule's
        self.rpc(
            "property.complaint.escalation.level",
            "write",
            [level.id],
            {"delay_hours": 6},
        )
        rule.invalidate_recordset()
        self.assertEqual((rule.trg_date_range, rule.trg_date_range_type), (6, "hour"))
        [read] = self.rpc(
            "property.complaint.escalation.level", "read", [level.id], ["delay_hours"]
        )
        self.assertEqual(read["delay_hours"], 6)

    def test_c21_only_an_administrator_adds_an_automation_rule(self):
        before = self.Automation.search_count([])
        self.rpc_as(self.cs_manager)
        self.assertRpcRefused("base.automation", "create", [self._reminder_vals()])
        self.assertEqual(self.Automation.search_count([]), before, "nothing written")

    def test_c21_an_administrators_reminder_fires_once_per_complaint(self):
        """ "Remind the site manager 2 hours before the deadline", added by an
        administrator with no code: one to-do per complaint, never two."""
        complaints = self._new_complaint() | self._new_complaint()
        self.rpc_as(self.admin_user)
        rule_id = self.rpc("base.automation", "create", [self._reminder_vals()])
        self.assertTrue(self.Automation.browse(rule_id).exists())
        Automation = self.env["base.automation"]
        with freeze_time("2025-03-03 00:30:00"):  # 2 h 30 before the response
            Automation._check()
        self.assertFalse(self._reminders(complaints))
        with freeze_time("2025-03-03 01:30:00"):
            Automation._check()
            Automation._check()
        reminders = self._reminders(complaints)
        self.assertEqual(len(reminders), 2)
        self.assertEqual(reminders.user_id, self.cs_manager)
        self.assertEqual(set(reminders.mapped("res_id")), set(complaints.ids))
        with freeze_time("2025-03-03 02:30:00"):
            Automation._check()
        self.assertEqual(len(self._reminders(complaints)), 2, "fired once")
