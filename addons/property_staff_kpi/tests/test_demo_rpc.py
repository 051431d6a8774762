from datetime import date

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import KpiCase


@tagged("post_install", "-at_install")
class TestDemoAttendanceRpc(RpcMixin, HttpCase, KpiCase):
    """The demo staff worked last month: the demo setup records their attendances, so
    that nobody is judged absent (A03, 旷工 −20) for lack of them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")
        (cls.emp_agent | cls.emp_trainer).resource_calendar_id = cls.calendar

    def _own_statuses(self, user, date_from, date_to):
        self.rpc_as(user)
        verdicts = self.rpc(
            "property.attendance.verdict",
            "search_read",
            [
                ("employee_user_id", "=", user.id),
                ("date", ">=", str(date_from)),
                ("date", "<=", str(date_to)),
            ],
            ["date", "status"],
        )
        return {v["date"]: v["status"] for v in verdicts}

    @freeze_time("2025-04-10 04:00:00")
    def test_a03_demo_staff_worked_last_month(self):
        Verdict = self.env["property.attendance.verdict"]
        employees = self.emp_agent | self.emp_trainer
        first, last = date(2025, 3, 1), date(2025, 4, 9)
        # refused first: without attendances every working day is absenteeism
        Verdict._compute_period(employees, first, last)
        statuses = self._own_statuses(self.user_agent, first, last)
        self.assertEqual(len(statuses), 28, "22 working days of March, 6 of April")
        self.assertEqual(set(statuses.values()), {"absent"})

        self.env.company._property_demo_setup()

        self.assertLessEqual(
            employees, self.env.company._property_demo_staff_employees()
        )
        attendances = self.env["hr.attendance"].search(
            [("employee_id", "in", employees.ids)]
        )
        self.assertEqual(len(attendances), 2 * 28)
        self.assertFalse(
            attendances.filtered(lambda a: a.check_in.date() >= date(2025, 4, 10))
        )
        Verdict._compute_period(employees, first, last)
        statuses = self._own_statuses(self.user_agent, first, last)
        self.assertEqual(set(statuses.values()), {"present"})
        self.assertEqual(
            set(self._own_statuses(self.user_trainer, first, last).values()),
            {"present"},
        )
        # run again (make run twice): nothing doubled
        self.env.company._property_demo_setup()
        self.assertEqual(
            self.env["hr.attendance"].search_count(
                [("employee_id", "in", employees.ids)]
            ),
            56,
        )


@tagged("post_install", "-at_install")
class TestDemoAdminNameRpc(RpcMixin, HttpCase, KpiCase):
    """The demo's administrator has a Chinese name (issue #19), on its user and its
    employee; a name the company gave it stays."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_staff_kpi")
        cls.admin = cls.env.ref("base.user_admin")
        cls.admin_employee = cls.env["hr.employee"].search(
            [("user_id", "=", cls.admin.id)], limit=1
        ) or cls.env["hr.employee"].create({"name": "Admin", "user_id": cls.admin.id})

    def _names_seen(self):
        self.rpc_as(self.user_agent)
        [user] = self.rpc("res.users", "read", self.admin.ids, ["name"])
        [employee] = self.rpc(
            "hr.employee.public", "read", self.admin_employee.ids, ["name"]
        )
        return user["name"], employee["name"]

    def test_demo_admin_renamed_by_the_company_keeps_its_name(self):
        self.admin.name = "周经理"
        self.admin_employee.name = "周经理"
        self.env.company._property_demo_setup()
        self.assertEqual(self._names_seen(), ("周经理", "周经理"))

    def test_demo_admin_gets_a_chinese_name(self):
        self.admin.name = "Mitchell Admin"
        self.admin_employee.name = "Mitchell Admin"
        self.env.company._property_demo_setup()
        user_name, employee_name = self._names_seen()
        self.assertEqual(user_name, employee_name)
        self.assertRegex(user_name, r"^[\u4e00-\u9fff]{2,4}$")
