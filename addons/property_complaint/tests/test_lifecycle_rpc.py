"""The complaint's state and its stage on the board, over JSON-RPC as each role: moving
a card runs the guarded action of that step (C09, C14, C18), says in plain words why
when it may not, and a stage someone adds is used."""

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestLifecycleRpc(RpcMixin, HttpCase, ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        ref = cls.env.ref
        cls.stage_new = ref("property_complaint.stage_new")
        cls.stage_progress = ref("property_complaint.stage_progress")
        cls.stage_feedback = ref("property_complaint.stage_feedback")
        cls.stage_closed = ref("property_complaint.stage_closed")
        cls.stage_parts = cls.env["property.complaint.stage"].create(
            {"name": "Waiting for Parts", "sequence": 25, "role": "progress"}
        )

    def _drag(self, complaint, stage):
        return self.rpc(
            "property.complaint",
            "web_save",
            [complaint.id],
            {"stage_id": stage.id},
            specification={"stage_id": {}, "state": {}},
        )

    def _snapshot(self, complaint):
        complaint.invalidate_recordset()
        return (
            complaint.state,
            complaint.stage_id,
            complaint.date_closed,
            complaint.is_closed,
        )

    @freeze_time("2025-03-04 02:00:00")
    def test_c18_card_dragged_to_closed_runs_the_close_checks(self):
        complaint = self._new_complaint()
        self._dispatch(complaint, self.dep_engineering, self.handler)
        before = self._snapshot(complaint)
        self.rpc_as(self.agent)
        error = self.assertRpcRefused(
            "property.complaint",
            "web_save",
            [complaint.id],
            {"stage_id": self.stage_closed.id},
            specification={},
        )
        self.assertIn("尚不能结案", error.message)
        # nothing written
        self.assertEqual(self._snapshot(complaint), before)
        self.assertEqual(complaint.state, "progress")

    @freeze_time("2025-03-04 02:00:00")
    def test_c09_card_cannot_move_back(self):
        complaint = self._new_complaint()
        self._dispatch(complaint, self.dep_engineering, self.handler)
        before = self._snapshot(complaint)
        self.rpc_as(self.agent)
        error = self.assertRpcRefused(
            "property.complaint",
            "web_save",
            [complaint.id],
            {"stage_id": self.stage_new.id},
            specification={},
        )
        self.assertIn(complaint.name, error.message)
        self.assertEqual(self._snapshot(complaint), before)

    @freeze_time("2025-03-04 02:00:00")
    def test_c09_card_dragged_forward_runs_the_action_and_keeps_the_added_stage(self):
        complaint = self._new_complaint()
        self.assertEqual((complaint.state, complaint.stage_id), ("new", self.stage_new))
        self.rpc_as(self.agent)
        # accepting by moving the card into a stage someone added
        self._drag(complaint, self.stage_parts)
        complaint.invalidate_recordset()
        self.assertEqual(
            (complaint.state, complaint.stage_id), ("progress", self.stage_parts)
        )
        self.assertTrue(complaint.date_accepted)
        # within the same state the card just moves
        self._drag(complaint, self.stage_progress)
        complaint.invalidate_recordset()
        self.assertEqual(
            (complaint.state, complaint.stage_id), ("progress", self.stage_progress)
        )
        # the handler submits the resolution by moving the card
        self._dispatch(complaint, self.dep_engineering, self.handler)
        complaint.with_user(self.handler).resolution = "<p>Pipe replaced.</p>"
        self.rpc_as(self.handler)
        self._drag(complaint, self.stage_feedback)
        complaint.invalidate_recordset()
        self.assertEqual(complaint.state, "feedback")
        self.assertTrue(complaint.date_resolved)

    @freeze_time("2025-03-04 02:00:00")
    def test_c01_registration_starts_at_a_new_stage(self):
        self.rpc_as(self.agent)
        error = self.assertRpcRefused(
            "property.complaint",
            "create",
            self._complaint_vals(stage_id=self.stage_parts.id),
        )
        self.assertIn("按钮", error.message)
        self.assertFalse(
            self.env["property.complaint"].search(
                [("stage_id", "=", self.stage_parts.id)]
            )
        )
        # the column a form was opened from is ignored when it is not a "new" stage
        complaint_id = self.rpc(
            "property.complaint",
            "create",
            self._complaint_vals(),
            context={"default_stage_id": self.stage_parts.id},
        )
        complaint = self.env["property.complaint"].browse(complaint_id)
        self.assertEqual((complaint.state, complaint.stage_id), ("new", self.stage_new))

    def test_c18_upgrade_sets_the_state_from_the_stage(self):
        complaint = self._new_complaint()
        self._dispatch(complaint, self.dep_engineering, self.handler)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE property_complaint SET state = 'new' WHERE id = %s", [complaint.id]
        )
        self.env.invalidate_all()
        self.assertEqual(self.env["property.complaint"]._property_migrate_states(), 1)
        self.assertEqual(complaint.state, "progress")
        self.assertEqual(self.env["property.complaint"]._property_migrate_states(), 0)
