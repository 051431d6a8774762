"""V03, issue #23: from 20:00 to 08:00 the night duty officer registers the visitors;
where the site has a published shift roster, the officer is the employee on its night
shift. The front desk checks a visitor in over JSON-RPC at night; a draft roster or a
day shift names nobody; without a rostered night shift the night duty roster does."""

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin
from odoo.addons.property_visitor.tests.common import VisitorCase

MONDAY = date(2025, 3, 3)
# 22:00 in Shanghai on Monday 3 and Tuesday 4 March 2025
MONDAY_NIGHT = "2025-03-03 14:00:00"
TUESDAY_NIGHT = "2025-03-04 14:00:00"


@tagged("post_install", "-at_install")
class TestNightDutyRpc(RpcMixin, HttpCase, VisitorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor")
        kpi_employee = cls.env.ref("property_staff_kpi.group_kpi_employee")
        cls.night_officer.groups_id = [Command.link(kpi_employee.id)]
        ShiftType = cls.env["property.shift.type"]
        cls.night_shift = ShiftType.create(
            {"name": "Desk night", "code": "V-N", "hour_start": 20, "hour_end": 8}
        )
        cls.day_shift = ShiftType.create(
            {"name": "Desk day", "code": "V-D", "hour_start": 8, "hour_end": 20}
        )
        Employee = cls.env["hr.employee"]
        cls.emp_night = Employee.create(
            {"name": "Night Officer Sun", "user_id": cls.night_officer.id}
        )
        cls.emp_day = Employee.create(
            {"name": "Desk Clerk Zhou", "user_id": cls.frontdesk.id}
        )
        cls.roster = cls.env["property.roster"].create(
            {
                "site_id": cls.site.id,
                "post": "front_desk",
                "week_start": MONDAY,
                "line_ids": [
                    Command.create(
                        {
                            "employee_id": cls.emp_night.id,
                            "date": MONDAY,
                            "shift_type_id": cls.night_shift.id,
                        }
                    ),
                    Command.create(
                        {
                            "employee_id": cls.emp_day.id,
                            "date": MONDAY,
                            "shift_type_id": cls.day_shift.id,
                        }
                    ),
                ],
            }
        )
        # the night duty roster names the supervisor on Tuesday night only
        cls.env["property.duty.roster"].create(
            {"site_id": cls.site.id, "date": "2025-03-04", "user_id": cls.supervisor.id}
        )

    def _visit(self):
        visit = (
            self.env["property.visit"]
            .with_user(self.frontdesk)
            .create(self._visit_vals())
        )
        visit.write(self._contact_vals())
        return visit

    def _check_in(self, visit, when):
        with freeze_time(when):
            self.rpc("property.visit", "action_check_in", visit.ids)
        visit.invalidate_recordset()
        return visit.registrar_id, visit.registrar_role

    def test_v03_night_duty_officer_read_from_the_published_roster(self):
        visit = self._visit()
        self.rpc_as(self.frontdesk)
        # refused: the roster is a draft and the duty roster names nobody on Monday
        with freeze_time(MONDAY_NIGHT):
            self.assertRpcRefused("property.visit", "action_check_in", visit.ids)
        visit.invalidate_recordset()
        self.assertEqual(visit.state, "planned")
        self.assertFalse(visit.registrar_id or visit.arrival_time)
        # published: the employee on the front desk's night shift registers
        self.roster.action_publish()
        self.assertEqual(
            self._check_in(visit, MONDAY_NIGHT), (self.night_officer, "night_duty")
        )
        # the clerk of the day shift is not the officer, and the desk still checks in
        self.assertEqual(visit.checked_in_by_id, self.frontdesk)
        # no rostered night shift on Tuesday: the night duty roster names the officer
        self.assertEqual(
            self._check_in(self._visit(), TUESDAY_NIGHT),
            (self.supervisor, "night_duty"),
        )
