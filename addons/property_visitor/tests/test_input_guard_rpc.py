"""The suite's input guard (property_base's ``property.input.mixin``) on a visit, over
JSON-RPC as the front desk: bad values refused before anything is written, and the
values of one create or write checked once, not once per layer of the model."""

from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import VisitorCase


@tagged("post_install", "-at_install")
class TestInputGuardRpc(RpcMixin, HttpCase, VisitorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor")

    def _count_checks(self):
        """A patch counting the input guard's runs on the visits' model."""
        Visit = type(self.env["property.visit"])
        return patch.object(
            Visit,
            "_property_check_input",
            autospec=True,
            side_effect=Visit._property_check_input,
        )

    def test_v01_visit_with_a_nul_character_refused_before_anything_is_written(self):
        Visit = self.env["property.visit"].with_context(active_test=False)
        before = Visit.search_count([])
        self.rpc_as(self.frontdesk)
        with self._count_checks() as check:
            self.assertRpcRefused(
                "property.visit",
                "create",
                [self._visit_vals(visitor_name="Wang\x00Wei")],
            )
        self.assertEqual(check.call_count, 1)
        self.assertEqual(Visit.search_count([]), before)

    def test_v01_visit_values_checked_once_per_create_and_write(self):
        self.rpc_as(self.frontdesk)
        with self._count_checks() as check:
            visit_id = self.rpc("property.visit", "create", [self._visit_vals()])[0]
        checked = [call.args[1] for call in check.call_args_list]
        # the client's values once; then each write the visit's own code makes (the
        # clear numbers behind the masked fields) once
        self.assertEqual(len([vals for vals in checked if "visitor_name" in vals]), 1)
        self.assertEqual(
            [list(vals) for vals in checked[1:]], [["id_number"], ["phone"]]
        )
        with self._count_checks() as check:
            self.rpc("property.visit", "write", [visit_id], {"purpose": "Meeting"})
        self.assertEqual(check.call_count, 1)
        self.assertEqual(self.env["property.visit"].browse(visit_id).purpose, "Meeting")
