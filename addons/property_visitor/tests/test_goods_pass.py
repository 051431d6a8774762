import base64

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import VisitorCase

PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
)


@tagged("post_install", "-at_install")
class TestGoodsPass(VisitorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.signatory = cls.env["property.tenant.signatory"].create(
            {
                "partner_id": cls.tenant.id,
                "name": "Chen Jingli",
                "date_from": "2025-01-01",
                "date_to": "2025-06-30",
            }
        )

    def _new_goods_pass(self, **kwargs):
        vals = {
            "site_id": self.site.id,
            "direction": "out",
            "tenant_partner_id": self.tenant.id,
            "carrier_name": "Zhao Liu",
            "planned_date": "2025-03-03 02:00:00",
            "line_ids": [
                (0, 0, {"name": "Laptop", "quantity": 2, "uom_name": "台"}),
                (0, 0, {"name": "Files box", "quantity": 3}),
            ],
        }
        vals.update(kwargs)
        return self.env["property.goods.pass"].with_user(self.frontdesk).create(vals)

    def _count_at_gate(self, goods, *quantities):
        """The guard's check at the gate: the counted quantity of each item,
        confirmed."""
        action = goods.with_user(self.guard).action_gate_check()
        check = (
            self.env["property.goods.check"]
            .with_user(self.guard)
            .with_context(**action["context"])
            .create({})
        )
        for line, quantity in zip(check.line_ids, quantities, strict=True):
            line.quantity_seen = quantity
        return check.action_confirm()

    def test_v05_carry_out_needs_seal_or_authorised_signature(self):
        goods = self._new_goods_pass()
        with self.assertRaisesRegex(UserError, "seal or the signature"):
            goods.action_confirm()
        goods.auth_method = "seal"
        with self.assertRaisesRegex(UserError, "no seal on file"):
            goods.action_confirm()
        self.tenant.property_seal_image = PNG
        with self.assertRaisesRegex(UserError, "Compare the seal"):
            goods.action_confirm()
        goods.seal_checked = True
        goods.action_confirm()
        self.assertEqual(goods.state, "confirmed")
        self.assertEqual(goods.cs_confirmed_by_id, self.frontdesk)

    def test_v05_signatory_validity_dates(self):
        goods = self._new_goods_pass(
            auth_method="signature", signatory_id=self.signatory.id
        )
        goods.action_confirm()
        self.assertEqual(goods.state, "confirmed")
        late = self._new_goods_pass(
            auth_method="signature",
            signatory_id=self.signatory.id,
            planned_date="2025-07-02 02:00:00",
        )
        with self.assertRaisesRegex(UserError, "not authorised"):
            late.action_confirm()

    def test_v05_carry_in_needs_customer_service_confirmation(self):
        goods = self._new_goods_pass(direction="in")
        with self.assertRaises(AccessError):
            goods.with_user(self.guard).action_confirm()
        with self.assertRaises(UserError):
            goods.with_user(self.guard).action_gate_check()
        goods.action_confirm()
        self.assertEqual(goods.state, "confirmed")

    def test_v05_tenant_under_decoration_refused(self):
        self.tenant.property_under_decoration = True
        goods = self._new_goods_pass(direction="in")
        with self.assertRaisesRegex(UserError, "decoration process"):
            goods.action_confirm()

    def test_v06_hazardous_goods_refused(self):
        for hazard in ("flammable", "explosive", "toxic", "corrosive"):
            with (
                self.subTest(hazard=hazard),
                self.assertRaisesRegex(ValidationError, "may not"),
            ):
                self._new_goods_pass(
                    direction="in",
                    line_ids=[
                        (0, 0, {"name": "Drum", "quantity": 1, "hazard": hazard})
                    ],
                )
        ordinary = self._new_goods_pass(direction="in")
        self.assertEqual(set(ordinary.line_ids.mapped("hazard")), {"none"})

    def test_v07_large_move_needs_a_free_slot(self):
        goods = self._new_goods_pass(direction="in", large_move=True)
        with self.assertRaisesRegex(UserError, "moving slot"):
            goods.action_confirm()
        slot = (
            self.env["property.move.slot"]
            .with_user(self.frontdesk)
            .create(
                {
                    "site_id": self.site.id,
                    "start": "2025-03-04 06:00:00",
                    "stop": "2025-03-04 08:00:00",
                }
            )
        )
        self.assertEqual(slot.name, "2025-03-04 14:00–16:00")
        goods.slot_id = slot
        goods.action_confirm()
        self.assertEqual(str(goods.planned_date), "2025-03-04 06:00:00")
        self.assertTrue(slot.booked)
        other = self._new_goods_pass(direction="in", large_move=True, slot_id=slot.id)
        with self.assertRaisesRegex(UserError, "already booked"):
            other.action_confirm()

    def test_v05_gate_checks_each_line(self):
        goods = self._new_goods_pass(direction="in")
        goods.action_confirm()
        self.assertEqual(
            str(goods.valid_until), "2025-03-03 15:59:59", "same day, site time"
        )
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            goods.line_ids[0].write({"quantity": 5})
        with freeze_time("2025-03-03 03:00:00"):
            wizard = (
                self.env["property.gate.verify"]
                .with_user(self.guard)
                .create({"token": goods.gate_token})
            )
            wizard.action_verify()
            self.assertEqual(wizard.result, "valid")
            self.assertIn("Laptop × 2 台", wizard.items)
            self._count_at_gate(goods, *goods.line_ids.mapped("quantity"))
        self.assertEqual(goods.state, "done")
        self.assertEqual(set(goods.line_ids.mapped("line_state")), {"ok"})
        with freeze_time("2025-03-03 03:05:00"):
            wizard.action_verify()
        self.assertEqual(wizard.result, "used")

    def test_v05_mismatch_sends_back_and_reissue_links_voided(self):
        goods = self._new_goods_pass(direction="in")
        goods.action_confirm()
        with freeze_time("2025-03-03 03:00:00"):
            self._count_at_gate(goods, 2, 4)
        self.assertEqual(goods.state, "sent_back")
        self.assertEqual(goods.line_ids[1].line_state, "mismatch")
        self.assertIn("Files box 4/3", goods.message_ids[0].body)
        action = goods.action_reissue()
        new = self.env["property.goods.pass"].browse(action["res_id"])
        self.assertEqual(goods.state, "voided")
        self.assertEqual(new.reissued_from_id, goods)
        self.assertEqual(new.state, "draft")
        self.assertEqual(len(new.line_ids), 2)
        self.assertEqual(set(new.line_ids.mapped("line_state")), {"pending"})

    def test_v05_guard_refusal_needs_a_reason(self):
        goods = self._new_goods_pass(direction="in")
        goods.action_confirm()
        with self.assertRaisesRegex(UserError, "remarks"):
            goods.with_user(self.guard).action_gate_refuse()
        goods.with_user(self.guard).gate_note = "Boxes not opened for inspection"
        goods.with_user(self.guard).action_gate_refuse()
        self.assertEqual(goods.state, "sent_back")

    def test_v05_unused_pass_expires_same_day(self):
        goods = self._new_goods_pass(direction="in")
        goods.action_confirm()
        with freeze_time("2025-03-03 15:00:00"):
            self.assertEqual(self.env["property.goods.pass"]._cron_expire(), 0)
        with freeze_time("2025-03-03 16:30:00"):
            self.assertEqual(self.env["property.goods.pass"]._cron_expire(), 1)
        self.assertEqual(goods.state, "expired")
        self.site.company_id.property_visitor_goods_pass_validity_days = 2
        later = self._new_goods_pass(direction="in")
        later.action_confirm()
        self.assertEqual(str(later.valid_until), "2025-03-05 15:59:59")
