from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin
from odoo.addons.property_base.tests.settings import SettingsCaseMixin
from odoo.addons.property_complaint.tests.common import ComplaintCase


@tagged("post_install", "-at_install")
class TestSettingsRpc(SettingsCaseMixin, RpcMixin, HttpCase, ComplaintCase):
    """C08, A10: in the suite's Settings each manager changes the rule numbers of his
    own addon only: the assessment manager not the complaint register's, the
    service-centre manager not the assessment's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint", "property_staff_kpi")
        cls.kpi_manager = cls._create_user(
            "t_kpi_manager", cls.env.ref("property_staff_kpi.group_kpi_manager")
        )

    def test_c08_kpi_manager_cannot_change_complaint_settings(self):
        self.rpc_as(self.kpi_manager)
        self._assertSettingsRefused(self.company, property_complaint_response_hours=9)
        # nor with one of his own settings beside it
        self._assertSettingsRefused(
            self.company,
            property_staff_kpi_attendance_disciplinary_minutes=45,
            property_complaint_response_hours=9,
        )

    def test_a10_complaint_manager_cannot_change_kpi_settings(self):
        self.rpc_as(self.cs_manager)
        self._assertSettingsRefused(
            self.company, property_staff_kpi_attendance_disciplinary_minutes=45
        )
