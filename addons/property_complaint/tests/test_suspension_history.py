"""C10 over JSON-RPC as the agent: each suspension is kept with its own cause, amount
and reason; the history cannot be forged or removed; the suspension held on the
complaint by the earlier versions is migrated into the history."""

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestSuspensionHistoryRpc(RpcMixin, HttpCase, ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")

    def _accepted(self):
        complaint = self._new_complaint()
        with freeze_time("2025-03-03 02:00:00"):
            complaint.action_accept()
        return complaint

    def _suspend_rpc(self, complaint, vals):
        self.rpc("property.complaint", "write", [complaint.id], vals)
        self.rpc("property.complaint", "action_suspend", [complaint.id])

    def test_c10_suspension_history_cannot_be_forged_over_rpc(self):
        complaint = self._accepted()
        self.rpc_as(self.agent)
        with freeze_time("2025-03-04 02:00:00"):
            self._suspend_rpc(
                complaint,
                {"suspension_cause": "engineering", "suspension_reason": "Roof works"},
            )
        suspension = complaint.suspension_ids
        Suspension = self.env["property.complaint.suspension"]
        before = Suspension.search_count([])
        # refused: create, write and unlink of the history as the agent
        self.assertRpcRefused(
            "property.complaint.suspension",
            "create",
            {
                "complaint_id": complaint.id,
                "cause": "engineering",
                "reason": "Forged",
                "state": "ended",
                "working_days": 30,
            },
        )
        self.assertRpcRefused(
            "property.complaint.suspension",
            "write",
            [suspension.id],
            {"working_days": 30},
        )
        self.assertRpcRefused(
            "property.complaint.suspension", "unlink", [suspension.id]
        )
        # nothing written, nothing removed
        self.assertEqual(Suspension.search_count([]), before)
        self.assertTrue(suspension.exists())
        self.assertEqual((suspension.working_days, suspension.state), (0, "suspended"))
        self.assertEqual(complaint.resolution_extra_days, 0)

    def test_c10_second_suspension_keeps_the_first(self):
        complaint = self._accepted()
        self.rpc_as(self.agent)
        with freeze_time("2025-03-04 02:00:00"):
            self._suspend_rpc(
                complaint,
                {"suspension_cause": "engineering", "suspension_reason": "Roof works"},
            )
        # resumed Thursday 6 March: 5 and 6 March were suspended
        with freeze_time("2025-03-06 02:00:00"):
            self.rpc("property.complaint", "action_resume", [complaint.id])
        with freeze_time("2025-03-07 02:00:00"):
            self._suspend_rpc(
                complaint,
                {
                    "suspension_cause": "purchase",
                    "suspension_amount": 8000,
                    "suspension_reason": "New pump",
                },
            )
        history = self.rpc(
            "property.complaint.suspension",
            "search_read",
            [("complaint_id", "=", complaint.id)],
            ["cause", "amount", "reason", "state", "working_days"],
            order="id",
        )
        self.assertEqual(
            [
                (h["cause"], h["amount"], h["reason"], h["state"], h["working_days"])
                for h in history
            ],
            [
                ("engineering", 0.0, "Roof works", "ended", 2),
                ("purchase", 8000.0, "New pump", "suspended", 0),
            ],
        )
        self.assertEqual(complaint.suspension_state, "suspended")
        self.assertEqual(complaint.resolution_extra_days, 2)
        self.assertEqual(
            complaint.suspension_ids.currency_id, complaint.company_id.currency_id
        )

    def test_c10_upgrade_moves_the_suspension_into_the_history(self):
        """The data of the earlier version (suspension on the complaint) becomes
        history."""
        suspended, extended, untouched = (self._accepted() for _i in range(3))
        cr = self.env.cr
        self.env.flush_all()
        cr.execute(
            """UPDATE property_complaint SET suspension_state = 'suspended',
                      date_suspended = '2025-03-04 02:00:00',
                      suspension_cause = 'purchase',
                      suspension_amount = 6000, suspension_reason = 'Pump',
                      resolution_extra_days = 0
                WHERE id = %s""",
            [suspended.id],
        )
        cr.execute(
            """UPDATE property_complaint SET suspension_state = NULL,
                      suspension_cause = 'engineering', suspension_reason = 'Roof',
                      resolution_extra_days = 3
                WHERE id = %s""",
            [extended.id],
        )
        self.env.invalidate_all()
        created = self.env["property.complaint"]._property_migrate_suspensions()
        self.assertEqual(created.complaint_id, suspended | extended)
        self.assertFalse(untouched.suspension_ids)
        self.assertEqual(
            [
                (s.cause, s.amount, s.reason, s.state, str(s.date_start))
                for s in suspended.suspension_ids
            ],
            [("purchase", 6000.0, "Pump", "suspended", "2025-03-04 02:00:00")],
        )
        self.assertEqual(
            [
                (s.cause, s.reason, s.state, s.working_days)
                for s in extended.suspension_ids
            ],
            [("engineering", "Roof", "ended", 3)],
        )
        self.assertEqual(suspended.suspension_state, "suspended")
        self.assertFalse(suspended.date_deadline_next)
        self.assertEqual(
            (extended.suspension_state, extended.resolution_extra_days), (False, 3)
        )
        # run twice: nothing more
        self.assertFalse(self.env["property.complaint"]._property_migrate_suspensions())
