from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.property_base.tools import INTERNAL

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestForgedContext(HttpCase, ComplaintCase):
    """The flag that lets the actions write their own fields cannot come from a
    client."""

    def _rpc_write(self, model, record, vals, context):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": model,
                "method": "write",
                "args": [record.ids, vals],
                "kwargs": {"context": context},
            },
        )

    def test_c18_action_flag_sent_over_rpc_is_refused(self):
        complaint = self._new_complaint()
        closed = self.env.ref("property_complaint.stage_closed")
        self.agent.password = "t_agent"
        self.authenticate("t_agent", "t_agent")
        with self.assertRaises(JsonRpcException) as caught:
            self._rpc_write(
                "property.complaint",
                complaint,
                {"stage_id": closed.id, "date_closed": "2025-03-04 00:00:00"},
                {"property_complaint_action": True},
            )
        self.assertIn("UserError", str(caught.exception))
        complaint.invalidate_recordset()
        self.assertNotEqual(complaint.stage_id, closed)
        self.assertFalse(complaint.date_closed)
        # the server's own action path still writes the same fields
        complaint.with_context(property_complaint_action=INTERNAL).write(
            {"date_customer_contacted": "2025-03-03 03:00:00"}
        )
        self.assertTrue(complaint.date_customer_contacted)

    def test_c15_callback_state_flag_sent_over_rpc_is_refused(self):
        complaint = self._new_complaint()
        callback = self.env["property.complaint.callback"].create(
            {"complaint_id": complaint.id, "date_due": "2025-03-10"}
        )
        self.agent.password = "t_agent"
        self.authenticate("t_agent", "t_agent")
        with self.assertRaises(JsonRpcException):
            self._rpc_write(
                "property.complaint.callback",
                callback,
                {"state": "done"},
                {"property_complaint_action": True},
            )
        callback.invalidate_recordset()
        self.assertEqual(callback.state, "todo")
