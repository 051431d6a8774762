from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin
from odoo.addons.property_base.tests.settings import SettingsCaseMixin

from .common import VisitorCase


@tagged("post_install", "-at_install")
class TestSettingsRpc(SettingsCaseMixin, RpcMixin, HttpCase, VisitorCase):
    """V04: the validity, fee and deposit of a temporary entry pass are settings of each
    company, changed in the suite's Settings by the security manager, who has no Odoo
    administration rights; a pass takes the numbers of its company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor")
        cls.company_b, cls.site_b = cls._settings_company("Property Co. B", "TB")
        cls.company_c, cls.site_c = cls._settings_company("Property Co. C", "TC")
        cls.security_b = cls._settings_user(
            "t_settings_security",
            [cls.group_security],
            cls.company | cls.company_b,
            sites=cls.site | cls.site_b,
        )

    def _pass(self, site):
        with freeze_time("2025-03-03 02:00:00"):
            return self.env["property.pass"].create(
                {
                    "site_id": site.id,
                    "holder_name": "Li Gong",
                    "holder_category": "decoration",
                    "date_from": "2025-03-03",
                }
            )

    def test_v04_front_desk_cannot_change_a_setting(self):
        for user in (self.frontdesk, self.supervisor):
            with self.subTest(user=user.login):
                self.rpc_as(user)
                self._assertSettingsRefused(
                    self.company,
                    property_visitor_temp_pass_validity_days=90,
                    property_visitor_temp_pass_deposit=0.0,
                )

    def test_v04_security_manager_cannot_change_another_company(self):
        self.rpc_as(self.security_b)
        self._assertSettingsRefused(
            self.company_c, property_visitor_temp_pass_validity_days=90
        )

    def test_v04_security_manager_sets_each_company_own_numbers(self):
        manager = self.security_b
        self.assertFalse(manager.has_group("base.group_system"))
        self.rpc_as(manager)
        self._rpc_settings(
            self.company,
            property_visitor_temp_pass_validity_days=15,
            property_visitor_temp_pass_deposit=80.0,
        )
        self._rpc_settings(
            self.company_b,
            property_visitor_temp_pass_validity_days=20,
            property_visitor_temp_pass_deposit=30.0,
        )
        in_a, in_b = self._pass(self.site), self._pass(self.site_b)
        self.assertEqual((str(in_a.date_to), in_a.deposit), ("2025-03-18", 80.0))
        self.assertEqual((str(in_b.date_to), in_b.deposit), ("2025-03-23", 30.0))
        self.env.invalidate_all()
        self.assertEqual(self.company_c.property_visitor_temp_pass_validity_days, 30)

    def test_v04_upgrade_moves_the_parameters_to_every_company(self):
        self._assertUpgradeMoves(
            "property_visitor",
            {
                "property_visitor.temp_pass_validity_days": "15",
                "property_visitor.temp_pass_fee": "12.5",
                "property_visitor.night_start_hour": "21.0",
                "property_visitor.lookup_limit": "10",
            },
            {
                "property_visitor_temp_pass_validity_days": 15,
                "property_visitor_temp_pass_fee": 12.5,
                "property_visitor_night_start_hour": 21.0,
                "property_visitor_lookup_limit": 10,
                "property_visitor_resident_card_validity_days": 365,
            },
        )
