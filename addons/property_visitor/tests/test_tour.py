from odoo.tests import HttpCase, tagged

from .common import VisitorCase


@tagged("post_install", "-at_install")
class TestVisitorTour(HttpCase, VisitorCase):
    def test_v02_tour_walk_in_contact_check_in_out(self):
        self.frontdesk.password = "t_frontdesk"
        self.unit.number = "TOUR-101"
        # the tour runs at the real time of day: no night-duty window during it
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("property_visitor.night_start_hour", 0)
        params.set_param("property_visitor.night_end_hour", 0)
        self.start_tour(
            "/odoo/action-property_visitor.property_visit_action",
            "property_visitor_walk_in_tour",
            login="t_frontdesk",
        )
        visit = self.env["property.visit"].search([("visitor_name", "=", "Tour Visitor")])
        self.assertEqual(visit.state, "checked_out")
        self.assertEqual(visit.registrar_id, self.frontdesk)
        self.assertEqual(visit.contact_answer, "agreed")
