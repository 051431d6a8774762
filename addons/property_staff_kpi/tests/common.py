from datetime import date

from odoo.addons.property_base.tests.common import PropertyCase


class KpiCase(PropertyCase):
    """A customer-service team of the test site: a supervisor, a training specialist,
    a team leader and two front-line agents, with who scores whom configured."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.group_employee = cls.env.ref("property_staff_kpi.group_kpi_employee")
        cls.group_assessor = cls.env.ref("property_staff_kpi.group_kpi_assessor")
        cls.group_kpi_manager = cls.env.ref("property_staff_kpi.group_kpi_manager")
        cls.user_manager = cls._create_user("k_manager", cls.group_kpi_manager)
        cls.user_manager_2 = cls._create_user("k_manager_2", cls.group_kpi_manager)
        cls.user_supervisor = cls._create_user("k_supervisor", cls.group_assessor)
        cls.user_trainer = cls._create_user("k_trainer", cls.group_assessor)
        cls.user_leader = cls._create_user("k_leader", cls.group_employee)
        cls.user_agent = cls._create_user("k_agent", cls.group_employee)
        cls.user_agent2 = cls._create_user("k_agent2", cls.group_employee)
        cls.site.user_ids = [
            (4, user.id)
            for user in (
                cls.user_manager,
                cls.user_supervisor,
                cls.user_trainer,
                cls.user_leader,
                cls.user_agent,
                cls.user_agent2,
            )
        ]
        cls.team = cls.env["hr.department"].create({"name": "Customer Service Team"})
        Employee = cls.env["hr.employee"]

        def employee(name, user, role):
            return Employee.create(
                {
                    "name": name,
                    "user_id": user.id,
                    "department_id": cls.team.id,
                    "property_site_id": cls.site.id,
                    "kpi_role": role,
                }
            )

        cls.emp_supervisor = employee(
            "Supervisor Li", cls.user_supervisor, "supervisor"
        )
        cls.emp_trainer = employee("Trainer Xu", cls.user_trainer, "trainer")
        cls.emp_leader = employee("Leader Wang", cls.user_leader, "team_leader")
        cls.emp_agent = employee("Agent Zhao", cls.user_agent, "frontline")
        cls.emp_agent2 = employee("Agent Qian", cls.user_agent2, "frontline")
        Assignment = cls.env["property.kpi.assignment"]
        Assignment.create(
            [
                {
                    "site_id": cls.site.id,
                    "role": "frontline",
                    "assessor_user_id": cls.user_trainer.id,
                    "approver_user_id": cls.user_supervisor.id,
                },
                {
                    "site_id": cls.site.id,
                    "role": "trainer",
                    "assessor_user_id": cls.user_supervisor.id,
                    "approver_user_id": cls.user_manager.id,
                },
            ]
        )
        cls.scheme = cls.env.ref("property_staff_kpi.scheme_standard")
        cls.scheme_hundred = cls.env.ref("property_staff_kpi.scheme_hundred")
        # The seeded standard scheme scores the test site whatever other schemes exist.
        cls.scheme.site_ids = [(4, cls.site.id)]
        cls.month = date(2025, 3, 1)
        cls.Assessment = cls.env["property.kpi.assessment"]
        cls.Line = cls.env["property.kpi.line"]

    @classmethod
    def item(cls, xmlid):
        return cls.env.ref(f"property_staff_kpi.item_{xmlid}")

    def assess(self, employee, month=None):
        return self.Assessment.create(
            {"employee_id": employee.id, "date_month": month or self.month}
        )

    def add(self, assessment, xmlid, points=None, approve=True, when=None):
        """A manual line proposed by the assessor, approved by the approver."""
        item = self.item(xmlid)
        line = self.Line.with_user(assessment.assessor_user_id).create(
            {
                "assessment_id": assessment.id,
                "item_id": item.id,
                "points": item.points_min if points is None else points,
                "date": when or assessment.date_month,
                "reason": f"Recorded: {item.name}",
            }
        )
        if approve:
            line.with_user(assessment.approver_user_id).action_approval_approve()
            if line.state == "reviewed":  # K16: the management office approves next
                second = self.user_manager
                if line.reviewed_by_id == second:
                    second = self.user_manager_2
                line.with_user(second).action_approval_approve()
        return line.with_env(self.env)
