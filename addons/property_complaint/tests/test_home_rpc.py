from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestHomeRpc(RpcMixin, HttpCase, ComplaintCase):
    """Each role of the complaint desk lands on its own work and sees only its menus."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        ref = cls.env.ref
        cls.action_register = ref(
            "property_complaint.property_complaint_action_register"
        )
        cls.action_my_work = ref("property_complaint.property_complaint_action_my_work")
        cls.action_overview = ref(
            "property_complaint.property_complaint_action_overview"
        )

    def _home(self):
        """The home action the web client opens (session info) and the user's own."""
        home = self.rpc_home_action()
        self.assertEqual(
            self.rpc("res.users", "read", [self._rpc_user.id], ["action_id"])[0][
                "action_id"
            ][0],
            home,
        )
        return home

    def test_home_01_handler_sees_only_the_work_dispatched(self):
        self.rpc_as(self.handler)
        apps, menus = self.rpc_menus()
        # hidden first: the register, the dispatches, Odoo's employee directory, the
        # apps
        for hidden in (
            "property_complaint.menu_property_complaint_all",
            "property_complaint.menu_property_complaint_mine",
            "property_complaint.menu_property_complaint_transfer",
            "property_complaint.menu_property_complaint_overview",
            "property_complaint.menu_property_complaint_statistics",
            "property_base.menu_property_config",
        ):
            self.assertNotIn(hidden, menus)
        self.assertNotIn("hr.menu_hr_root", apps)
        self.assertNotIn("base.menu_management", apps)
        self.assertIn("property_base.menu_property_root", apps)
        self.assertIn("property_complaint.menu_property_complaint_my_work", menus)
        self.assertEqual(self._home(), self.action_my_work.id)

    def test_home_02_my_work_is_what_is_dispatched_to_me(self):
        mine = self._new_complaint()
        self._dispatch(mine, self.dep_engineering, self.handler)
        other = self._new_complaint()
        self._dispatch(other, self.dep_security, self.handler2)
        self.rpc_as(self.handler)
        # the web client's call
        action = self.rpc_raw(
            "/web/action/load", {"action_id": self.action_my_work.id}
        )["result"]
        self.assertIn("search_default_filter_open", action["context"])
        domain = safe_eval(action["domain"], {"uid": self.handler.id})
        found = self.rpc(
            "property.complaint", "search", [*domain, ("is_closed", "=", False)]
        )
        self.assertEqual(found, mine.ids)

    def test_home_03_agent_lands_on_the_open_register(self):
        self.rpc_as(self.agent)
        apps, menus = self.rpc_menus()
        self.assertNotIn("property_complaint.menu_property_complaint_overview", menus)
        self.assertNotIn("property_complaint.menu_property_complaint_statistics", menus)
        self.assertNotIn("hr.menu_hr_root", apps)
        self.assertIn("property_complaint.menu_property_complaint_all", menus)
        self.assertIn("property_complaint.menu_property_complaint_transfer", menus)
        self.assertEqual(self._home(), self.action_register.id)

    def test_home_04_supervisor_and_manager_land_on_the_overview(self):
        for user in (self.supervisor, self.cs_manager, self.pmc, self.quality):
            with self.subTest(user=user.login):
                self.rpc_as(user)
                apps, menus = self.rpc_menus()
                self.assertNotIn("base.menu_management", apps)
                self.assertIn(
                    "property_complaint.menu_property_complaint_overview", menus
                )
                self.assertIn(
                    "property_complaint.menu_property_complaint_statistics", menus
                )
                self.assertIn("hr.menu_hr_root", apps)
                self.assertEqual(self._home(), self.action_overview.id)

    def test_home_05_the_home_follows_the_role(self):
        # a role given through the group moves the home, through the user too
        self.group_agent.write({"users": [Command.link(self.handler.id)]})
        self.assertEqual(self.handler.action_id.id, self.action_register.id)
        self.handler.write({"groups_id": [Command.link(self.group_supervisor.id)]})
        self.assertEqual(self.handler.action_id.id, self.action_overview.id)
        # no role any more: no home of the suite
        self.handler.write(
            {"groups_id": [Command.set([self.env.ref("base.group_user").id])]}
        )
        self.assertFalse(self.handler.action_id)
        # a home chosen by hand is kept
        discuss = self.env.ref("mail.action_discuss")
        self.agent.action_id = discuss.id
        self.agent.write({"groups_id": [Command.link(self.group_supervisor.id)]})
        self.assertEqual(self.agent.action_id.id, discuss.id)
