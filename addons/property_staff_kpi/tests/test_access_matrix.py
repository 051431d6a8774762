from datetime import date

from odoo.tests import tagged

from odoo.addons.property_base.tests.access_matrix import (
    AccessMatrixMixin,
    same_for,
    suite_roles,
)
from odoo.addons.property_base.tests.common import PropertyCase

# The roles of the suite as the demo users hold the assessment groups: agents and the
# front desk read their own assessments, the training specialist and the supervisor
# score and approve the front line, the service-centre manager sees every assessment.
ROLES = suite_roles(
    "property_staff_kpi.group_kpi_",
    {
        "agent": "employee",
        "supervisor": "assessor",
        "cs_manager": "manager",
        "frontdesk": "employee",
        "trainer": "assessor",
        "employee": "employee",
    },
)
# every role with an assessment group
ASSESSED = "agent supervisor cs_manager frontdesk trainer employee"
# row: (model, {role: allowed operations}) r read, w write, c create, u unlink. The
# employee's assessment is scored by the training specialist and approved by the
# supervisor (also the employee's manager); the agent is a colleague and sees none of
# it.
MATRIX = {
    # the configuration: read by every assessed role, kept by the service-centre manager
    "scheme": ("property.kpi.scheme", same_for("r", ASSESSED, cs_manager="rwcu")),
    "item": ("property.kpi.item", same_for("r", ASSESSED, cs_manager="rwcu")),
    "item (other company)": ("property.kpi.item", {}),
    "assignment": (
        "property.kpi.assignment",
        same_for("r", ASSESSED, cs_manager="rwcu"),
    ),
    "assessment of employee": (
        "property.kpi.assessment",
        {"supervisor": "rwc", "cs_manager": "rwcu", "trainer": "rwc", "employee": "r"},
    ),
    "line of employee": (
        "property.kpi.line",
        {
            "supervisor": "rwcu",
            "cs_manager": "rwcu",
            "trainer": "rwcu",
            "employee": "r",
        },
    ),
    "discipline of employee": (
        "property.kpi.discipline",
        {"supervisor": "r", "cs_manager": "rwcu", "trainer": "r", "employee": "r"},
    ),
    "discipline (other company)": ("property.kpi.discipline", {}),
    "attendance verdict of employee": (
        "property.attendance.verdict",
        {"supervisor": "r", "cs_manager": "rwcu", "employee": "r"},
    ),
    "batch wizard": (
        "property.kpi.batch",
        {"supervisor": "rwcu", "cs_manager": "rwcu", "trainer": "rwcu"},
    ),
    "correction wizard": ("property.kpi.correction", {"cs_manager": "rwcu"}),
    # rosters (issue #23): planned by the site's supervisors (the matrix supervisor is
    # one) and the service-centre manager, read by the site's staff; an employee
    # reads their own shifts only
    "shift type": ("property.shift.type", same_for("r", ASSESSED, cs_manager="rwcu")),
    "roster of the site": (
        "property.roster",
        same_for("r", ASSESSED, supervisor="rwcu", cs_manager="rwcu"),
    ),
    "roster shift of employee": (
        "property.roster.line",
        {"supervisor": "rwcu", "cs_manager": "rwcu", "employee": "r"},
    ),
}


@tagged("post_install", "-at_install")
class TestKpiAccessMatrix(AccessMatrixMixin, PropertyCase):
    ROLES = ROLES
    MATRIX = MATRIX

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._matrix_setup()

    @classmethod
    def _matrix_record(cls, row):
        if "rows" not in cls.__dict__:  # own records: a subclass runs with its own
            users = cls.matrix_users
            team = cls.env["hr.department"].create({"name": "Matrix Team"})
            employees = {
                role: cls.env["hr.employee"].create(
                    {
                        "name": f"Employee {role}",
                        "user_id": users[role].id,
                        "department_id": team.id,
                        "property_site_id": cls.site.id,
                        "kpi_role": kpi_role,
                    }
                )
                for role, kpi_role in (
                    ("employee", "frontline"),
                    ("agent", "frontline"),
                    ("trainer", "trainer"),
                    ("supervisor", "supervisor"),
                )
            }
            employees["employee"].parent_id = employees["supervisor"]
            assignment = cls.env["property.kpi.assignment"].create(
                {
                    "site_id": cls.site.id,
                    "role": "frontline",
                    "assessor_user_id": users["trainer"].id,
                    "approver_user_id": users["supervisor"].id,
                }
            )
            scheme = cls.env.ref("property_staff_kpi.scheme_standard")
            scheme.site_ids = [(4, cls.site.id)]
            assessment = cls.env["property.kpi.assessment"].create(
                {
                    "employee_id": employees["employee"].id,
                    "date_month": date(2025, 3, 1),
                }
            )
            line = cls.env["property.kpi.line"].create(
                {
                    "assessment_id": assessment.id,
                    "item_id": cls.env.ref("property_staff_kpi.item_k03_late").id,
                    "points": 3,
                    "date": date(2025, 3, 4),
                    "reason": "Late",
                }
            )
            discipline = cls.env["property.kpi.discipline"].create(
                {
                    "employee_id": employees["employee"].id,
                    "assessment_id": assessment.id,
                    "date": date(2025, 3, 4),
                    "sequence_number": 1,
                    "level": "verbal",
                }
            )
            verdict = cls.env["property.attendance.verdict"].create(
                {"employee_id": employees["employee"].id, "date": date(2025, 3, 4)}
            )
            other_company = cls.env["res.company"].create({"name": "Other Co."})
            cls.site.supervisor_ids = [(4, users["supervisor"].id)]
            shift = cls.env["property.shift.type"].create(
                {"name": "Matrix night", "code": "M-N", "hour_start": 20, "hour_end": 8}
            )
            roster = cls.env["property.roster"].create(
                {
                    "site_id": cls.site.id,
                    "post": "gate",
                    "week_start": date(2025, 3, 3),
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "employee_id": employees["employee"].id,
                                "date": date(2025, 3, 4),
                                "shift_type_id": shift.id,
                            },
                        )
                    ],
                }
            )
            cls.rows = {
                "scheme": scheme,
                "item": cls.env.ref("property_staff_kpi.item_k03_late"),
                "item (other company)": cls.env.ref(
                    "property_staff_kpi.item_k03_late"
                ).copy({"company_id": other_company.id}),
                "discipline (other company)": cls.env["property.kpi.discipline"].create(
                    {
                        "employee_id": cls.env["hr.employee"]
                        .create(
                            {"name": "Other Employee", "company_id": other_company.id}
                        )
                        .id,
                        "date": date(2025, 3, 4),
                        "sequence_number": 1,
                        "level": "verbal",
                    }
                ),
                "assignment": assignment,
                "assessment of employee": assessment,
                "line of employee": line,
                "discipline of employee": discipline,
                "attendance verdict of employee": verdict,
                "shift type": shift,
                "roster of the site": roster,
                "roster shift of employee": roster.line_ids,
            }
        return cls.rows.get(row) or super()._matrix_record(row)
