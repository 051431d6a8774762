from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

# The demo (scripts/demo_setup.py calls _property_demo_setup)

# The departments of a Chinese property company (canonical name, names met before)
DEMO_DEPARTMENTS = [
    ("客服部", ("客服部", "客户服务部", "客服中心")),
    ("工程部", ("工程部", "工程维修部")),
    ("秩序维护部", ("秩序维护部", "秩序部", "安保部")),
    ("环境部", ("环境部", "环境管理部")),
    ("项目管理中心", ("项目管理中心",)),
    ("品质部", ("品质部", "品管中心", "品质管理部")),
]
# The demo users' departments; the heads of departments first
DEMO_STAFF = {
    "cs_manager": "客服部",
    "cs_supervisor": "客服部",
    "cs_agent": "客服部",
    "cs_agent2": "客服部",
    "cs_frontdesk": "客服部",
    "cs_trainer": "客服部",
    "cs_handler": "工程部",
    "cs_guard": "秩序维护部",
    "cs_pmc": "项目管理中心",
    "cs_quality": "品质部",
}


class ResCompany(models.Model):
    _inherit = "res.company"

    # The rule numbers of the complaint register (RULES.md), per company: each
    # default is here and only here; read from the record's company.
    property_complaint_group_threshold = fields.Integer(
        string="Group Complaint From",
        default=5,
        help="Number of customers in all, the complainant and the co-complainants, "
        "from which a complaint is a group complaint (class 1).",
    )
    property_complaint_unresolved_months = fields.Integer(
        string="Class 1 When Unresolved For (Months)", default=1
    )
    # issue #21: complaints about the same matter registered within this many hours
    # of each other are proposed as related (a group complaint, C05)
    property_complaint_group_window_hours = fields.Integer(
        string="Related Complaints Within (Hours)",
        default=72,
        help="Complaints of the same category about the same unit (or the same "
        "building for a building-wide category) received within this many hours of "
        "each other are proposed as related, to be linked as a group complaint.",
    )
    # C23: the hotline is answered by the third ring
    property_complaint_answer_rings = fields.Integer(
        string="Answered By Ring", default=3, help="C23: calls answered by this ring."
    )
    property_complaint_ring_seconds = fields.Integer(
        string="Seconds a Ring",
        default=5,
        help="A ring and its pause, in seconds: the rings of a call whose telephone "
        "system does not count them are counted from the seconds it rang.",
    )
    property_complaint_class1_notify = fields.Boolean(
        string="Notify Class 1 Complaints at Once",
        default=True,
        help="Notify the service-centre manager and the quality centre as soon as a "
        "class 1 complaint is registered.",
    )
    # dates of a complaint (ours): received at most this many minutes in the future
    # (clocks differ), the matter arisen at most this many years before
    property_complaint_received_future_minutes = fields.Integer(
        string="Received in the Future Up To (Minutes)", default=10
    )
    property_complaint_matter_arose_max_years = fields.Integer(
        string="Matter Arisen At Most (Years Before)", default=10
    )
    property_complaint_response_hours = fields.Integer(
        string="Response Time (Hours)", default=1
    )
    property_complaint_reply_hours = fields.Integer(
        string="Reply Time (Hours)", default=24
    )
    property_complaint_solution_days = fields.Integer(
        string="Proposed Solution (Working Days)", default=3
    )
    property_complaint_days_class1 = fields.Integer(
        string="Resolution of Class 1 (Working Days)", default=1
    )
    property_complaint_days_class2 = fields.Integer(
        string="Resolution of Class 2 (Working Days)", default=3
    )
    property_complaint_days_class3 = fields.Integer(
        string="Resolution of Class 3 (Working Days)", default=5
    )
    property_complaint_days_demand = fields.Integer(
        string="Resolution of a Demand (Working Days)", default=5
    )
    property_complaint_days_escalated = fields.Integer(
        string="Resolution of an Escalated Complaint (Working Days)", default=15
    )
    property_complaint_suspension_amount = fields.Float(
        string="Purchase Suspending the Deadline From (Yuan)", default=5000.0
    )
    property_complaint_suspension_approval = fields.Boolean(
        string="Manager Approves Suspensions", default=False
    )
    # Callbacks (C15)
    property_complaint_callback_days_class1 = fields.Integer(
        string="Callback Days (Class 1)", default=7
    )
    property_complaint_callback_days_other = fields.Integer(
        string="Callback Days (Other Classes)", default=14
    )
    # Satisfaction-survey comments (C28)
    property_complaint_survey_forward_days = fields.Integer(
        string="Forward to the Department (Working Days)", default=2
    )
    property_complaint_survey_answer_days = fields.Integer(
        string="Written Measures (Working Days)",
        default=3,
        help="Working days after the comment is forwarded.",
    )
    property_complaint_survey_callback_days = fields.Integer(
        string="Signed Callback (Days)", default=14
    )

    # Messages to the complainant (issue #20), each on or off
    property_complaint_notify_receipt = fields.Boolean(
        string="Message at Registration",
        default=True,
        help="Send the complainant the number, the class and when to expect an answer "
        "as the complaint is registered.",
    )
    property_complaint_notify_dispatch = fields.Boolean(
        string="Message at Dispatch",
        default=True,
        help="Tell the complainant which department handles the complaint.",
    )
    property_complaint_notify_result = fields.Boolean(
        string="Message with the Result",
        default=True,
        help="Send the complainant the result, the solution and how a recurrence is "
        "avoided (C14, C24) once the result is communicated.",
    )
    property_complaint_notify_callback = fields.Boolean(
        string="Message Inviting to Rate",
        default=True,
        help="Invite the complainant to rate the handling (callback) from the link.",
    )

    @api.constrains(
        "property_complaint_answer_rings", "property_complaint_ring_seconds"
    )
    def _check_property_complaint_hotline(self):
        for company in self:
            if (
                company.property_complaint_answer_rings < 1
                or company.property_complaint_ring_seconds < 1
            ):
                raise ValidationError(
                    self.env._(
                        "The hotline's ring and the seconds of a ring are at least 1."
                    )
                )

    def _property_demo_setup(self):
        """The property company's own departments (one of each), the demo staff in
        them, Odoo's demo departments and employees archived, cs_pmc in the project
        management centre."""
        res = super()._property_demo_setup()
        departments = self._property_demo_departments()
        self._property_demo_archive_odoo_hr(departments)
        self._property_demo_staff(departments)
        pmc = self.env["res.users"].sudo().search([("login", "=", "cs_pmc")])
        if pmc:
            self.env.ref("property_complaint.group_complaint_pmc").sudo().write(
                {"users": [Command.link(pmc.id)]}
            )
        return res

    def _property_demo_departments(self):
        """{canonical name: department}: one active department of each name in this
        company, a department met under an older name renamed, the duplicates'
        employees moved to it and the duplicates archived."""
        Department = self.env["hr.department"].sudo().with_context(active_test=False)
        Employee = self.env["hr.employee"].sudo().with_context(active_test=False)
        departments = {}
        for name, aliases in DEMO_DEPARTMENTS:
            found = Department.search(
                [("name", "in", list(aliases)), ("company_id", "in", [self.id, False])],
                order="active desc, id",
            )
            keep = found.filtered(lambda d, n=name: d.name == n)[:1] or found[:1]
            if keep:
                keep.write({"name": name, "active": True, "company_id": self.id})
            else:
                keep = Department.create({"name": name, "company_id": self.id})
            duplicates = found - keep
            if duplicates:
                Employee.search([("department_id", "in", duplicates.ids)]).write(
                    {"department_id": keep.id}
                )
                duplicates.write({"active": False})
            departments[name] = keep
        return departments

    def _property_demo_archive_odoo_hr(self, departments):
        """Odoo's demo departments and employees out of the suite's screens: archived,
        but the employees of the suite's users, who move to the project management
        centre when their department goes."""
        data = self.env["ir.model.data"].sudo()
        ours = self.env["hr.department"].browse([d.id for d in departments.values()])

        def odoo_records(model):
            rows = data.search(
                [("model", "=", model), ("module", "not like", "property\\_%")]
            )
            return (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                .browse(rows.mapped("res_id"))
                .exists()
            )

        staff = self.env.ref("property_base.group_property_user").sudo().users
        employees = odoo_records("hr.employee")
        kept = employees.filtered(lambda e: e.user_id and e.user_id in staff)
        (employees - kept).filtered("active").write({"active": False})
        odoo_departments = odoo_records("hr.department") - ours
        kept.filtered(
            lambda e: not e.department_id or e.department_id in odoo_departments
        ).write({"department_id": departments["项目管理中心"].id})
        odoo_departments.filtered("active").write({"active": False})

    def _property_demo_staff(self, departments):
        """The demo users' employees (made for those who have none) in their
        departments; a department without a head gets the first of them."""
        Employee = self.env["hr.employee"].sudo().with_context(active_test=False)
        users = self.env["res.users"].sudo().search([("login", "in", list(DEMO_STAFF))])
        for login, name in DEMO_STAFF.items():
            user = users.filtered(lambda u, lg=login: u.login == lg)
            if not user:
                continue
            department = departments[name]
            employee = Employee.search([("user_id", "=", user.id)], limit=1)
            if not employee:
                employee = Employee.create(
                    {
                        "name": user.name,
                        "user_id": user.id,
                        "company_id": user.company_id.id,
                    }
                )
            employee.write({"department_id": department.id, "active": True})
            if not department.manager_id:
                department.manager_id = employee
