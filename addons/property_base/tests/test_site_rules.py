from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PropertyCase


@tagged("post_install", "-at_install")
class TestSiteRules(PropertyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_a = cls._create_user("t_agent_a", cls.group_user)
        cls.user_b = cls._create_user("t_agent_b", cls.group_user)
        cls.admin_user = cls._create_user("t_property_admin", cls.group_manager)
        cls.site.user_ids = [Command.link(cls.user_a.id)]
        cls.site_b = cls.env["property.site"].create(
            {
                "name": "Test Site B",
                "code": "TB",
                "calendar_id": cls.calendar.id,
                "user_ids": [Command.link(cls.user_b.id)],
            }
        )
        cls.building_b = cls.env["property.building"].create(
            {"name": "B1", "site_id": cls.site_b.id}
        )
        cls.unit_b = cls.env["property.unit"].create(
            {"building_id": cls.building_b.id, "number": "201"}
        )
        cls.other_company = cls.env["res.company"].create(
            {"name": "Other Property Co."}
        )
        cls.site_c = cls.env["property.site"].create(
            {
                "name": "Other company's site",
                "code": "OC",
                "company_id": cls.other_company.id,
                "calendar_id": cls.calendar.id,
            }
        )

    def test_base_user_sees_only_assigned_sites(self):
        Unit = self.env["property.unit"].with_user(self.user_a)
        self.assertEqual(Unit.search([]), self.unit)
        self.assertEqual(
            self.env["property.site"].with_user(self.user_a).search([]), self.site
        )
        self.assertEqual(
            self.env["property.building"].with_user(self.user_a).search([]),
            self.building,
        )
        with self.assertRaises(AccessError):
            self.unit_b.with_user(self.user_a).read(["number"])
        with self.assertRaises(AccessError):
            self.site_b.with_user(self.user_a).read(["name"])
        self.assertEqual(Unit.with_user(self.user_b).search([]), self.unit_b)

    def test_base_manager_and_supervisor_see_their_site(self):
        self.assertEqual(
            self.env["property.unit"].with_user(self.user_site_manager).search([]),
            self.unit,
        )
        self.site_b.supervisor_ids = self.user_site_manager
        self.assertEqual(
            self.env["property.unit"].with_user(self.user_site_manager).search([]),
            self.unit | self.unit_b,
        )

    def test_base_assignment_change_applies_at_once(self):
        Unit = self.env["property.unit"].with_user(self.user_a)
        self.assertNotIn(self.unit_b, Unit.search([]))
        self.site_b.user_ids = [Command.link(self.user_a.id)]
        self.assertIn(self.unit_b, Unit.search([]))
        self.site_b.user_ids = [Command.unlink(self.user_a.id)]
        self.assertNotIn(self.unit_b, Unit.search([]))

    def test_base_admin_sees_all_sites_of_own_company_only(self):
        sites = self.env["property.site"].with_user(self.admin_user).search([])
        self.assertIn(self.site, sites)
        self.assertIn(self.site_b, sites)
        self.assertNotIn(self.site_c, sites)
        with self.assertRaises(AccessError):
            self.site_c.with_user(self.admin_user).read(["name"])

    def test_base_site_user_cannot_edit_master_data(self):
        with self.assertRaises(AccessError):
            self.unit.with_user(self.user_a).write({"area": 50})
        with self.assertRaises(AccessError):
            self.env["property.site"].with_user(self.user_a).create(
                {"name": "X", "code": "X", "calendar_id": self.calendar.id}
            )
        self.unit.with_user(self.admin_user).write({"area": 50})
        self.assertEqual(self.unit.area, 50)
