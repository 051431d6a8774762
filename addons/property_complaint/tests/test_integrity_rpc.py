"""The integrity rules of complaints and callbacks, acting as each role over JSON-RPC
(property_base/models/property_integrity_mixin.py): the refused case first, and that
nothing was written, removed or revealed."""

import base64

from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase

PHOTO = base64.b64encode(b"evidence photo").decode()


@tagged("post_install", "-at_install")
class TestComplaintIntegrityRpc(RpcMixin, HttpCase, ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        cls.stage_closed = cls.env.ref("property_complaint.stage_closed")

    def _registration(self, **vals):
        return self._complaint_vals(**vals)

    def _closed_complaint(self):
        complaint = self._new_complaint()
        self._dispatch(complaint, self.dep_engineering, self.handler)
        complaint.with_user(self.agent).validity_reason = "Repair not done in time."
        complaint.with_user(self.agent).action_confirm_valid()
        complaint.responsible_department_id = self.dep_engineering
        self._resolve_and_communicate(complaint)
        complaint.with_user(self.agent).action_close()
        self.assertTrue(complaint.is_closed)
        return complaint

    def _attachment_rpc(self, complaint, name="photo.jpg"):
        return self.rpc(
            "ir.attachment",
            "create",
            {
                "name": name,
                "datas": PHOTO,
                "res_model": "property.complaint",
                "res_id": complaint.id,
            },
        )

    # ------------------------------------------------------------------
    # create is guarded like write
    # ------------------------------------------------------------------
    @freeze_time("2025-03-03 02:00:00")
    def test_c01_create_with_action_fields_refused_over_rpc(self):
        first = self._new_complaint()
        Complaint = self.env["property.complaint"].with_context(active_test=False)
        before = Complaint.search_count([])
        self.rpc_as(self.agent)
        for forged in (
            {"stage_id": self.stage_closed.id},
            {"validity": "valid"},
            {"date_closed": "2025-03-03 03:00:00"},
            {"date_accepted": "2025-03-03 03:00:00"},
            {"resolution_extra_days": 999},
            {"parent_complaint_id": first.id},
            {"is_escalated": True},
            {"suspension_state": "suspended"},
            {"complaint_class": "1"},
            {"name": "FORGED-001"},
        ):
            with self.subTest(forged=forged):
                error = self.assertRpcRefused(
                    "property.complaint", "create", self._registration(**forged)
                )
                self.assertIn("按钮", error.message)
        # nothing written
        self.assertEqual(Complaint.search_count([]), before)
        self.assertFalse(Complaint.search([("name", "=", "FORGED-001")]))

    @freeze_time("2025-03-03 02:00:00")
    def test_c03_context_default_cannot_set_an_action_field(self):
        self.rpc_as(self.agent)
        complaint_id = self.rpc(
            "property.complaint",
            "create",
            self._registration(),
            context={
                "default_validity": "valid",
                "default_stage_id": self.stage_closed.id,
                "default_date_closed": "2025-03-03 03:00:00",
            },
        )
        complaint = self.env["property.complaint"].browse(complaint_id)
        self.assertEqual(complaint.validity, "pending")
        self.assertFalse(complaint.is_closed)
        self.assertFalse(complaint.date_closed)

    # ------------------------------------------------------------------
    # client context keys never switch off the audit trail or a rule
    # ------------------------------------------------------------------
    @freeze_time("2025-03-03 02:00:00")
    def test_c07_client_context_cannot_switch_off_tracking(self):
        complaint = self._new_complaint()
        self.rpc_as(self.agent)
        self.rpc(
            "property.complaint",
            "write",
            complaint.ids,
            {"summary": "Water leak in the kitchen", "fact_media": True},
            context={
                "tracking_disable": True,
                "mail_notrack": True,
                "property_complaint_no_notify": True,
            },
        )
        complaint.invalidate_recordset()
        self.assertEqual(complaint.complaint_class, "1")
        tracked = complaint.sudo().message_ids.tracking_value_ids.mapped(
            "field_id.name"
        )
        self.assertIn("summary", tracked)
        self.assertIn("fact_media", tracked)
        self.assertIn("complaint_class", tracked)
        # the class-1 notification was not switched off either (C13)
        self.assertTrue(complaint.date_class1_notified)

    # ------------------------------------------------------------------
    # a closed complaint locks its files and its callbacks
    # ------------------------------------------------------------------
    def test_c18_closed_complaint_files_cannot_be_added_or_removed_over_rpc(self):
        complaint = self._closed_complaint()
        evidence = self.env["ir.attachment"].create(
            {
                "name": "before.jpg",
                "datas": PHOTO,
                "res_model": "property.complaint",
                "res_id": complaint.id,
            }
        )
        complaint.sudo()._property_internal().write(
            {"evidence_attachment_ids": [Command.link(evidence.id)]}
        )
        Attachment = self.env["ir.attachment"]
        domain = [
            ("res_model", "=", "property.complaint"),
            ("res_id", "=", complaint.id),
        ]
        before = Attachment.search_count(domain)
        self.rpc_as(self.agent)
        self.assertRpcRefused(
            "ir.attachment",
            "create",
            {
                "name": "after.jpg",
                "datas": PHOTO,
                "res_model": "property.complaint",
                "res_id": complaint.id,
            },
        )
        self.assertRpcRefused("ir.attachment", "unlink", evidence.ids)
        self.assertRpcRefused(
            "property.complaint",
            "write",
            complaint.ids,
            {"evidence_attachment_ids": [Command.delete(evidence.id)]},
        )
        # nothing written, nothing removed
        self.assertEqual(Attachment.search_count(domain), before)
        self.assertTrue(evidence.exists())
        self.assertEqual(complaint.evidence_attachment_ids, evidence)

    @freeze_time("2025-03-03 02:00:00")
    def test_c18_evidence_removed_only_by_whoever_added_it_with_a_trace(self):
        complaint = self._new_complaint()
        self.rpc_as(self.agent)
        attachment_id = self._attachment_rpc(complaint)
        attachment = self.env["ir.attachment"].browse(attachment_id)
        # refused: the handler removes the agent's evidence
        self._dispatch(complaint, self.dep_engineering, self.handler)
        self.rpc_as(self.handler)
        self.assertRpcRefused("ir.attachment", "unlink", [attachment_id])
        self.assertTrue(attachment.exists())
        # whoever added it may remove it while the complaint is open, with a trace
        self.rpc_as(self.agent)
        self.rpc("ir.attachment", "unlink", [attachment_id])
        self.assertFalse(attachment.exists())
        complaint.invalidate_recordset()
        notes = complaint.sudo().message_ids.mapped("body")
        self.assertTrue(any("photo.jpg" in (body or "") for body in notes), notes)

    def test_c18_callbacks_are_kept_and_locked_with_the_complaint(self):
        complaint = self._closed_complaint()
        callback = complaint.callback_ids[:1]
        self.assertTrue(callback)
        self.rpc_as(self.cs_manager)
        self.assertRpcRefused("property.complaint.callback", "unlink", callback.ids)
        self.assertRpcRefused(
            "property.complaint.callback",
            "write",
            callback.ids,
            {"comments": "Rewritten"},
        )
        self.assertRpcRefused(
            "property.complaint.callback",
            "create",
            {"complaint_id": complaint.id, "date_due": "2025-03-20"},
        )
        callback.invalidate_recordset()
        self.assertTrue(callback.exists())
        self.assertEqual(callback.comments, "Thank you.")
        self.assertEqual(len(complaint.callback_ids), 1)

    # ------------------------------------------------------------------
    # open records do not vanish
    # ------------------------------------------------------------------
    def test_c18_open_complaint_cannot_be_archived_over_rpc(self):
        complaint = self._new_complaint()
        for user in (self.agent, self.cs_manager):
            self.rpc_as(user)
            self.assertRpcRefused("property.complaint", "action_archive", complaint.ids)
            self.assertRpcRefused(
                "property.complaint", "write", complaint.ids, {"active": False}
            )
            complaint.invalidate_recordset()
            self.assertTrue(complaint.active)
        self.assertRpcRefused("property.complaint", "unlink", complaint.ids)
        self.assertTrue(complaint.exists())

    def test_c18_only_a_manager_archives_a_closed_complaint(self):
        complaint = self._closed_complaint()
        self.rpc_as(self.agent)
        self.assertRpcRefused("property.complaint", "action_archive", complaint.ids)
        complaint.invalidate_recordset()
        self.assertTrue(complaint.active)
        self.rpc_as(self.cs_manager)
        self.rpc("property.complaint", "action_archive", complaint.ids)
        complaint.invalidate_recordset()
        self.assertFalse(complaint.active)

    def test_c01_rules_hold_after_automation_hooks_reset_the_class(self):
        """Odoo's base_automation deletes create/write/unlink from the registry's class
        when its rules change; the integrity checks are not there and stay."""
        cls = self.env.registry["property.complaint"]
        for name in ("create", "write", "unlink"):
            if name in cls.__dict__:
                delattr(cls, name)
        self.rpc_as(self.agent)
        before = self.env["property.complaint"].search_count([])
        self.assertRpcRefused(
            "property.complaint", "create", self._registration(validity="valid")
        )
        self.assertEqual(self.env["property.complaint"].search_count([]), before)
