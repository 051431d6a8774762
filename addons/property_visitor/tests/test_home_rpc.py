from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import VisitorCase


@tagged("post_install", "-at_install")
class TestVisitorHomeRpc(RpcMixin, HttpCase, VisitorCase):
    """The guard lands on the gate and sees the gate's menus, the front desk on the
    visitor desk."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor")

    def test_home_01_guard_sees_the_gate_not_the_desk(self):
        self.rpc_as(self.guard)
        apps, menus = self.rpc_menus()
        # hidden first: the desk's registers and its visitors' personal data, the apps
        for hidden in (
            "property_visitor.menu_visit_desk",
            "property_visitor.menu_visit",
            "property_visitor.menu_visitor",
            "property_visitor.menu_pass",
            "property_visitor.menu_move_slot",
            "property_visitor.menu_signatory",
            "property_visitor.menu_parcel",
            "property_visitor.menu_visit_register_print",
            "property_visitor.menu_gate_log",
            "property_visitor.menu_personal_lookup",
            "property_base.menu_property_config",
        ):
            self.assertNotIn(hidden, menus)
        self.assertNotIn("base.menu_management", apps)
        for shown in (
            "property_visitor.menu_gate_verify",
            "property_visitor.menu_visit_on_site",
            "property_visitor.menu_goods_pass",
            "property_visitor.menu_found_item",
        ):
            self.assertIn(shown, menus)
        self.assertEqual(
            self.rpc_home_action(),
            self.env.ref("property_visitor.property_gate_verify_action").id,
        )

    def test_home_02_front_desk_lands_on_the_visitor_desk(self):
        self.rpc_as(self.frontdesk)
        apps, menus = self.rpc_menus()
        self.assertNotIn("property_visitor.menu_gate_log", menus)
        self.assertNotIn("base.menu_management", apps)
        for shown in (
            "property_visitor.menu_visit_desk",
            "property_visitor.menu_visit",
            "property_visitor.menu_visitor",
            "property_visitor.menu_gate_verify",
            "property_visitor.menu_parcel",
        ):
            self.assertIn(shown, menus)
        desk = self.env.ref("property_visitor.property_visit_desk_action")
        self.assertEqual(self.rpc_home_action(), desk.id)
        action = self.rpc_raw("/web/action/load", {"action_id": desk.id})["result"]
        self.assertEqual(action["res_model"], "property.visit")
        self.assertIn("checked_in", action["domain"])

    def test_home_03_security_manager_sees_both(self):
        self.rpc_as(self.security)
        _apps, menus = self.rpc_menus()
        for shown in (
            "property_visitor.menu_gate_verify",
            "property_visitor.menu_visit",
            "property_visitor.menu_gate_log",
        ):
            self.assertIn(shown, menus)
        self.assertEqual(
            self.rpc_home_action(),
            self.env.ref("property_visitor.property_gate_verify_action").id,
        )


@tagged("post_install", "-at_install")
class TestVisitorHomeBrowser(HttpCase, VisitorCase):
    """The web client opens each role's home at /odoo (the desk's domain of today is
    evaluated by the client without error)."""

    def test_home_04_web_client_opens_the_home(self):
        for user, ready in (
            (
                self.frontdesk,
                "!!document.querySelector('.o_list_view .o_control_panel')",
            ),
            (self.guard, "!!document.querySelector('.o_form_view [name=token] input')"),
        ):
            with self.subTest(user=user.login):
                user.password = user.login
                self.browser_js(
                    "/odoo",
                    "console.log('test successful')",
                    ready,
                    login=user.login,
                    timeout=60,
                )
