from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from ..models.res_company import DEMO_TENANT_NAME
from .common import VisitorCase


@tagged("post_install", "-at_install")
class TestDemoTenantRpc(RpcMixin, HttpCase, VisitorCase):
    """The demo's tenant company has its seal and a signatory on file: the front desk
    can confirm its goods passes (V05), which it cannot before the demo setup."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor")
        # the demo data's tenant, when installed, out of the way: the setup then files
        # the seal and the signatory of the tenant of that name, the test's
        cls.env["ir.model.data"].search(
            [("module", "=", "property_base"), ("name", "=", "demo_tenant_company")]
        ).unlink()
        # the demo data's tenant of that name, when installed, renamed out of the way
        cls.env["res.partner"].search(
            [("name", "=", DEMO_TENANT_NAME), ("id", "!=", cls.tenant.id)]
        ).name = "Demo tenant (renamed by the test)"
        cls.tenant.name = DEMO_TENANT_NAME

    def _goods_pass(self, **vals):
        return self.rpc(
            "property.goods.pass",
            "create",
            dict(
                {
                    "site_id": self.site.id,
                    "direction": "out",
                    "tenant_partner_id": self.tenant.id,
                    "carrier_name": "赵六",
                    "planned_date": "2025-03-03 02:00:00",
                    "line_ids": [Command.create({"name": "笔记本电脑", "quantity": 2})],
                },
                **vals,
            ),
        )

    @freeze_time("2025-03-03 02:00:00")
    def test_v05_demo_tenant_seal_and_signatory_on_file(self):
        self.rpc_as(self.frontdesk)
        by_seal = self._goods_pass(auth_method="seal", seal_checked=True)
        # refused first: no seal on file, no signatory before the demo setup
        self.assertRpcRefused("property.goods.pass", "action_confirm", [by_seal])
        self.assertEqual(self.env["property.goods.pass"].browse(by_seal).state, "draft")
        self.assertFalse(
            self.rpc(
                "property.tenant.signatory",
                "search",
                [("partner_id", "=", self.tenant.id)],
            )
        )

        self.env.company._property_demo_setup()

        self.rpc("property.goods.pass", "action_confirm", [by_seal])
        self.assertEqual(
            self.env["property.goods.pass"].browse(by_seal).state, "confirmed"
        )
        signatories = self.rpc(
            "property.tenant.signatory",
            "search_read",
            [("partner_id", "=", self.tenant.id)],
            ["name", "date_from", "date_to", "signature"],
        )
        self.assertEqual(len(signatories), 1)
        self.assertTrue(signatories[0]["signature"])
        by_signature = self._goods_pass(
            auth_method="signature", signatory_id=signatories[0]["id"]
        )
        self.rpc("property.goods.pass", "action_confirm", [by_signature])
        self.assertEqual(
            self.env["property.goods.pass"].browse(by_signature).state, "confirmed"
        )
        # run again (make run twice): nothing doubled
        self.env.company._property_demo_setup()
        self.assertEqual(len(self.tenant.property_signatory_ids), 1)
