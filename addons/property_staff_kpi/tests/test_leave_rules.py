from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError

from .test_attendance_verdict import MONDAY, AttendanceCase

TUESDAY = date(2025, 3, 4)
FRIDAY = date(2025, 3, 7)


class LeaveCase(AttendanceCase):
    """The seeded leave types of the regulation; the team leader is the agents'
    direct manager (time off approver), a Time Off officer and a Time Off
    administrator sit above."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.emp_agent | cls.emp_agent2).write({"leave_manager_id": cls.user_leader.id})
        officer = cls.env.ref("hr_holidays.group_hr_holidays_user")
        administrator = cls.env.ref("hr_holidays.group_hr_holidays_manager")
        cls.user_officer = cls._create_user(
            "k_leave_officer", cls.group_employee, officer
        )
        cls.user_leave_admin = cls._create_user(
            "k_leave_admin", cls.group_employee, administrator
        )
        cls.user_cs_manager = cls._create_user(
            "k_cs_manager",
            cls.group_kpi_manager,
            cls.env.ref("property_base.group_property_manager"),
            cls.env.ref("hr_holidays.group_hr_holidays_user"),
        )
        cls.personal = cls.env.ref("property_staff_kpi.leave_type_personal")
        cls.special = cls.env.ref("property_staff_kpi.leave_type_special_personal")
        cls.sick = cls.env.ref("property_staff_kpi.leave_type_sick")
        cls.official = cls.env.ref("property_staff_kpi.leave_type_official")
        cls.in_lieu = cls.env.ref("property_staff_kpi.leave_type_in_lieu")
        cls.outing = cls.env.ref("property_staff_kpi.leave_type_outing")

    def request(
        self, user, leave_type, day=TUESDAY, employee=None, day_to=None, **values
    ):
        employee = employee or self.emp_agent
        return (
            self.env["hr.leave"]
            .with_user(user)
            .create(
                dict(
                    {
                        "employee_id": employee.id,
                        "holiday_status_id": leave_type.id,
                        "request_date_from": day,
                        "request_date_to": day_to or day,
                    },
                    **values,
                )
            )
        )

    def approve_both(self, leave):
        leave.with_user(self.user_leader).action_approve()
        leave.with_user(self.user_officer).action_validate()
        self.assertEqual(leave.state, "validate")


class TestLeaveTypes(LeaveCase):
    def test_a04_a06_a09_a11_seeded_types(self):
        self.assertEqual(self.personal.property_notice_hours, 24)
        self.assertEqual(self.special.property_notice_hours, 1)
        self.assertTrue(self.personal.property_in_person_only)
        self.assertFalse(self.sick.property_in_person_only)
        self.assertEqual(self.sick.property_certificate_days, 1)
        self.assertEqual(self.official.time_type, "other")
        self.assertTrue(self.in_lieu.overtime_deductible)
        self.assertEqual(self.outing.request_unit, "hour")
        for leave_type in (self.personal, self.sick, self.official, self.in_lieu):
            self.assertEqual(leave_type.leave_validation_type, "both")
            self.assertTrue(leave_type.property_strict_levels)


class TestLeaveNotice(LeaveCase):
    @freeze_time("2025-03-02 12:00:00")
    def test_a06_personal_leave_one_day_ahead_is_on_notice(self):
        leave = self.request(self.user_agent, self.personal)
        self.assertFalse(leave.property_late_notice)

    @freeze_time("2025-03-03 02:00:00")
    def test_a06_personal_leave_the_day_before_is_late_notice(self):
        # Tuesday's shift starts at 08:30 Shanghai, 00:30 UTC: 22.5 hours ahead
        leave = self.request(self.user_agent, self.personal)
        self.assertTrue(leave.property_late_notice)

    def test_a06_special_personal_leave_one_hour_before_the_shift(self):
        with freeze_time("2025-03-03 23:30:00"):
            on_time = self.request(self.user_agent, self.special)
        self.assertFalse(on_time.property_late_notice)
        with freeze_time("2025-03-03 23:31:00"):
            late = self.request(
                self.user_agent2, self.special, employee=self.emp_agent2
            )
        self.assertTrue(late.property_late_notice)

    def test_a06_special_notice_follows_the_half_day_shift_start(self):
        # an afternoon half-day: the shift that day still starts at 08:30 local
        with freeze_time("2025-03-04 00:00:00"):
            leave = self.request(
                self.user_agent,
                self.special,
                request_unit_half=True,
                request_date_from_period="pm",
            )
        self.assertTrue(leave.property_late_notice)

    @freeze_time("2025-03-03 02:00:00")
    def test_a06_late_notice_needs_the_direct_manager(self):
        leave = self.request(self.user_agent, self.personal)
        with self.assertRaises(UserError):
            leave.with_user(self.user_officer).action_approve()
        leave.with_user(self.user_leader).action_approve()
        self.assertEqual(leave.property_late_notice_approver_id, self.user_leader)

    def test_a06_leave_not_approved_by_the_day_is_absenteeism(self):
        with freeze_time("2025-03-03 00:00:00"):
            leave = self.request(self.user_agent, self.special, day=MONDAY)
            leave.with_user(self.user_leader).action_approve()
        self.assertEqual(self.verdict(self.emp_agent).status, "absent")
        with freeze_time("2025-03-05 02:00:00"):
            leave.with_user(self.user_officer).action_validate()
        self.assertEqual(leave.state, "validate")
        self.assertEqual(self.verdict(self.emp_agent).status, "absent")

    def test_a06_leave_approved_on_the_day_covers_it(self):
        with freeze_time("2025-03-03 00:00:00"):
            leave = self.request(self.user_agent, self.special, day=MONDAY)
            leave.with_user(self.user_leader).action_approve()
        with freeze_time("2025-03-03 06:00:00"):
            leave.with_user(self.user_officer).action_validate()
        self.assertEqual(self.verdict(self.emp_agent).status, "leave")


@freeze_time("2025-03-01 02:00:00")
class TestLeaveInPerson(LeaveCase):
    def test_a08_personal_leave_filed_by_someone_else_is_refused(self):
        with self.assertRaises(ValidationError):
            self.request(self.user_officer, self.personal)
        with self.assertRaises(ValidationError):
            self.request(self.user_leave_admin, self.personal)

    def test_a08_personal_leave_in_person(self):
        leave = self.request(self.user_agent, self.personal)
        self.assertEqual(leave.state, "confirm")

    def test_a08_a09_sick_leave_filed_on_behalf_is_accepted(self):
        # an emergency phoned in: the officer files it for the employee
        leave = self.request(self.user_officer, self.sick)
        self.assertEqual(leave.state, "confirm")
        self.assertEqual(leave.employee_id, self.emp_agent)


@freeze_time("2025-03-01 02:00:00")
class TestLeaveLevels(LeaveCase):
    def test_a07_manager_first_then_officer(self):
        leave = self.request(self.user_agent, self.sick)
        leave.with_user(self.user_leader).action_approve()
        self.assertEqual(leave.state, "validate1")
        self.assertEqual(leave.first_approver_id, self.emp_leader)
        leave.with_user(self.user_officer).action_validate()
        self.assertEqual(leave.state, "validate")

    def test_a07_officer_cannot_skip_the_manager(self):
        leave = self.request(self.user_agent, self.sick)
        self.assertFalse(leave.with_user(self.user_officer).can_approve)
        with self.assertRaises(UserError):
            leave.with_user(self.user_officer).action_approve()
        with self.assertRaises(UserError):
            leave.with_user(self.user_officer).action_validate()
        self.assertEqual(leave.state, "confirm")

    def test_a07_administrator_cannot_skip_the_manager(self):
        leave = self.request(self.user_agent, self.sick)
        with self.assertRaises(UserError):
            leave.with_user(self.user_leave_admin).action_approve()
        with self.assertRaises(UserError):
            leave.with_user(self.user_leave_admin).action_validate()
        self.assertEqual(leave.state, "confirm")

    def test_a07_officer_cannot_skip_the_manager_in_bulk(self):
        leaves = (
            self.request(self.user_agent, self.sick)
            | self.request(self.user_agent2, self.sick, employee=self.emp_agent2)
        ).sudo()
        for xmlid in (
            "hr_holidays.action_hr_approval",
            "hr_holidays.action_manager_approval",
        ):
            action = self.env.ref(xmlid).with_user(self.user_officer)
            with self.assertRaises(UserError):
                action.with_context(
                    active_model="hr.leave", active_ids=leaves.ids
                ).run()
        with self.assertRaises(UserError):
            leaves.with_user(self.user_leave_admin).action_validate()
        self.assertEqual(set(leaves.mapped("state")), {"confirm"})

    def test_a07_bulk_approval_after_the_managers(self):
        leaves = (
            self.request(self.user_agent, self.sick)
            | self.request(self.user_agent2, self.sick, employee=self.emp_agent2)
        ).sudo()
        leaves.with_user(self.user_leader).action_approve()
        leaves.with_user(self.user_officer).action_validate()
        self.assertEqual(set(leaves.mapped("state")), {"validate"})

    def test_a07_no_request_to_another_departments_manager(self):
        other = self.env["hr.department"].create({"name": "Engineering"})
        other_user = self._create_user("k_engineer_chief", self.group_employee)
        self.env["hr.employee"].create(
            {"name": "Chief Sun", "user_id": other_user.id, "department_id": other.id}
        )
        self.emp_agent2.leave_manager_id = other_user
        with self.assertRaises(ValidationError):
            self.request(self.user_officer, self.sick, employee=self.emp_agent2)
        # a manager of the department above is fine
        self.team.parent_id = other
        leave = self.request(self.user_officer, self.sick, employee=self.emp_agent2)
        self.assertEqual(leave.state, "confirm")

    def test_a11_business_outing_needs_the_cs_manager(self):
        leave = self.request(
            self.user_agent,
            self.outing,
            request_unit_hours=True,
            request_hour_from=10,
            request_hour_to=12,
        )
        with self.assertRaises(UserError):
            leave.with_user(self.user_leader).action_approve()
        with self.assertRaises(UserError):
            leave.with_user(self.user_officer).action_approve()
        leave.with_user(self.user_cs_manager).action_approve()
        self.assertEqual(leave.state, "validate")


class TestLeaveVerdicts(LeaveCase):
    def test_a04_official_leave_counts_as_worked_time(self):
        with freeze_time("2025-03-01 02:00:00"):
            leave = self.request(self.user_officer, self.official, day=MONDAY)
            self.approve_both(leave)
        verdict = self.verdict(self.emp_agent)
        self.assertEqual(verdict.status, "present")
        self.assertEqual((verdict.late_minutes, verdict.early_minutes), (0, 0))
        self.assertFalse(verdict.disciplinary)

    def test_a04_half_day_official_leave_then_work(self):
        with freeze_time("2025-03-01 02:00:00"):
            leave = self.request(
                self.user_officer,
                self.official,
                day=MONDAY,
                request_unit_half=True,
                request_date_from_period="am",
            )
            self.approve_both(leave)
        self.attend(self.emp_agent, MONDAY, (5.5, 9.5))
        verdict = self.verdict(self.emp_agent)
        self.assertEqual(verdict.status, "present")
        self.assertEqual(verdict.late_minutes, 0)
        self.assertEqual(verdict.planned_minutes, 450)

    def test_a03_pending_leave_is_absenteeism(self):
        with freeze_time("2025-03-01 02:00:00"):
            self.request(self.user_agent, self.personal, day=MONDAY)
        self.assertEqual(self.verdict(self.emp_agent).status, "absent")

    def test_a03_public_holiday_is_not_absenteeism_with_leave_types(self):
        self.calendar._property_import_cn_holidays(2025)
        self.assertEqual(
            self.verdict(self.emp_agent, date(2025, 5, 1)).status, "holiday"
        )


class TestSickCertificate(LeaveCase):
    def sick_friday(self, **values):
        with freeze_time("2025-03-06 02:00:00"):
            leave = self.request(self.user_officer, self.sick, day=FRIDAY, **values)
            self.approve_both(leave)
        return leave

    def test_a09_full_day_sick_leave_needs_a_certificate_on_the_first_day_back(self):
        leave = self.sick_friday()
        self.assertEqual(leave.property_certificate_state, "due")
        self.assertEqual(leave.property_certificate_due, date(2025, 3, 10))
        activity = leave.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
        )
        self.assertEqual(activity.date_deadline, date(2025, 3, 10))
        self.assertEqual(activity.user_id, self.user_agent)
        with freeze_time("2025-03-10 08:00:00"):
            self.env["hr.leave"]._cron_property_certificate_missing()
        self.assertEqual(leave.property_certificate_state, "due")
        with freeze_time("2025-03-11 08:00:00"):
            self.env["hr.leave"]._cron_property_certificate_missing()
        self.assertEqual(leave.property_certificate_state, "missing")

    def test_a09_half_day_sick_leave_needs_no_certificate(self):
        leave = self.sick_friday(request_unit_half=True, request_date_from_period="am")
        self.assertFalse(leave.property_certificate_state)

    def test_a09_certificate_dates_must_be_continuous(self):
        with freeze_time("2025-03-06 02:00:00"):
            leave = self.request(
                self.user_officer, self.sick, day=FRIDAY, day_to=date(2025, 3, 11)
            )
            self.approve_both(leave)
        with self.assertRaises(ValidationError):
            leave.sudo().write(
                {
                    "property_certificate_date_from": FRIDAY,
                    "property_certificate_date_to": date(2025, 3, 10),
                }
            )
        leave.sudo().write(
            {
                "property_certificate_date_from": FRIDAY,
                "property_certificate_date_to": date(2025, 3, 11),
            }
        )
        with self.assertRaises(UserError):
            leave.with_user(self.user_agent).action_property_certificate_received()
        leave.with_user(self.user_leader).action_property_certificate_received()
        self.assertEqual(leave.property_certificate_state, "received")
