from datetime import timedelta

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin
from odoo.addons.property_base.tests.settings import SettingsCaseMixin

from .test_attendance_verdict import MONDAY, AttendanceCase


@tagged("post_install", "-at_install")
class TestSettingsRpc(SettingsCaseMixin, RpcMixin, HttpCase, AttendanceCase):
    """A10, K13: the disciplinary threshold of lateness and the minute bands of a late
    emergency call-out are settings of each company, changed in the suite's Settings by
    the assessment manager, who has no Odoo administration rights; a verdict and a
    call-out take the numbers of their company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")
        cls.company_b, cls.site_b = cls._settings_company("Property Co. B", "TB")
        cls.company_c, cls.site_c = cls._settings_company("Property Co. C", "TC")
        cls.kpi_manager = cls._settings_user(
            "k_settings_manager",
            [cls.group_kpi_manager],
            cls.company | cls.company_b,
            sites=cls.site | cls.site_b,
        )
        cls.emp_b = cls.env["hr.employee"].create(
            {
                "name": "Agent Sun",
                "company_id": cls.company_b.id,
                "resource_calendar_id": cls.calendar.id,
                "tz": "Asia/Shanghai",
            }
        )

    def _callout(self, site, late_minutes):
        callout = self.env["property.emergency.callout"].create(
            {
                "name": "Water pipe burst",
                "employee_id": self.emp_agent.id,
                "site_id": site.id,
                "call_time": "2025-03-03 02:00:00",
                "response_minutes": 15,
            }
        )
        callout.arrival_time = callout.deadline + timedelta(minutes=late_minutes)
        return callout

    def test_a10_employee_cannot_change_a_setting(self):
        self.rpc_as(self.user_agent)
        self._assertSettingsRefused(
            self.company, property_staff_kpi_attendance_disciplinary_minutes=60
        )

    def test_a10_manager_cannot_change_another_company(self):
        self.rpc_as(self.kpi_manager)
        self._assertSettingsRefused(
            self.company_c, property_staff_kpi_attendance_disciplinary_minutes=60
        )

    def test_a10_manager_sets_each_company_own_threshold(self):
        self.rpc_as(self.kpi_manager)
        self._rpc_settings(
            self.company, property_staff_kpi_attendance_disciplinary_minutes=20
        )
        self._rpc_settings(
            self.company_b, property_staff_kpi_attendance_disciplinary_minutes=30
        )
        # both 20 minutes late on Monday: a violation in company A only
        for employee in (self.emp_agent, self.emp_b):
            self.attend(employee, MONDAY, (0.5 + 20 / 60, 4.0), (5.5, 9.5))
        in_a, in_b = self.verdict(self.emp_agent), self.verdict(self.emp_b)
        self.assertEqual((in_a.late_minutes, in_b.late_minutes), (20, 20))
        self.assertTrue(in_a.disciplinary)
        self.assertFalse(in_b.disciplinary)

    def test_k13_employee_cannot_change_a_setting(self):
        self.rpc_as(self.user_agent)
        self._assertSettingsRefused(
            self.company,
            property_staff_kpi_emergency_band_1_minutes=20,
            property_staff_kpi_attendance_grace_minutes=30,
        )

    def test_k13_manager_cannot_change_another_company(self):
        self.rpc_as(self.kpi_manager)
        self._assertSettingsRefused(
            self.company_c, property_staff_kpi_emergency_band_1_minutes=20
        )

    def test_k13_manager_sets_each_company_own_bands(self):
        manager = self.kpi_manager
        self.assertFalse(manager.has_group("base.group_system"))
        self.rpc_as(manager)
        self._rpc_settings(self.company, property_staff_kpi_emergency_band_1_minutes=10)
        self._rpc_settings(
            self.company_b, property_staff_kpi_emergency_band_1_minutes=20
        )
        self.env.invalidate_all()
        self.assertEqual(self.company_b.property_staff_kpi_emergency_band_1_minutes, 20)
        self.assertEqual(self.company_c.property_staff_kpi_emergency_band_1_minutes, 10)
        # 15 minutes late: medium in company A (light up to 10), light in B (up to 20)
        in_a, in_b = self._callout(self.site, 15), self._callout(self.site_b, 15)
        self.assertEqual(in_a.late_minutes, 15)
        self.assertEqual(
            in_a._kpi_item(), self.env.ref("property_staff_kpi.item_k04_emergency_30")
        )
        self.assertEqual(
            in_b._kpi_item(), self.env.ref("property_staff_kpi.item_k03_emergency_10")
        )

    def test_k13_upgrade_moves_the_parameters_to_every_company(self):
        self._assertUpgradeMoves(
            "property_staff_kpi",
            {
                "property_staff_kpi.emergency_band_1_minutes": "12",
                "property_staff_kpi.attendance_max_hours": "10.5",
            },
            {
                "property_staff_kpi_emergency_band_1_minutes": 12,
                "property_staff_kpi_attendance_max_hours": 10.5,
                "property_staff_kpi_emergency_band_2_minutes": 30,
            },
        )
