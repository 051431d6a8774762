from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.models.res_company import DEMO_COMPANY_NAME
from odoo.addons.property_base.tests.rpc import RpcMixin

from ..models.res_company import DEMO_DEPARTMENTS
from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestDemoSetupRpc(RpcMixin, HttpCase, ComplaintCase):
    """The demo looks like a Chinese property company: its name, the yuan, its own
    departments once each (Odoo's demo departments and employees out of the
    dispatch), the demo staff in them, cs_pmc in the project management centre."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        Department = cls.env["hr.department"]
        data = cls.env["ir.model.data"]
        # the departments of the demo data, when installed, renamed out of the way: the
        # test sets the state the demo setup meets
        aliases = [alias for _name, names in DEMO_DEPARTMENTS for alias in names]
        for department in Department.with_context(active_test=False).search(
            [("name", "in", aliases)]
        ):
            department.name = f"{department.name} (demo data)"
        # what Odoo's and the addons' demo data leave: an English department and its
        # employee of Odoo's demo, two 客服部, a 秩序部
        cls.odoo_department = Department.create({"name": "Research & Development"})
        cls.odoo_employee = cls.env["hr.employee"].create(
            {"name": "Marc Demo", "department_id": cls.odoo_department.id}
        )
        data.create(
            [
                {
                    "module": "hr",
                    "name": "test_demo_dep_rd",
                    "model": "hr.department",
                    "res_id": cls.odoo_department.id,
                },
                {
                    "module": "hr",
                    "name": "test_demo_employee_marc",
                    "model": "hr.employee",
                    "res_id": cls.odoo_employee.id,
                },
            ]
        )
        cls.service_1 = Department.create({"name": "客服部"})
        cls.service_2 = Department.create({"name": "客服部"})
        cls.order = Department.create({"name": "秩序部"})
        cls.service_agent = cls.env["hr.employee"].create(
            {
                "name": "王专员",
                "user_id": cls.agent.id,
                "department_id": cls.service_2.id,
            }
        )
        # the demo's users when the database has the demo data
        Users = cls.env["res.users"].with_context(active_test=False)
        cls.cs_pmc = Users.search([("login", "=", "cs_pmc")]) or cls._create_user(
            "cs_pmc", cls.env.ref("property_base.group_property_user")
        )
        cls.cs_handler = Users.search(
            [("login", "=", "cs_handler")]
        ) or cls._create_user("cs_handler", cls.group_handler)
        cls.site.user_ids = [
            Command.link(cls.cs_pmc.id),
            Command.link(cls.cs_handler.id),
        ]

    def test_demo_01_chinese_company_and_departments(self):
        self.rpc_as(self.agent)
        # before: Odoo's demo department is offered, 客服部 twice
        names = [
            name
            for _id, name in self.rpc(
                "hr.department", "name_search", "", [], "ilike", 100
            )
        ]
        self.assertIn("Research & Development", names)
        self.assertGreaterEqual(names.count("客服部"), 2)

        self.env.company._property_demo_setup()

        self.assertEqual(self.env.company.name, DEMO_COMPANY_NAME)
        self.assertEqual(self.env.company.currency_id, self.env.ref("base.CNY"))
        company = self.rpc(
            "res.company", "read", [self.env.company.id], ["name", "currency_id"]
        )
        self.assertEqual(company[0]["name"], DEMO_COMPANY_NAME)
        self.assertEqual(company[0]["currency_id"][1], "CNY")
        names = [
            name
            for _id, name in self.rpc(
                "hr.department", "name_search", "", [], "ilike", 100
            )
        ]
        self.assertNotIn("Research & Development", names)
        self.assertNotIn("秩序部", names)
        for name, _aliases in DEMO_DEPARTMENTS:
            self.assertEqual(names.count(name), 1, name)
        self.assertFalse(self.odoo_employee.active)
        self.assertFalse(self.odoo_department.active)
        # the duplicate's people in the one 客服部 kept, the old 秩序部 renamed
        self.assertFalse(self.service_2.active)
        self.assertEqual(self.service_agent.department_id, self.service_1)
        self.assertEqual(self.order.name, "秩序维护部")
        self.assertTrue(self.order.active)

    def test_demo_02_demo_staff_in_their_departments(self):
        self.env.company._property_demo_setup()
        self.assertIn(
            self.cs_pmc, self.env.ref("property_complaint.group_complaint_pmc").users
        )
        employee = self.env["hr.employee"].search([("user_id", "=", self.cs_pmc.id)])
        self.assertEqual(employee.department_id.name, "项目管理中心")
        self.assertEqual(employee.department_id.manager_id, employee)
        handler = self.env["hr.employee"].search([("user_id", "=", self.cs_handler.id)])
        self.assertEqual(handler.department_id.name, "工程部")
        # cs_pmc now works as the project management centre: its home is the overview
        self.rpc_as(self.cs_pmc)
        home = self.rpc_raw("/web/session/get_session_info", {})["result"][
            "home_action_id"
        ]
        self.assertEqual(
            home,
            self.env.ref("property_complaint.property_complaint_action_overview").id,
        )
        # run again (make run twice): nothing doubled
        self.env.company._property_demo_setup()
        names = self.env["hr.department"].search([]).mapped("name")
        for name, _aliases in DEMO_DEPARTMENTS:
            self.assertEqual(names.count(name), 1, name)
