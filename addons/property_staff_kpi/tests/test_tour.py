from odoo.tests import HttpCase, tagged

from .common import KpiCase


@tagged("post_install", "-at_install")
class TestKpiTour(HttpCase, KpiCase):
    def test_k16_tour_assessor_adds_a_deduction_and_submits(self):
        self.user_trainer.password = "k_trainer"
        assessment = self.assess(self.emp_agent)
        action = "property_staff_kpi.property_kpi_assessment_action"
        self.start_tour(
            f"/odoo/action-{action}/{assessment.id}",
            "property_staff_kpi_assessor_tour",
            login="k_trainer",
        )
        self.assertEqual(assessment.state, "submitted")
        line = assessment.line_ids
        self.assertEqual(line.item_id, self.item("k03_late"))
        self.assertEqual(line.points, 4)
        self.assertEqual(line.state, "proposed")
