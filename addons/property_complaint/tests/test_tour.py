from odoo.tests import HttpCase, tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestComplaintTour(HttpCase, ComplaintCase):
    def test_c01_c11_tour_agent_registers_and_dispatches(self):
        self.agent.password = "t_agent"
        self.dep_engineering.name = "Tour Engineering"
        self.handler.name = "Tour Handler"
        self.start_tour(
            "/odoo/action-property_complaint.property_complaint_action",
            "property_complaint_register_tour",
            login="t_agent",
        )
        complaint = self.env["property.complaint"].search([("summary", "=", "Tour lift stuck")])
        self.assertEqual(complaint.channel_id, self.channel_phone)
        self.assertEqual(complaint.partner_phone, "+8613800138000")
        self.assertEqual(complaint.handler_id, self.handler)
        self.assertEqual(complaint.transfer_ids.user_id, self.agent)
        self.assertEqual(complaint.stage_id.role, "progress")
