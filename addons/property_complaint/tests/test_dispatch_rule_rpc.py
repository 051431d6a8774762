from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import Form, HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase

RECEIVED = "2025-03-03 02:00:00"


@tagged("post_install", "-at_install")
class TestDispatchRuleRpc(RpcMixin, HttpCase, ComplaintCase):
    """Dispatch rules (issue #21, C11): a new complaint of a rule's categories, sites or
    buildings goes to its department and to one of its handlers at work, in turn or
    to the least busy, logged in the transfer log like a manual dispatch."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        Category = cls.env["property.complaint.category"]
        cls.cat_pipe = Category.create(
            {"name": "Test pipes", "department_id": cls.dep_engineering.id}
        )
        cls.cat_noise = Category.create({"name": "Test noise"})
        # the handlers in the order of the turn (by id)
        cls.rule = cls.env["property.complaint.dispatch.rule"].create(
            {
                "name": "Test pipes to engineering",
                "category_ids": [Command.link(cls.cat_pipe.id)],
                "site_ids": [Command.link(cls.site.id)],
                "department_id": cls.dep_engineering.id,
                "handler_ids": [
                    Command.set((cls.handler | cls.handler2 | cls.head).ids)
                ],
                "assign_method": "round_robin",
            }
        )

    def _register(self, **vals):
        self.rpc_as(self.agent)
        with freeze_time(RECEIVED):
            complaint_id = self.rpc(
                "property.complaint", "create", self._complaint_vals(**vals)
            )
        return self.env["property.complaint"].browse(complaint_id)

    def _dt(self, value):
        return fields.Datetime.to_datetime(value)

    def _on_leave(self, employee):
        """A day off of ``employee`` around the registrations (the resource leave a
        validated time off of hr_holidays creates)."""
        return (
            self.env["resource.calendar.leaves"]
            .sudo()
            .create(
                {
                    "name": "Day off",
                    "resource_id": employee.resource_id.id,
                    "calendar_id": self.calendar.id,
                    "date_from": "2025-03-02 16:00:00",
                    "date_to": "2025-03-03 16:00:00",
                    "time_type": "leave",
                }
            )
        )

    # ------------------------------------------------------------------
    # Refused first
    # ------------------------------------------------------------------
    def test_c11_agent_cannot_edit_rules(self):
        Rule = self.env["property.complaint.dispatch.rule"].with_context(
            active_test=False
        )
        before = Rule.search_count([])
        for user in (self.agent, self.handler):
            self.rpc_as(user)
            with self.subTest(user=user.login):
                self.assertRpcRefused(
                    "property.complaint.dispatch.rule",
                    "create",
                    {
                        "name": "Everything to me",
                        "department_id": self.dep_security.id,
                        "handler_ids": [Command.set(user.ids)],
                    },
                )
                self.assertRpcRefused(
                    "property.complaint.dispatch.rule",
                    "write",
                    self.rule.ids,
                    {"handler_ids": [Command.set(self.handler.ids)]},
                )
                self.assertRpcRefused(
                    "property.complaint.dispatch.rule", "unlink", self.rule.ids
                )
        self.env.invalidate_all()
        self.assertEqual(Rule.search_count([]), before, "nothing created or removed")
        self.assertEqual(
            self.rule.handler_ids, self.handler | self.handler2 | self.head
        )
        # a rule's handlers handle complaints
        self.rpc_as(self.cs_manager)
        self.assertRpcRefused(
            "property.complaint.dispatch.rule",
            "write",
            self.rule.ids,
            {"handler_ids": [Command.link(self.user_site_manager.id)]},
        )
        self.rpc(
            "property.complaint.dispatch.rule",
            "write",
            self.rule.ids,
            {"assign_method": "least_open"},
        )
        self.env.invalidate_all()
        self.assertEqual(self.rule.assign_method, "least_open")

    # ------------------------------------------------------------------
    # Round robin, least open work, time off
    # ------------------------------------------------------------------
    def test_c11_round_robin_skips_handler_on_leave(self):
        self._on_leave(self.emp_handler2)
        handlers = [
            self._register(category_id=self.cat_pipe.id).handler_id for _i in range(4)
        ]
        self.assertEqual(handlers, [self.handler, self.head, self.handler, self.head])
        # back from leave: the turn goes on with them
        self.env["resource.calendar.leaves"].sudo().search(
            [("resource_id", "=", self.emp_handler2.resource_id.id)]
        ).unlink()
        self.assertEqual(
            [
                self._register(category_id=self.cat_pipe.id).handler_id
                for _i in range(3)
            ],
            [self.handler, self.handler2, self.head],
        )
        # a handler who is no longer one is passed over (the rule's handlers are
        # checked when the rule is written, not when a user's groups change)
        self.handler2.sudo().groups_id = [Command.unlink(self.group_handler.id)]
        self.assertEqual(
            [
                self._register(category_id=self.cat_pipe.id).handler_id
                for _i in range(2)
            ],
            [self.handler, self.head],
        )
        # everybody away: the department only
        for employee in (self.emp_handler, self.emp_handler2, self.emp_head):
            self._on_leave(employee)
        nobody = self._register(category_id=self.cat_pipe.id)
        self.assertEqual(nobody.department_id, self.dep_engineering)
        self.assertFalse(nobody.handler_id)

    def test_c11_round_robin_skips_handler_on_time_off(self):
        """A validated time off of hr_holidays, when installed (property_complaint
        does not depend on it)."""
        if "hr.leave" not in self.env:
            # without hr_holidays, the leaves of the working time only (above)
            self.assertEqual(
                self.rule._at_work(self.handler, self._dt(RECEIVED)), self.handler
            )
            return
        self.emp_handler.sudo().tz = "Asia/Shanghai"
        leave_type = self.env["hr.leave.type"].create(
            {
                "name": "Test day off",
                "requires_allocation": "no",
                "leave_validation_type": "no_validation",
            }
        )
        leave = (
            self.env["hr.leave"]
            .with_context(mail_create_nolog=True, mail_notrack=True)
            .create(
                {
                    "employee_id": self.emp_handler.id,
                    "holiday_status_id": leave_type.id,
                    "request_date_from": "2025-03-03",
                    "request_date_to": "2025-03-03",
                }
            )
        )
        self.assertEqual(leave.state, "validate")
        handlers = [
            self._register(category_id=self.cat_pipe.id).handler_id for _i in range(3)
        ]
        self.assertEqual(handlers, [self.handler2, self.head, self.handler2])

    def test_c11_least_open_work(self):
        self.rule.assign_method = "least_open"
        first = self._register(category_id=self.cat_pipe.id)
        second = self._register(category_id=self.cat_pipe.id)
        third = self._register(category_id=self.cat_pipe.id)
        self.assertEqual(
            (first | second | third).handler_id,
            self.handler | self.handler2 | self.head,
        )
        # the handler of the first has one open complaint less once it is resolved
        first.sudo()._write_action({"state": "closed"})
        self.assertEqual(
            self._register(category_id=self.cat_pipe.id).handler_id, first.handler_id
        )

    # ------------------------------------------------------------------
    # The transfer log
    # ------------------------------------------------------------------
    def test_c11_automatic_dispatch_in_transfer_log(self):
        complaint = self._register(category_id=self.cat_pipe.id)
        self.rpc_as(self.agent)
        log = self.rpc(
            "property.complaint.transfer",
            "search_read",
            [("complaint_id", "=", complaint.id)],
            [
                "user_id",
                "from_department_id",
                "from_handler_id",
                "to_department_id",
                "to_handler_id",
                "is_transfer",
                "rule_id",
                "reason",
            ],
        )
        self.assertEqual(len(log), 1)
        line = log[0]
        self.assertEqual(line["user_id"][0], self.agent.id)
        self.assertFalse(line["from_department_id"])
        self.assertFalse(line["from_handler_id"])
        self.assertEqual(line["to_department_id"][0], self.dep_engineering.id)
        self.assertEqual(line["to_handler_id"][0], self.handler.id)
        self.assertFalse(line["is_transfer"])
        self.assertEqual(line["rule_id"][0], self.rule.id)
        self.assertIn(self.rule.name, line["reason"])
        # dispatched as by hand: accepted, the handler follows it and has the to-do
        self.assertEqual(complaint.state, "progress")
        self.assertTrue(complaint.date_accepted)
        self.assertIn(self.handler.partner_id, complaint.message_partner_ids)
        self.assertIn(self.handler, complaint.activity_ids.user_id)
        # a complaint no rule matches, or one dispatched at registration, is not
        # dispatched by the rules
        other = self._register(category_id=self.cat_noise.id)
        self.assertFalse(other.department_id or other.handler_id or other.transfer_ids)
        by_hand = self._register(
            category_id=self.cat_pipe.id,
            department_id=self.dep_security.id,
            handler_id=self.handler2.id,
        )
        self.assertEqual(by_hand.transfer_ids.rule_id, self.env[self.rule._name])
        self.assertEqual(by_hand.handler_id, self.handler2)
        # the dispatch wizard proposes the rule's department
        wizard = Form(
            self.env["property.complaint.dispatch"]
            .with_user(self.agent)
            .with_context(default_complaint_id=other.id)
        )
        self.assertFalse(wizard.department_id)
        self.cat_noise.department_id = self.dep_security
        wizard = Form(
            self.env["property.complaint.dispatch"]
            .with_user(self.agent)
            .with_context(default_complaint_id=other.id)
        )
        self.assertEqual(wizard.department_id, self.dep_security)
