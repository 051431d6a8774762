from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin
from odoo.addons.property_base.tests.settings import SettingsCaseMixin

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestSettingsRpc(SettingsCaseMixin, RpcMixin, HttpCase, ComplaintCase):
    """C08, C09: the rule numbers are settings of each company (RULES.md: each company
    adopts its own version), changed in the suite's Settings by the service-centre
    manager, who has no Odoo administration rights; a complaint takes the numbers of
    its company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        cls.company_b, cls.site_b = cls._settings_company("Property Co. B", "TB")
        cls.company_c, cls.site_c = cls._settings_company("Property Co. C", "TC")
        cls.centre_manager = cls._settings_user(
            "t_centre_manager",
            [cls.group_cs_manager],
            cls.company | cls.company_b,
            sites=cls.site | cls.site_b,
        )

    def _register(self, site, **vals):
        """A complaint registered over RPC by the logged-in user on ``site``."""
        values = self._complaint_vals(site_id=site.id, **vals)
        if site != self.site:
            values.pop("unit_id")
        with freeze_time("2025-03-03 02:00:00"):
            complaint_id = self.rpc(
                "property.complaint",
                "create",
                values,
                context={"allowed_company_ids": self._rpc_user.company_ids.ids},
            )
        return self.env["property.complaint"].browse(complaint_id)

    def test_c08_c09_agent_cannot_change_a_setting(self):
        self.assertFalse(self.agent.has_group("base.group_system"))
        self.rpc_as(self.agent)
        self._assertSettingsRefused(
            self.company,
            property_complaint_days_class3=9,
            property_complaint_response_hours=9,
        )

    def test_c08_c09_manager_cannot_change_another_company(self):
        self.rpc_as(self.centre_manager)
        self._assertSettingsRefused(self.company_c, property_complaint_days_class3=9)
        # nor by switching the company of his own settings afterwards
        settings_id = self._rpc_settings(self.company)
        before = self.company_c.property_complaint_days_class3
        self.assertRpcRefused(
            "property.settings",
            "write",
            [settings_id],
            {"company_id": self.company_c.id, "property_complaint_days_class3": 9},
            context={"allowed_company_ids": self.centre_manager.company_ids.ids},
        )
        self.env.invalidate_all()
        self.assertEqual(self.company_c.property_complaint_days_class3, before)
        self.assertEqual(self.company.property_complaint_days_class3, 5)

    def test_c08_c09_manager_sets_each_company_own_numbers(self):
        manager = self.centre_manager
        self.assertFalse(manager.has_group("base.group_system"))
        self.assertFalse(manager.has_group("base.group_erp_manager"))
        # the Settings are in the configuration menu of his app; not those of the sites
        menus = self.env["ir.ui.menu"].with_user(manager)._visible_menu_ids()
        ref = self.env.ref
        self.assertIn(
            ref("property_complaint.menu_property_config_complaint_settings").id, menus
        )
        self.assertIn(ref("property_base.menu_property_config").id, menus)
        self.assertNotIn(ref("property_base.menu_property_config_calendar").id, menus)
        self.assertNotIn(
            ref("property_complaint.menu_property_config_complaint_settings").id,
            self.env["ir.ui.menu"].with_user(self.agent)._visible_menu_ids(),
        )
        self.rpc_as(manager)
        # the form shows his block of the Settings
        views = self.rpc("property.settings", "get_views", [[False, "form"]])
        arch = views["views"]["form"]["arch"]
        self.assertIn("property_complaint_days_class3", arch)
        self.assertNotIn("property_visitor_", arch)
        # a new form: his current company and its numbers (the defaults here)
        opened = self.rpc(
            "property.settings",
            "onchange",
            [],
            {},
            [],
            {"company_id": {}, "property_complaint_days_class3": {}},
            context={"allowed_company_ids": [self.company.id, self.company_b.id]},
        )
        self.assertEqual(opened["value"]["company_id"], self.company.id)
        self.assertEqual(opened["value"]["property_complaint_days_class3"], 5)
        self._rpc_settings(
            self.company,
            property_complaint_response_hours=2,
            property_complaint_days_class3=1,
        )
        self._rpc_settings(
            self.company_b,
            property_complaint_response_hours=3,
            property_complaint_days_class3=2,
        )
        # the Settings show each company's own numbers
        settings_id = self._rpc_settings(self.company_b)
        [values] = self.rpc(
            "property.settings",
            "read",
            [settings_id],
            ["property_complaint_response_hours", "property_complaint_days_class3"],
            context={"allowed_company_ids": manager.company_ids.ids},
        )
        self.assertEqual(values["property_complaint_response_hours"], 3)
        self.assertEqual(values["property_complaint_days_class3"], 2)
        self.env.invalidate_all()
        self.assertEqual(self.company_c.property_complaint_days_class3, 5)
        # a complaint registered on Monday 10:00 in each company: its company's
        # deadlines
        in_a = self._register(self.site)
        in_b = self._register(self.site_b)
        self.assertEqual(in_a.company_id, self.company)
        self.assertEqual(in_b.company_id, self.company_b)
        self.assertEqual(str(in_a.date_deadline_response), "2025-03-03 04:00:00")
        self.assertEqual(str(in_b.date_deadline_response), "2025-03-03 05:00:00")
        # C09: 1 working day -> end of Tuesday; 2 -> end of Wednesday (Shanghai)
        self.assertEqual(str(in_a.date_deadline_resolution), "2025-03-04 15:59:59")
        self.assertEqual(str(in_b.date_deadline_resolution), "2025-03-05 15:59:59")

    def test_c08_c09_upgrade_moves_the_parameters_to_every_company(self):
        self._assertUpgradeMoves(
            "property_complaint",
            {
                "property_complaint.days_class3": "2",
                "property_complaint.response_hours": "3",
                "property_complaint.suspension_amount": "8000.0",
                "property_complaint.suspension_approval": "True",
            },
            {
                "property_complaint_days_class3": 2,
                "property_complaint_response_hours": 3,
                "property_complaint_suspension_amount": 8000.0,
                "property_complaint_suspension_approval": True,
                # not set: the default stays
                "property_complaint_days_class1": 1,
            },
        )

    def test_c08_c09_a_changed_setting_moves_no_given_deadline(self):
        """A complaint keeps the numbers in force when it was registered: the manager's
        later change applies to the complaints registered after it, and an unrelated
        change of an older complaint does not move its deadlines."""
        manager = self.centre_manager
        self.rpc_as(manager)
        self._rpc_settings(
            self.company,
            property_complaint_response_hours=2,
            property_complaint_days_class3=1,
        )
        older = self._register(self.site)
        given = (older.date_deadline_response, older.date_deadline_resolution)
        self.assertEqual(str(given[0]), "2025-03-03 04:00:00")
        self._rpc_settings(
            self.company,
            property_complaint_response_hours=5,
            property_complaint_days_class3=3,
        )
        # the client cannot rewrite the snapshot either
        self.rpc_as(self.agent)
        self.assertRpcRefused(
            "property.complaint",
            "write",
            [older.id],
            {"deadline_terms": {"response_hours": 99}},
        )
        with freeze_time("2025-03-03 03:00:00"):
            self.rpc(
                "property.complaint", "write", [older.id], {"description": "More facts"}
            )
        self.env.invalidate_all()
        self.assertEqual(
            (older.date_deadline_response, older.date_deadline_resolution), given
        )
        self.assertEqual(older.deadline_terms["response_hours"], 2)
        # a complaint registered after the change takes the new numbers
        newer = self._register(self.site)
        self.assertEqual(str(newer.date_deadline_response), "2025-03-03 07:00:00")
        self.assertEqual(str(newer.date_deadline_resolution), "2025-03-06 15:59:59")
