from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import LazyTranslate

from odoo.addons.property_base.tools.date_style import zh_month

_lt = LazyTranslate(__name__)

REMINDER = _lt("Sit the skills exam %(exam)s")
TODO_TYPE = "mail.mail_activity_data_todo"


class PropertyKpiExamSchedule(models.Model):
    """K15: the month's skills exam (a ``survey.survey`` flagged as the monthly exam)
    scheduled for the customer-service staff of a site or a team, on a date. Who
    sat it (a finished answer in the month) and who did not; those who did not get a
    to-do until the exam date. K15 and K04 name no deduction for not sitting the exam:
    after the exam date the reminders are withdrawn and the list of who did not sit
    it stays for the assessors, who may propose a line by hand. The results feed
    K02/K04 as before (``survey.user_input._kpi_apply_exam_result``)."""

    _name = "property.kpi.exam.schedule"
    _description = "Skills Exam Schedule"
    _inherit = ["property.input.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_month desc, date_exam desc, id desc"

    survey_id = fields.Many2one(
        "survey.survey",
        string="Exam",
        required=True,
        domain=[("kpi_exam", "=", True)],
        ondelete="restrict",
        tracking=True,
    )
    date_month = fields.Date(
        string="Month",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="First day of the month the exam belongs to.",
        tracking=True,
    )
    month_label = fields.Char(compute="_compute_month_label", store=True)
    exam_url = fields.Char(
        string="Take the Exam",
        compute="_compute_exam_url",
        help="The link to the exam for the staff who sit it.",
    )
    date_exam = fields.Date(string="Exam Date", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    site_id = fields.Many2one(
        "property.site",
        help="The staff of this site sit the exam (every site of the company when "
        "empty).",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Team",
        help="Only the staff of this team sit the exam (every team when empty).",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        string="Invited",
        compute="_compute_attendance",
        groups="property_staff_kpi.group_kpi_assessor",
    )
    sat_employee_ids = fields.Many2many(
        "hr.employee",
        string="Sat the Exam",
        compute="_compute_attendance",
        groups="property_staff_kpi.group_kpi_assessor",
    )
    missing_employee_ids = fields.Many2many(
        "hr.employee",
        string="Did Not Sit",
        compute="_compute_attendance",
        groups="property_staff_kpi.group_kpi_assessor",
    )
    missing_count = fields.Integer(
        string="Not Sat",
        compute="_compute_attendance",
        groups="property_staff_kpi.group_kpi_assessor",
    )

    @api.depends("date_month")
    def _compute_month_label(self):
        for schedule in self:
            schedule.month_label = zh_month(schedule.date_month) or False

    @api.depends("survey_id")
    def _compute_exam_url(self):
        for schedule in self:
            survey = schedule.sudo().survey_id
            schedule.exam_url = survey.get_start_url() if survey else False

    @api.depends("survey_id", "date_month", "site_id", "department_id", "company_id")
    def _compute_attendance(self):
        for schedule in self:
            invited = schedule._exam_invited()
            sat = schedule._exam_sat(invited)
            schedule.employee_ids = invited
            schedule.sat_employee_ids = sat
            schedule.missing_employee_ids = invited - sat
            schedule.missing_count = len(invited - sat)

    @api.depends("survey_id", "month_label")
    def _compute_display_name(self):
        for schedule in self:
            schedule.display_name = " ".join(
                filter(None, (schedule.sudo().survey_id.title, schedule.month_label))
            )

    @api.constrains("date_month", "date_exam")
    def _check_dates(self):
        for schedule in self:
            if schedule.date_month.day != 1:
                raise ValidationError(
                    self.env._("The month of an exam schedule is its first day.")
                )
            if schedule.date_exam.replace(day=1) != schedule.date_month:
                raise ValidationError(
                    self.env._("The exam date lies in the exam's month.")
                )

    # ------------------------------------------------------------------ who
    def _exam_invited(self):
        """The customer-service staff the exam is for (K15: front desk included):
        the employees of the company with a user and a site, of the schedule's site
        and team when given."""
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("user_id", "!=", False),
            ("property_site_id", "!=", False),
        ]
        if self.site_id:
            domain.append(("property_site_id", "=", self.site_id.id))
        if self.department_id:
            domain.append(("department_id", "child_of", self.department_id.id))
        return self.env["hr.employee"].sudo().search(domain)

    def _exam_sat(self, invited):
        """The ``invited`` employees with a finished answer of the exam in the month."""
        self.ensure_one()
        if not invited or not self.survey_id:
            return invited.browse()
        start = fields.Datetime.to_datetime(self.date_month)
        answers = (
            self.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("survey_id", "=", self.survey_id.id),
                    ("state", "=", "done"),
                    ("test_entry", "=", False),
                    ("end_datetime", ">=", start),
                    ("end_datetime", "<", start + relativedelta(months=1)),
                    (
                        "partner_id",
                        "in",
                        (invited.user_id.partner_id | invited.work_contact_id).ids,
                    ),
                ]
            )
        )
        return invited.filtered(
            lambda e: (e.user_id.partner_id | e.work_contact_id) & answers.partner_id
        )

    # ------------------------------------------------------------------ to-dos
    def _activity_update(self):
        """The reminders of these schedules, in one place: a to-do for each invited
        employee who has not sat the exam, until the exam date; none for those who
        sat it, none after the exam date. Idempotent."""
        schedules = self.sudo()
        if not schedules:
            return
        todo_type = self.env.ref(TODO_TYPE)
        today = fields.Date.context_today(self)
        to_unlink = self.env["mail.activity"].sudo()
        for schedule in schedules:
            open_todos = schedule.activity_ids.filtered(
                lambda a: a.activity_type_id == todo_type
            )
            wanted = (
                schedule.missing_employee_ids.user_id
                if today <= schedule.date_exam
                else self.env["res.users"]
            )
            to_unlink |= open_todos.filtered(lambda a, w=wanted: a.user_id not in w)
            for user in wanted - open_todos.user_id:
                exam = schedule.survey_id.title
                # in the employee's language, as the chatter keeps it once done
                summary = REMINDER._translate(user.lang or "en_US") % {"exam": exam}
                schedule.activity_schedule(
                    TODO_TYPE,
                    date_deadline=schedule.date_exam,
                    summary=summary,
                    user_id=user.id,
                )
        to_unlink.unlink()

    @api.model
    def _cron_exam_reminders(self):
        """Daily: the reminders of this month's and last month's schedules."""
        since = fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        self.search([("date_month", ">=", since)])._activity_update()

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        schedules = super().create(vals_list)
        schedules._activity_update()
        return schedules

    def write(self, vals):
        res = super().write(vals)
        fields_ = {"survey_id", "date_month", "date_exam", "site_id", "department_id"}
        if fields_ & set(vals):
            self._activity_update()
        return res

    def action_remind(self):
        """The button: the reminders now (as the daily job does)."""
        self._activity_update()
        return True
