import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import VisitorCase

SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
)


@tagged("post_install", "-at_install")
class TestLogs(VisitorCase):
    def test_v10_found_property_logged_until_returned(self):
        item = (
            self.env["property.found.item"]
            .with_user(self.guard)
            .create(
                {
                    "site_id": self.site.id,
                    "name": "Black wallet",
                    "found_place": "Lobby of building 1",
                    "found_by": "Guard Huang",
                    "reported_to_id": self.frontdesk.id,
                }
            )
        )
        self.assertEqual(item.state, "kept")
        with self.assertRaises(AccessError):
            item.with_user(self.guard).action_return()
        item = item.with_user(self.frontdesk)
        with self.assertRaisesRegex(UserError, "to whom"):
            item.action_return()
        item.returned_to = "Ms Zhang, unit A1-101"
        item.action_return()
        self.assertEqual(item.state, "returned")
        self.assertEqual(item.returned_by_id, self.frontdesk)
        with self.assertRaises(UserError):
            item.action_return()

    def test_v11_parcel_logged_and_signed_on_collection(self):
        parcel = (
            self.env["property.parcel"]
            .with_user(self.frontdesk)
            .create(
                {
                    "site_id": self.site.id,
                    "kind": "parcel",
                    "quantity": 2,
                    "recipient_name": "Test Owner",
                    "unit_id": self.unit.id,
                    "courier": "SF Express",
                }
            )
        )
        self.assertTrue(parcel.name.startswith("YJ"))
        self.assertEqual(parcel.received_by_id, self.frontdesk)
        with self.assertRaisesRegex(UserError, "signs"):
            parcel.action_collect()
        parcel.collected_by = "Test Owner"
        with self.assertRaisesRegex(UserError, "signs"):
            parcel.action_collect()
        parcel.collected_signature = SIGNATURE
        with self.assertRaises(AccessError):
            parcel.with_user(self.guard).action_collect()
        parcel.action_collect()
        self.assertEqual(parcel.state, "collected")
        self.assertTrue(parcel.collected_date)
        counts = dict(
            self.env["property.parcel"]._read_group(
                [("site_id", "=", self.site.id)], ["kind"], ["quantity:sum"]
            )
        )
        self.assertEqual(counts["parcel"], 2)
