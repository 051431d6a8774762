from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import KpiCase


@tagged("post_install", "-at_install")
class TestForgedContext(HttpCase, KpiCase):
    """The flags that let the scoring pass write lines and states cannot come from a
    client."""

    def _rpc(self, model, method, args, context):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": {"context": context},
            },
        )

    def test_k16_confirm_and_approved_line_flags_sent_over_rpc_are_refused(self):
        assessment = self.assess(self.emp_agent)
        assessor = assessment.assessor_user_id
        assessor.password = "k_assessor_pw"
        self.authenticate(assessor.login, "k_assessor_pw")
        forged = {"property_kpi_action": True, "kpi_no_rules": True}
        with self.assertRaises(JsonRpcException):
            self._rpc(
                "property.kpi.assessment",
                "write",
                [assessment.ids, {"state": "confirmed"}],
                forged,
            )
        item = self.item("k02_cover")
        with self.assertRaises(JsonRpcException):
            self._rpc(
                "property.kpi.line",
                "create",
                [
                    {
                        "assessment_id": assessment.id,
                        "item_id": item.id,
                        "points": item.points_max,
                        "date": str(assessment.date_month),
                        "reason": "Self-approved bonus",
                        "state": "approved",
                    }
                ],
                forged,
            )
        assessment.invalidate_recordset()
        self.assertEqual(assessment.state, "draft")
        self.assertFalse(
            assessment.line_ids.filtered(lambda line: line.state == "approved")
        )
        # proposed through the form as usual, the same line is accepted
        line = self.add(assessment, "k02_cover", approve=False)
        self.assertEqual(line.state, "proposed")
