from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import KpiCase


@tagged("post_install", "-at_install")
class TestKpiHomeRpc(RpcMixin, HttpCase, KpiCase):
    """The trainer (an assessor) lands on this month's assessments; the staff see their
    own assessments and not the assessors' menus."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")

    def test_home_01_employee_sees_only_own_assessments(self):
        self.rpc_as(self.user_agent)
        apps, menus = self.rpc_menus()
        for hidden in (
            "property_staff_kpi.menu_kpi_assessment",
            "property_staff_kpi.menu_kpi_batch",
            "property_staff_kpi.menu_kpi_line",
            "property_staff_kpi.menu_kpi_config",
        ):
            self.assertNotIn(hidden, menus)
        self.assertNotIn("hr.menu_hr_root", apps)
        self.assertNotIn("survey.menu_surveys", apps)
        self.assertNotIn("base.menu_management", apps)
        self.assertIn("property_staff_kpi.menu_kpi_own", menus)
        self.assertFalse(self.rpc_home_action())

    def test_home_02_trainer_lands_on_this_months_assessments(self):
        self.rpc_as(self.user_trainer)
        apps, menus = self.rpc_menus()
        self.assertNotIn("property_staff_kpi.menu_kpi_config", menus)
        self.assertIn("property_staff_kpi.menu_kpi_assessment", menus)
        self.assertIn("hr.menu_hr_root", apps)
        month = self.env.ref("property_staff_kpi.property_kpi_assessment_action_month")
        self.assertEqual(self.rpc_home_action(), month.id)
        action = self.rpc_raw("/web/action/load", {"action_id": month.id})["result"]
        self.assertIn("search_default_filter_month", action["context"])
