from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import VisitorCase


@tagged("post_install", "-at_install")
class TestForgedContext(HttpCase, VisitorCase):
    """The flag that lets the buttons write a pass's stamps cannot come from a
    client."""

    def test_v04_pass_state_flag_sent_over_rpc_is_refused(self):
        card = self.env["property.pass"].create(
            {
                "site_id": self.site.id,
                "holder_name": "Li Gong",
                "date_from": "2025-03-03",
            }
        )
        self.frontdesk.password = "t_frontdesk"
        self.authenticate("t_frontdesk", "t_frontdesk")
        with self.assertRaises(JsonRpcException) as caught:
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": "property.pass",
                    "method": "write",
                    "args": [card.ids, {"state": "active", "deposit_state": "held"}],
                    "kwargs": {"context": {"property_pass_internal": True}},
                },
            )
        self.assertIn("UserError", str(caught.exception))
        card.invalidate_recordset()
        self.assertEqual(card.state, "draft")
        # the button, which raises the flag on the server, still issues the pass
        card.with_user(self.frontdesk).action_activate()
        self.assertEqual(card.state, "active")
