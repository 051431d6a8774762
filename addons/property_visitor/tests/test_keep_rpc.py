"""Records the front desk and the gate must keep (V01, V05, V10, V11), acting as each
role over JSON-RPC (property_base/models/property_integrity_mixin.py): never deleted,
finished ones locked with their files, the gate log written only by the gate."""

import base64

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import VisitorCase

SIGNATURE = base64.b64encode(b"signature").decode()


@tagged("post_install", "-at_install")
class TestKeepRpc(RpcMixin, HttpCase, VisitorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor")
        cls.visit = cls.env["property.visit"].create(cls._visit_vals(cls))
        cls.parcel = cls.env["property.parcel"].create(
            {
                "site_id": cls.site.id,
                "kind": "parcel",
                "quantity": 1,
                "recipient_name": "Test Owner",
                "unit_id": cls.unit.id,
            }
        )
        cls.item = cls.env["property.found.item"].create(
            {
                "site_id": cls.site.id,
                "name": "Black wallet",
                "found_place": "Lobby",
                "found_by": "Guard Huang",
            }
        )

    def test_v01_v10_v11_visits_parcels_and_found_items_never_deleted_over_rpc(self):
        for user in (self.frontdesk, self.supervisor, self.security):
            self.rpc_as(user)
            for record in (self.visit, self.parcel, self.item):
                with self.subTest(user=user.login, model=record._name):
                    self.assertRpcRefused(record._name, "unlink", record.ids)
        # nothing removed
        for record in (self.visit, self.parcel, self.item):
            self.assertTrue(record.exists())

    def test_v11_collected_parcel_is_locked_with_its_signature_and_files(self):
        parcel = self.parcel.with_user(self.frontdesk)
        parcel.write({"collected_by": "Test Owner", "collected_signature": SIGNATURE})
        parcel.action_collect()
        self.rpc_as(self.frontdesk)
        self.assertRpcRefused(
            "property.parcel", "write", parcel.ids, {"collected_by": "Somebody else"}
        )
        self.assertRpcRefused(
            "property.parcel", "write", parcel.ids, {"collected_signature": False}
        )
        Attachment = self.env["ir.attachment"]
        domain = [("res_model", "=", "property.parcel"), ("res_id", "=", parcel.id)]
        before = Attachment.search_count(domain)
        self.assertRpcRefused(
            "ir.attachment",
            "create",
            {
                "name": "other.png",
                "datas": SIGNATURE,
                "res_model": "property.parcel",
                "res_id": parcel.id,
            },
        )
        # nothing written
        parcel.invalidate_recordset()
        self.assertEqual(parcel.collected_by, "Test Owner")
        self.assertTrue(parcel.collected_signature)
        self.assertEqual(Attachment.search_count(domain), before)

    def test_v10_returned_item_is_locked(self):
        item = self.item.with_user(self.frontdesk)
        item.returned_to = "Ms Zhang, unit A1-101"
        item.action_return()
        self.rpc_as(self.frontdesk)
        self.assertRpcRefused(
            "property.found.item", "write", item.ids, {"returned_to": "Somebody else"}
        )
        self.assertRpcRefused(
            "property.found.item", "write", item.ids, {"state": "kept"}
        )
        item.invalidate_recordset()
        self.assertEqual(item.returned_to, "Ms Zhang, unit A1-101")
        self.assertEqual(item.state, "returned")

    def test_v05_gate_log_is_written_by_the_gate_only(self):
        Log = self.env["property.gate.log"]
        before = Log.search_count([])
        self.rpc_as(self.guard)
        # refused: a guard forges a "valid" line over RPC
        self.assertRpcRefused(
            "property.gate.log",
            "create",
            {"site_id": self.site.id, "result": "valid", "holder_name": "Nobody"},
        )
        self.assertEqual(Log.search_count([]), before)

    def test_v11_values_that_are_not_a_record_refused(self):
        before = self.env["property.parcel"].search_count([])
        self.rpc_as(self.frontdesk)
        for values in (["site_id", self.site.id], "recipient", {1: "x"}):
            with self.subTest(values=values):
                self.assertRpcRefused("property.parcel", "create", values)
        self.assertRpcRefused(
            "property.parcel", "write", self.parcel.ids, ["recipient_name"]
        )
        self.assertEqual(self.env["property.parcel"].search_count([]), before)
