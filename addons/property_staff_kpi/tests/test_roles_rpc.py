import json

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import KpiCase

HR_ADMIN = (
    "hr.group_hr_manager",
    "hr.group_hr_user",
    "hr_attendance.group_hr_attendance_manager",
    "hr_attendance.group_hr_attendance_officer",
    "hr_holidays.group_hr_holidays_manager",
    "hr_holidays.group_hr_holidays_user",
)
ROLE_GROUPS = (
    "property_complaint.group_complaint_agent",
    "property_complaint.group_complaint_handler",
    "property_visitor.group_visitor_frontdesk",
    "property_visitor.group_visitor_guard",
    "property_staff_kpi.group_kpi_employee",
)


@tagged("post_install", "-at_install")
class TestRolesRpc(RpcMixin, HttpCase, KpiCase):
    """Roles no wider than their job: a user of a role of the suite, created as the
    administrator does in Settings -> Users (the template's groups plus the role),
    gets no HR, attendance or time-off administration (K13: attendance comes from
    check-in/out or the attendance officer); K10: an employee sees their own
    assessment, never where colleagues stand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")
        # the template as Odoo's HR apps leave it: their administration in it
        template = cls.env.ref("base.default_user")
        template.groups_id = [Command.link(cls.env.ref(x).id) for x in HR_ADMIN]

    def _new_user_as_in_settings(self, login, role_xmlid):
        """Settings -> Users -> New, tick the role, save: over RPC as the admin."""
        self.rpc_as(self.env.ref("base.user_admin"))
        defaults = self.rpc("res.users", "default_get", ["groups_id"])
        group_ids = set()
        for command in defaults.get("groups_id") or []:  # [(6, 0, ids)] or ids
            group_ids.update(command[2] if isinstance(command, list) else [command])
        self.assertTrue(group_ids, "the template gives the new user groups")
        group_ids.add(self.env.ref(role_xmlid).id)
        user_id = self.rpc(
            "res.users",
            "create",
            {
                "name": login,
                "login": login,
                "groups_id": [Command.set(sorted(group_ids))],
            },
        )
        return self.env["res.users"].browse(user_id)

    def test_k13_role_users_get_no_hr_administration(self):
        for role in ROLE_GROUPS:
            if not self.env.ref(role, raise_if_not_found=False):
                continue  # the addon of that role is not installed
            with self.subTest(role=role):
                user = self._new_user_as_in_settings(
                    f"t_role_{role.split('.')[1]}", role
                )
                self.assertTrue(user.has_group(role))
                for xmlid in HR_ADMIN:
                    self.assertFalse(user.has_group(xmlid), f"{role} got {xmlid}")

    def test_k13_agent_cannot_record_their_own_attendance(self):
        agent = self._new_user_as_in_settings(
            "t_new_agent", "property_staff_kpi.group_kpi_employee"
        )
        employee = self.env["hr.employee"].create(
            {"name": "New Agent", "user_id": agent.id}
        )
        before = self.env["hr.attendance"].search_count(
            [("employee_id", "=", employee.id)]
        )
        self.rpc_as(agent)
        # refused: an attendance with times of their choosing, a colleague's record
        self.assertRpcRefused(
            "hr.attendance",
            "create",
            {
                "employee_id": employee.id,
                "check_in": "2025-03-03 00:30:00",
                "check_out": "2025-03-03 09:30:00",
            },
        )
        self.assertRpcRefused(
            "hr.employee", "write", [self.emp_agent2.id], {"job_title": "Boss"}
        )
        self.assertEqual(
            self.env["hr.attendance"].search_count([("employee_id", "=", employee.id)]),
            before,
        )
        self.assertNotEqual(self.emp_agent2.job_title, "Boss")

    def test_k13_existing_role_users_lose_the_template_administration(self):
        user = self._create_user(
            "t_old_agent", self.env.ref("property_complaint.group_complaint_agent")
        )
        user.groups_id = [Command.link(self.env.ref(x).id) for x in HR_ADMIN]
        # as on the first install or update of the addons after the fix
        self.env["ir.config_parameter"].sudo().set_param(
            "property_base.roles_restricted_groups", ""
        )
        self.env["res.users"]._property_restrict_roles()
        for xmlid in HR_ADMIN:
            self.assertFalse(user.has_group(xmlid), xmlid)
        self.assertFalse(
            self.env.ref("base.default_user").groups_id & self.env.ref(HR_ADMIN[0])
        )
        # done once: a role user given HR rights by name afterwards keeps them
        user.groups_id = [Command.link(self.env.ref("hr.group_hr_user").id)]
        self.env["res.users"]._property_restrict_roles()
        self.assertTrue(user.has_group("hr.group_hr_user"))

    def test_k10_employee_does_not_see_the_team_rank(self):
        mine = self.assess(self.emp_agent)
        self.assess(self.emp_agent2)
        self.rpc_as(self.user_agent)
        # refused: the rank and the team size of their own assessment
        for fname in ("team_rank", "team_size"):
            with self.subTest(field=fname):
                self.assertRpcRefused(
                    "property.kpi.assessment", "read", [mine.id], [fname]
                )
        answer = self.rpc("property.kpi.assessment", "read", [mine.id], [])
        self.assertNotIn("team_rank", json.dumps(answer))
        self.assertEqual(answer[0]["id"], mine.id)
        fields = self.rpc("property.kpi.assessment", "fields_get", [])
        self.assertNotIn("team_rank", fields)
        # the assessor ranks the team
        self.rpc_as(self.user_supervisor)
        answer = self.rpc(
            "property.kpi.assessment", "read", [mine.id], ["team_rank", "team_size"]
        )
        self.assertEqual(answer[0]["team_size"], 2)
