import ast
import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestStatistics(ComplaintCase):
    def _communicate(self, complaint):
        complaint.with_user(self.agent).write(
            {
                "resolution": "<p>Done.</p>",
                "result_summary": "Done.",
                "result_solution": "Done.",
                "result_prevention": "Checks.",
                "result_method": "phone",
            }
        )
        complaint.with_user(self.agent).action_communicate_result()

    def test_c20_monthly_rates_match_a_hand_computed_set(self):
        # March 2025: A called back satisfied, B dissatisfied (opens second complaint
        # S), C a demand still to call back, D not yet answered. February: E.
        a = self._new_complaint(summary="A")
        b = self._new_complaint(summary="B")
        c = self._new_complaint(summary="C", kind="demand", demand_type="request")
        self._new_complaint(summary="D")
        self._new_complaint(summary="E", date_received="2025-02-10 02:00:00")
        self._resolve_and_communicate(a)  # called back, satisfied
        self._communicate(b)
        with freeze_time("2025-03-20 02:00:00"):
            self._callback_done(b, level="property_complaint.satisfaction_dissatisfied")
        self._communicate(c)
        self.assertTrue(b.second_complaint_ids)
        self.env.flush_all()

        Statistics = self.env["property.complaint.statistics"].with_user(
            self.supervisor
        )
        figures = Statistics._monthly_figures(self.site, datetime.date(2025, 3, 1))
        march, february = figures["current"][()], figures["previous"][()]
        # 5 rows in March: A, B, C, D and the second complaint S
        self.assertEqual(march["nbr"], 5)
        # callback rate: A done, B done, C to do; D and S have no callback yet -> 2/3
        self.assertAlmostEqual(march["callback_rate"], 200 / 3, places=2)
        # satisfaction among the callbacks done: A yes, B no -> 1/2
        self.assertAlmostEqual(march["satisfaction_rate"], 50.0)
        # second-complaint rate: B among 5 -> 20 %
        self.assertAlmostEqual(march["second_complaint_rate"], 20.0)
        self.assertEqual(february["nbr"], 1)
        self.assertEqual(february["second_complaint_rate"], 0.0)
        self.assertIsNone(february["callback_rate"])

        by_kind = Statistics._monthly_figures(
            self.site, datetime.date(2025, 3, 1), groupby=("kind",)
        )["current"]
        self.assertEqual(by_kind[("complaint",)]["nbr"], 4)
        self.assertEqual(by_kind[("demand",)]["nbr"], 1)
        self.assertEqual(by_kind[("demand",)]["callback_rate"], 0.0)
        self.assertAlmostEqual(by_kind[("complaint",)]["second_complaint_rate"], 25.0)

    def test_c20_statistics_for_supervisors_of_their_sites(self):
        self._new_complaint()
        self.env.flush_all()
        Statistics = self.env["property.complaint.statistics"]
        self.assertEqual(Statistics.with_user(self.supervisor).search_count([]), 1)
        # refused: an agent does not read the statistics
        with self.assertRaises(AccessError):
            Statistics.with_user(self.agent).search_count([])

    def test_c20_typical_case_in_the_case_library(self):
        complaint = self._new_complaint()
        complaint.with_user(self.supervisor).write(
            {"is_typical_case": True, "case_analysis": "<p>Pipes aged.</p>"}
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaint.property_complaint_case_action"
        )
        found = (
            self.env["property.complaint"]
            .with_user(self.supervisor)
            .search(ast.literal_eval(action["domain"]))
        )
        self.assertEqual(found, complaint)

    def test_c20_on_time_response_and_resolution_rates(self):
        # three complaints of March 2025: contacted within the 1-hour response deadline
        # or not, resolved within the working-day deadline or not, or not yet
        on_time = self._new_complaint(summary="on time")
        late = self._new_complaint(summary="late")
        pending = self._new_complaint(summary="pending")
        self.env.flush_all()
        for complaint, contacted, resolved in (
            (
                on_time,
                "date_deadline_response - interval '10 minutes'",
                "date_deadline_resolution - interval '1 day'",
            ),
            (
                late,
                "date_deadline_response + interval '2 hours'",
                "date_deadline_resolution + interval '1 day'",
            ),
        ):
            self.env.cr.execute(
                f"UPDATE property_complaint SET date_customer_contacted = {contacted}, "
                f"date_resolved = {resolved} WHERE id = %s",
                [complaint.id],
            )
        self.env.invalidate_all()
        self.assertTrue(pending.date_deadline_resolution)
        figures = (
            self.env["property.complaint.statistics"]
            .with_user(self.supervisor)
            ._monthly_figures(self.site, datetime.date(2025, 3, 1))["current"][()]
        )
        # the pending complaint counts in neither rate: 1 on time out of 2
        self.assertAlmostEqual(figures["on_time_response_rate"], 50.0)
        self.assertAlmostEqual(figures["on_time_resolution_rate"], 50.0)
