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

    def test_gate_tour_guard_verifies_a_pass(self):
        self.guard.password = "t_guard"
        self.env["ir.config_parameter"].sudo().set_param("property_visitor.gate_secret", "0" * 64)
        card = self.env["property.pass"].create(
            {
                "site_id": self.site.id,
                "holder_name": "Tour Holder",
                # a fixed past start: the tour runs at the real time of day
                "date_from": "2025-01-01",
                "date_to": "2099-12-31",
            }
        )
        card.sudo().token_key = "a" * 32
        card.with_user(self.frontdesk).action_activate()
        self.start_tour(
            "/odoo/action-property_visitor.property_gate_verify_action",
            "property_visitor_gate_tour",
            login="t_guard",
        )
        logs = self.env["property.gate.log"].search([("user_id", "=", self.guard.id)])
        self.assertEqual(sorted(logs.mapped("result")), ["invalid", "valid"])
        self.assertEqual(logs.filtered(lambda log: log.result == "valid").pass_id, card)
