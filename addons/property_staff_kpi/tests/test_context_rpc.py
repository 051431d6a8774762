"""Client context keys never switch off a rule (A06, A08), acting over JSON-RPC: the
time-off shortcut ``leave_fast_create`` stays usable by Odoo's own server code and is
removed from what a client sends (property_base/tools/client_context.py)."""

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .test_leave_rules import TUESDAY, LeaveCase


@tagged("post_install", "-at_install")
class TestLeaveContextRpc(RpcMixin, HttpCase, LeaveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")

    def _leave_vals(self, leave_type):
        return {
            "employee_id": self.emp_agent.id,
            "holiday_status_id": leave_type.id,
            "request_date_from": str(TUESDAY),
            "request_date_to": str(TUESDAY),
        }

    @freeze_time("2025-03-01 02:00:00")
    def test_a08_fast_create_from_a_client_cannot_file_personal_leave_for_a_colleague(
        self,
    ):
        Leave = self.env["hr.leave"].with_context(active_test=False)
        before = Leave.search_count([("employee_id", "=", self.emp_agent.id)])
        self.rpc_as(self.user_officer)
        for context in ({"leave_fast_create": True}, {"leave_skip_state_check": True}):
            with self.subTest(context=context):
                self.assertRpcRefused(
                    "hr.leave",
                    "create",
                    self._leave_vals(self.personal),
                    context=context,
                )
        self.assertEqual(
            Leave.search_count([("employee_id", "=", self.emp_agent.id)]), before
        )

    @freeze_time("2025-03-03 02:00:00")
    def test_a06_fast_create_from_a_client_keeps_the_late_notice_flag(self):
        self.rpc_as(self.user_agent)
        leave_id = self.rpc(
            "hr.leave",
            "create",
            self._leave_vals(self.personal),
            context={"leave_fast_create": True, "tracking_disable": True},
        )
        leave = self.env["hr.leave"].browse(leave_id)
        self.assertTrue(leave.property_late_notice)
        self.assertIn("A06", " ".join(leave.message_ids.mapped("body")))
