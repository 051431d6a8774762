import json

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestPortalSignatoryRpc(RpcMixin, HttpCase, PortalCase):
    """V05: a tenant's goods passes are read in the portal by its signatories whose
    authorisation runs today only; an expired or withdrawn authorisation reads
    nothing. A pass's gate code is read by the front desk and the guards only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor", "property_portal")
        cls.goods = cls._goods_pass(cls, carrier_name="Carrier Secret")
        cls.signatory.date_to = "2025-05-31"

    def _read_goods(self):
        return self.rpc(
            "property.goods.pass",
            "search_read",
            [("id", "=", self.goods.id)],
            ["carrier_name", "line_ids"],
        )

    def test_v05_expired_signatory_reads_no_goods_pass(self):
        self.rpc_as(self.portal_signatory)
        with freeze_time("2025-06-01 02:00:00"):
            # refused: after the authorisation's last day
            self.assertEqual(self._read_goods(), [])
            error = self.assertRpcRefused(
                "property.goods.pass", "read", [self.goods.id], ["carrier_name"]
            )
            self.assertNotIn("Carrier Secret", error.message)
            lines = self.rpc(
                "property.goods.pass.line",
                "search_read",
                [("goods_pass_id", "=", self.goods.id)],
            )
            self.assertEqual(lines, [])
        with freeze_time("2025-05-31 02:00:00"):
            self.assertEqual(self._read_goods()[0]["carrier_name"], "Carrier Secret")

    def test_v05_withdrawn_signatory_reads_no_goods_pass(self):
        self.signatory.active = False
        self.rpc_as(self.portal_signatory)
        with freeze_time("2025-05-01 02:00:00"):
            answer = self._read_goods()
        self.assertEqual(answer, [])
        self.assertNotIn("Carrier Secret", json.dumps(answer))

    def test_v04_gate_code_only_for_front_desk_and_guards(self):
        with freeze_time("2025-05-01 02:00:00"):
            # refused: the signatory, in the portal
            self.rpc_as(self.portal_signatory)
            self.assertRpcRefused(
                "property.goods.pass", "read", [self.goods.id], ["gate_token"]
            )
            self.assertRpcRefused(
                "property.goods.pass", "read", [self.goods.id], ["token_key"]
            )
            for user in (self.frontdesk, self.guard):
                with self.subTest(user=user.login):
                    self.rpc_as(user)
                    answer = self.rpc(
                        "property.goods.pass", "read", [self.goods.id], ["gate_token"]
                    )
                    self.assertTrue(answer[0]["gate_token"].startswith("G"))
