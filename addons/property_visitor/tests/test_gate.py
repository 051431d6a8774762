from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import VisitorCase


@tagged("post_install", "-at_install")
class TestGateVerification(VisitorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.card = (
            cls.env["property.pass"]
            .with_user(cls.frontdesk)
            .create(
                {
                    "site_id": cls.site.id,
                    "holder_name": "Li Gong",
                    "holder_category": "contractor",
                    "date_from": "2025-03-01",
                    "date_to": "2025-03-31",
                }
            )
        )

    def _scan(self, token, user=None):
        wizard = (
            self.env["property.gate.verify"]
            .with_user(user or self.guard)
            .create({"token": token})
        )
        wizard.action_verify()
        return wizard

    def test_gate_secret_created_on_install(self):
        secret = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("property_visitor.gate_secret")
        )
        self.assertEqual(len(secret or ""), 64)

    def test_gate_token_has_no_id_in_clear(self):
        token = self.card.gate_token
        self.assertTrue(token.startswith("P"))
        self.assertNotIn(self.card.name, token)
        self.assertTrue(self.card.gate_qr_image)

    def test_gate_valid_suspended_expired_revoked(self):
        token = self.card.with_user(self.frontdesk).gate_token
        Log = self.env["property.gate.log"]
        with freeze_time("2025-03-10"):
            self.assertEqual(
                self._scan(token).result, "invalid", "draft passes are not valid"
            )
            self.card.action_activate()
            wizard = self._scan(token)
            self.assertEqual(wizard.result, "valid")
            self.assertEqual(wizard.holder_name, "Li Gong")
            self.card.action_suspend()
            self.assertEqual(self._scan(token).result, "suspended")
            self.card.action_resume()
        with freeze_time("2025-04-02"):
            self.assertEqual(self._scan(token).result, "expired")
        self.card.with_user(self.supervisor).action_revoke()
        self.assertEqual(self._scan(token).result, "revoked")
        logs = Log.sudo().search([("pass_id", "=", self.card.id)])
        self.assertEqual(len(logs), 5, "every scan is logged")
        self.assertEqual(set(logs.user_id.ids), {self.guard.id})

    def test_gate_forged_or_altered_token_is_only_invalid(self):
        self.card.action_activate()
        token = self.card.gate_token
        altered_key = token[:5] + ("0" if token[5] != "0" else "1") + token[6:]
        altered_sig = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
        for bad in (
            altered_key,
            altered_sig,
            "P" + "0" * 32 + "." + "A" * 43,
            "hello",
            "",
        ):
            with self.subTest(token=bad):
                wizard = self._scan(bad)
                self.assertEqual(wizard.result, "invalid")
                self.assertFalse(wizard.holder_name)
                self.assertFalse(wizard.reference)
        logs = self.env["property.gate.log"].sudo().search([("result", "=", "invalid")])
        self.assertGreaterEqual(len(logs), 5)
        self.assertFalse(logs.pass_id)

    def test_gate_only_guards_and_front_desk_verify(self):
        other = self._create_user("t_other_staff", self.group_user)
        with self.assertRaises(AccessError):
            self._scan(self.card.gate_token, user=other)
