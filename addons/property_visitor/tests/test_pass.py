from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import VisitorCase


@tagged("post_install", "-at_install")
class TestPass(VisitorCase):
    def _new_pass(self, **kwargs):
        vals = {
            "site_id": self.site.id,
            "holder_name": "Li Gong",
            "holder_category": "decoration",
            "sponsor_unit_id": self.unit.id,
            "sponsor_partner_id": self.tenant.id,
            "date_from": "2025-03-03",
        }
        vals.update(kwargs)
        return self.env["property.pass"].with_user(self.frontdesk).create(vals)

    def test_v04_temporary_pass_settings_and_life_cycle(self):
        self.site.company_id.write(
            {
                "property_visitor_temp_pass_validity_days": 15,
                "property_visitor_temp_pass_deposit": 80,
            }
        )
        card = self._new_pass()
        self.assertEqual(str(card.date_to), "2025-03-18")
        self.assertEqual(card.deposit, 80)
        self.assertEqual(card.fee, 10)
        with freeze_time("2025-03-03"):
            card.action_activate()
        self.assertEqual(card.state, "active")
        self.assertEqual(card.deposit_state, "held")
        card.action_suspend()
        self.assertEqual(card.state, "suspended")
        with self.assertRaises(UserError):
            card.action_suspend()
        card.action_resume()
        with freeze_time("2025-03-20"):
            card.action_return_refund()
        self.assertEqual(card.state, "returned")
        self.assertEqual(card.deposit_state, "refunded")
        with self.assertRaises(UserError):
            card.action_activate()

    def test_v04_validity_follows_the_site_calendar_day(self):
        # 2025-03-02 23:30 UTC is already 07:30 on 2025-03-03 in Shanghai, the site's
        # zone
        self.site.calendar_id.tz = "Asia/Shanghai"
        with freeze_time("2025-03-02 23:30:00"):
            card = (
                self.env["property.pass"]
                .with_user(self.frontdesk)
                .create({"site_id": self.site.id, "holder_name": "Early Bird"})
            )
            self.assertEqual(str(card.date_from), "2025-03-03")
            card.with_user(self.frontdesk).action_activate()
            self.assertEqual(card._gate_status(), "valid")
        # a pass starting tomorrow at the gate is refused, whatever the guard's time
        # zone
        with freeze_time("2025-03-02 15:30:00"):
            self.assertEqual(card._gate_status(), "not_yet_valid")

    def test_v04_resident_card_deposit_kept(self):
        card = self._new_pass(pass_type="resident", holder_category="resident")
        self.assertEqual((card.date_to - card.date_from).days, 365)
        card.action_activate()
        card.action_return_keep(reason="Card lost")
        self.assertEqual(card.deposit_state, "kept")

    def test_v04_extension_tracked_and_expiry_cron(self):
        card = self._new_pass()
        with freeze_time("2025-03-03"):
            card.action_activate()
        with self.assertRaisesRegex(UserError, "Extend"):
            card.write({"date_to": "2025-12-31"})
        with self.assertRaisesRegex(UserError, "buttons"):
            card.write({"state": "draft"})
        with freeze_time("2025-04-03"):
            self.assertEqual(self.env["property.pass"]._cron_expire(), 1)
        self.assertEqual(card.state, "expired")
        with freeze_time("2025-04-03"):
            card.action_extend()
        self.assertEqual(card.state, "active")
        self.assertEqual(str(card.date_to), "2025-05-03")
        self.assertEqual(card.extension_count, 1)
        self.assertIn("2025-05-03", card.message_ids[0].body)
        with freeze_time("2025-04-10"):
            self.assertEqual(self.env["property.pass"]._cron_expire(), 0)

    def test_v04_revoke_needs_supervisor_and_guard_cannot_issue(self):
        card = self._new_pass()
        with self.assertRaises(AccessError):
            card.with_user(self.guard).action_activate()
        card.action_activate()
        with self.assertRaises(AccessError):
            card.action_revoke()
        card.with_user(self.supervisor).action_revoke()
        self.assertEqual(card.state, "revoked")
