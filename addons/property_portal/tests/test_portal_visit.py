from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestPortalVisit(PortalCase):
    def _invite(self, user=None, **values):
        vals = {
            "visitor_name": "Wang Wei",
            "phone": "138 1234 5678",
            "email": "wang.wei@example.com",
            "planned_time": "2025-03-03 06:00:00",
            "planned_end": "2025-03-03 08:00:00",
            "vehicle_plate": "沪a 12345",
            "purpose": "Family visit",
        }
        vals.update(values)
        return (
            self.env["property.visit"]
            .with_user(user or self.portal_a)
            ._portal_invite(vals)
        )

    @freeze_time("2025-03-03 02:00:00")
    def test_v01_portal_invitation_is_a_planned_visit_with_a_token(self):
        visit = self._invite().sudo()
        self.assertEqual(visit.state, "planned")
        self.assertTrue(visit.appointment)
        self.assertEqual(visit.host_unit_id, self.unit_a)
        self.assertEqual(visit.invited_by_id, self.resident_a)
        self.assertEqual(
            visit.phone, "+8613812345678", "normalised by the suite's phone rules"
        )
        self.assertEqual(visit.vehicle_plate, "沪A12345")
        self.assertTrue(visit.token_key)
        self.assertTrue(visit.gate_token.startswith("V"))
        self.assertTrue(visit.gate_qr_image)
        # sent to the visitor with the QR code
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "property.visit"), ("res_id", "=", visit.id)])
        )
        self.assertEqual(mail.email_to, "wang.wei@example.com")
        self.assertEqual(mail.attachment_ids.mimetype, "image/png")
        self.assertIn("Wang Wei", mail.body_html)
        # and by SMS, with the no-login link to the visit's QR page (issue #20)
        sms = (
            self.env["sms.sms"]
            .sudo()
            .search([("mail_message_id.res_id", "=", visit.id)])
            .filtered(lambda s: s.mail_message_id.model == "property.visit")
        )
        self.assertEqual(sms.number, "+8613812345678")
        token = sms.body.split("/p/")[1].split()[0]
        self.assertEqual(
            self.env["property.signed.link.mixin"]._signed_link_resolve(
                token, "visit_invitation"
            ),
            visit,
        )
        # each visit its own token
        other = self._invite(visitor_name="Li Lei").sudo()
        self.assertNotEqual(other.token_key, visit.token_key)

    @freeze_time("2025-03-03 02:00:00")
    def test_v01_portal_invitation_refused_cases(self):
        with self.assertRaisesRegex(ValidationError, "not a valid phone"):
            self._invite(phone="12345")
        with self.assertRaisesRegex(ValidationError, "after its start"):
            self._invite(planned_end="2025-03-03 05:00:00")
        with self.assertRaisesRegex(ValidationError, "already over"):
            self._invite(
                planned_time="2025-03-02 06:00:00", planned_end="2025-03-02 08:00:00"
            )
        with self.assertRaisesRegex(ValidationError, "vehicle plate"):
            self._invite(vehicle_plate="ABC")
        with self.assertRaisesRegex(ValidationError, "one of your units"):
            self._invite(unit_id=self.unit_b.id, user=self.portal_signatory)
        with self.assertRaises(AccessError):
            self._invite(user=self.frontdesk)

    def test_v02_front_desk_checks_in_the_planned_visit_without_duplicate(self):
        with freeze_time("2025-03-03 02:00:00"):
            visit = self._invite().sudo()
        Visit = self.env["property.visit"].sudo()
        count = Visit.search_count([])
        with freeze_time("2025-03-03 06:30:00"):
            # the front desk scans the QR code: the planned visit is found
            wizard = (
                self.env["property.gate.verify"]
                .with_user(self.frontdesk)
                .create({"token": visit.gate_token})
            )
            wizard.action_verify()
            self.assertEqual(wizard.result, "valid")
            self.assertEqual(wizard.visit_id, visit)
            # and checked in: the same record, no second registration
            wizard.visit_id.with_user(self.frontdesk).action_check_in()
        self.assertEqual(Visit.search_count([]), count)
        self.assertEqual(visit.state, "checked_in")
        self.assertEqual(visit.registrar_id, self.frontdesk)
        self.assertEqual(visit.contact_answer, "agreed")
        # as the gate of its site sees it
        self.assertEqual(visit.with_user(self.frontdesk)._gate_status(), "used")

    def test_v01_resident_cancels_the_invitation_and_the_code_is_revoked(self):
        with freeze_time("2025-03-03 02:00:00"):
            visit = self._invite()
        with self.assertRaises(AccessError):
            visit.with_user(self.portal_b).action_portal_cancel()
        with self.assertRaises(AccessError):
            visit.with_user(self.frontdesk).action_portal_cancel()
        visit.with_user(self.portal_a).action_portal_cancel()
        self.assertEqual(visit.sudo().state, "cancelled")
        self.assertEqual(
            visit.with_user(self.frontdesk).sudo()._gate_status(), "revoked"
        )
        with self.assertRaisesRegex(UserError, "no longer be cancelled"):
            visit.with_user(self.portal_a).action_portal_cancel()

    def test_v02_expired_invitation_is_not_valid_at_the_gate(self):
        with freeze_time("2025-03-03 02:00:00"):
            visit = self._invite().sudo()
        with freeze_time("2025-03-03 09:00:00"):
            self.assertEqual(visit.with_user(self.frontdesk)._gate_status(), "expired")
            result, record = self.env["property.gate.verify"]._verify_token(
                visit.gate_token
            )
            self.assertEqual((result, record), ("expired", visit))
        forged = visit.gate_token[:-2] + "xx"
        self.assertEqual(
            self.env["property.gate.verify"]._verify_token(forged), ("invalid", None)
        )
