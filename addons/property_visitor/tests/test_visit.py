from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ID_BAD, ID_OK, ID_OK_2, VisitorCase

# 2025-03-03 10:00 in Shanghai is 02:00 UTC; 22:00 is 14:00 UTC.
DAY = "2025-03-03 02:00:00"
NIGHT = "2025-03-03 14:00:00"
EARLY_MORNING = "2025-03-03 21:30:00"  # 05:30 on the 4th in Shanghai


@tagged("post_install", "-at_install")
class TestVisit(VisitorCase):
    def _new_visit(self, user=None, **kwargs):
        Visit = self.env["property.visit"].with_user(user or self.frontdesk)
        return Visit.create(self._visit_vals(**kwargs))

    def test_v01_walk_in_registered_with_all_fields(self):
        with freeze_time(DAY):
            visit = self._new_visit(vehicle_plate="沪a 12345", people_count=2)
            visit.write(self._contact_vals())
            visit.action_check_in()
        self.assertEqual(visit.state, "checked_in")
        self.assertEqual(str(visit.arrival_time), DAY)
        self.assertEqual(visit.vehicle_plate, "沪A12345")
        self.assertEqual(visit.registrar_id, self.frontdesk)
        self.assertEqual(visit.registrar_role, "front_desk")
        self.assertTrue(visit.name.startswith("FK"))
        self.assertTrue(visit.visitor_id, "a repeat-visitor record is kept")
        with freeze_time("2025-03-03 03:00:00"):
            visit.action_check_out()
        self.assertEqual(visit.state, "checked_out")
        self.assertEqual(str(visit.departure_time), "2025-03-03 03:00:00")
        with self.assertRaises(UserError):
            visit.action_check_out()

    def test_v01_bad_id_phone_and_plate_refused(self):
        with self.assertRaisesRegex(
            ValidationError, "not a valid mainland resident ID"
        ):
            self._new_visit(id_number_masked=ID_BAD)
        with self.assertRaisesRegex(ValidationError, "not a valid phone number"):
            self._new_visit(phone_masked="12345")
        with self.assertRaisesRegex(ValidationError, "vehicle plate"):
            self._new_visit(vehicle_plate="ABC-123")
        visit = self._new_visit(id_type="passport", id_number_masked="E12345678")
        self.assertEqual(visit.sudo().id_number, "E12345678")

    def test_v01_repeat_visitor_found_by_phone_or_id(self):
        with freeze_time(DAY):
            first = self._new_visit()
            first.write(self._contact_vals())
            first.action_check_in()
        Visitor = self.env["property.visitor"].with_user(self.frontdesk)
        self.assertEqual(
            Visitor._find_repeat_visitor(phone="138 1234 5678"), first.visitor_id
        )
        self.assertEqual(
            Visitor._find_repeat_visitor(id_number=ID_OK.lower()), first.visitor_id
        )
        self.assertFalse(Visitor._find_repeat_visitor(id_number=ID_OK_2))
        second = (
            self.env["property.visit"]
            .with_user(self.frontdesk)
            .new({"site_id": self.site.id, "state": "planned"})
        )
        second.phone_masked = "13812345678"
        second._onchange_find_repeat_visitor()
        self.assertEqual(second.visitor_id, first.visitor_id)
        second._onchange_visitor_id()
        self.assertEqual(second.visitor_name, "Wang Wei")
        self.assertEqual(second.company_name, "Courier Ltd")
        self.assertEqual(
            second.phone_masked, "138****5678", "never the clear number (V09)"
        )
        # saved with only the known visitor: the clear values are copied server-side
        third = self._new_visit(
            visitor_id=first.visitor_id.id, id_number_masked=False, phone_masked=False
        )
        self.assertEqual(third.sudo().id_number, ID_OK)
        self.assertEqual(third.phone_masked, "138****5678")

    def test_v01_frozen_after_check_in_corrected_with_reason(self):
        with freeze_time(DAY):
            visit = self._new_visit()
            visit.write(self._contact_vals())
            visit.action_check_in()
        with self.assertRaisesRegex(UserError, "cannot be altered"):
            visit.write({"visitor_name": "Someone Else"})
        with self.assertRaisesRegex(UserError, "cannot be altered"):
            visit.write({"phone_masked": "13900000000"})
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            visit.write({"state": "planned"})
        wizard = (
            self.env["property.visit.correct"]
            .with_user(self.frontdesk)
            .with_context(default_visit_id=visit.id)
            .create({"reason": "Typo in the name", "visitor_name": "Wang Wen"})
        )
        self.assertEqual(wizard.company_name, "Courier Ltd")
        wizard.action_apply()
        self.assertEqual(visit.visitor_name, "Wang Wen")
        self.assertIn("Typo in the name", visit.message_ids[0].body)
        self.assertIn("Visitor", visit.message_ids[0].body)
        empty = (
            self.env["property.visit.correct"]
            .with_user(self.frontdesk)
            .with_context(default_visit_id=visit.id)
            .create({"reason": "nothing"})
        )
        with self.assertRaisesRegex(UserError, "Nothing was changed"):
            empty.action_apply()
        with self.assertRaises(AccessError):
            visit.with_user(self.guard).action_open_correct()

    def test_v02_checkin_requires_host_contact(self):
        visit = self._new_visit()
        with self.assertRaisesRegex(UserError, "Contact the host"):
            visit.action_check_in()
        visit.write(dict(self._contact_vals(), contact_answer="declined"))
        with self.assertRaisesRegex(UserError, "did not agree"):
            visit.action_check_in()
        self.assertEqual(visit.state, "planned")
        with self.assertRaisesRegex(UserError, "reason"):
            visit.action_refuse()
        visit.refusal_reason = "Host declined"
        visit.action_refuse()
        self.assertEqual(visit.state, "refused")
        with self.assertRaises(UserError):
            visit.action_check_in()

    def test_v02_guard_cannot_check_in(self):
        visit = self._new_visit()
        visit.write(self._contact_vals())
        with self.assertRaises(AccessError):
            visit.with_user(self.guard).action_check_in()

    def test_v03_night_registrar_is_duty_officer(self):
        Roster = self.env["property.duty.roster"]
        visit = self._new_visit()
        visit.write(self._contact_vals())
        with (
            freeze_time(NIGHT),
            self.assertRaisesRegex(UserError, "night duty officer"),
        ):
            visit.action_check_in()
        Roster.create(
            {
                "site_id": self.site.id,
                "date": "2025-03-03",
                "user_id": self.night_officer.id,
            }
        )
        with freeze_time(NIGHT):
            visit.action_check_in()
        self.assertEqual(visit.registrar_id, self.night_officer)
        self.assertEqual(visit.registrar_role, "night_duty")
        self.assertEqual(visit.checked_in_by_id, self.frontdesk)
        # 05:30 the next morning still belongs to the night of the 3rd
        early = self._new_visit()
        early.write(self._contact_vals())
        with freeze_time(EARLY_MORNING):
            early.action_check_in()
        self.assertEqual(early.registrar_id, self.night_officer)
        # the hours are settings
        self.site.company_id.property_visitor_night_start_hour = 23
        late = self._new_visit()
        late.write(self._contact_vals())
        with freeze_time(NIGHT):
            late.action_check_in()
        self.assertEqual(late.registrar_role, "front_desk")
        self.assertEqual(late.registrar_id, self.frontdesk)

    def test_v08_restricted_area_needs_responsible_approval(self):
        area = self.env["property.visit.area"].create(
            {
                "name": "Control Room",
                "site_id": self.site.id,
                "restricted": True,
                "responsible_id": self.supervisor.id,
            }
        )
        visit = self._new_visit(visit_area_id=area.id)
        self.assertEqual(visit.approval_state, "pending")
        visit.write(self._contact_vals())
        visit.action_request_area_approval()
        self.assertEqual(visit.activity_ids.user_id, self.supervisor)
        with (
            freeze_time(DAY),
            self.assertRaisesRegex(UserError, "restricted staff area"),
        ):
            visit.action_check_in()
        with self.assertRaises(AccessError):
            visit.with_user(self.frontdesk).action_approve_area()
        visit.with_user(self.supervisor).action_approve_area()
        self.assertEqual(visit.approval_state, "approved")
        with freeze_time(DAY):
            visit.action_check_in()
        self.assertEqual(visit.state, "checked_in")
        office = self.env["property.visit.area"].create(
            {"name": "Office", "site_id": self.site.id}
        )
        plain = self._new_visit(visit_area_id=office.id)
        self.assertFalse(plain.approval_state)

    def test_v01_overstay_cron_and_on_site_counters(self):
        with freeze_time(DAY):
            first = self._new_visit(people_count=3)
            second = self._new_visit(
                phone_masked="13900001111", id_number_masked=ID_OK_2
            )
            (first | second).write(self._contact_vals())
            (first | second).action_check_in()
        site = self.site.with_user(self.guard)
        self.assertEqual(site.visit_on_site_count, 2)
        self.assertEqual(site.visitor_on_site_people, 4)
        with freeze_time("2025-03-03 09:00:00"):
            second.with_user(self.guard).action_check_out()
            self.assertEqual(self.env["property.visit"]._cron_flag_overstay(), 0)
        with freeze_time("2025-03-03 10:30:00"):
            self.assertEqual(self.env["property.visit"]._cron_flag_overstay(), 1)
        self.assertTrue(first.overstay)
        self.assertFalse(second.overstay)
        site.invalidate_recordset()
        self.assertEqual(site.visitor_on_site_people, 3)
