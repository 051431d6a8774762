from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.phone_tour import PhoneTourMixin

from .common import VisitorCase


@tagged("post_install", "-at_install")
class TestVisitorTour(HttpCase, VisitorCase):
    def test_v02_tour_walk_in_contact_check_in_out(self):
        self.frontdesk.password = "t_frontdesk"
        self.unit.number = "TOUR-101"
        self.tenant.name = "Tour Household"
        # the tour runs at the real time of day: no night-duty window during it
        self.site.company_id.write(
            {
                "property_visitor_night_start_hour": 0,
                "property_visitor_night_end_hour": 0,
            }
        )
        self.start_tour(
            "/odoo/action-property_visitor.property_visit_action",
            "property_visitor_walk_in_tour",
            login="t_frontdesk",
        )
        first, again = self.env["property.visit"].search(
            [("visitor_name", "=", "Tour Visitor")], order="id"
        )
        self.assertEqual(first.state, "checked_out")
        self.assertEqual(again.state, "checked_in")
        for visit in first | again:
            self.assertEqual(visit.registrar_id, self.frontdesk)
            self.assertEqual(visit.contact_answer, "agreed")
            self.assertEqual(visit.contact_person, "Tour Household")
            self.assertTrue(visit.contact_time)
        # the repeat visitor was found by the phone: one visitor, its ID on both visits
        self.assertEqual(again.visitor_id, first.visitor_id)
        self.assertEqual(again.sudo().id_number, "11010519491231002X")

    def test_gate_tour_guard_verifies_a_pass(self):
        self.guard.password = "t_guard"
        self.env["ir.config_parameter"].sudo().set_param(
            "property_visitor.gate_secret", "0" * 64
        )
        card = self.env["property.pass"].create(
            {
                "site_id": self.site.id,
                "holder_name": "Tour Holder",
                # from today (the site's) for the type's validity: the tour runs at
                # the real time of day
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
        self.assertEqual(sorted(logs.mapped("result")), ["invalid", "invalid", "valid"])
        self.assertEqual(logs.filtered(lambda log: log.result == "valid").pass_id, card)


@tagged("post_install", "-at_install")
class TestGuardPhoneTour(PhoneTourMixin, HttpCase, VisitorCase):
    """The guard's daily task on a phone (390 px wide)."""

    def _confirmed_goods_pass(self):
        goods = (
            self.env["property.goods.pass"]
            .with_user(self.frontdesk)
            .create(
                {
                    "site_id": self.site.id,
                    "direction": "in",
                    "tenant_partner_id": self.tenant.id,
                    "carrier_name": "Zhao Liu",
                    # the tour runs at the real time of day: carried today
                    "planned_date": fields.Datetime.now(),
                    "line_ids": [
                        Command.create(
                            {"name": "Laptop", "quantity": 2, "uom_name": "台"}
                        ),
                        Command.create({"name": "Files box", "quantity": 3}),
                    ],
                }
            )
        )
        goods.action_confirm()
        return goods

    def test_v05_tour_guard_counts_the_goods_on_a_phone(self):
        self.guard.password = "t_guard"
        goods = self._confirmed_goods_pass()
        # the printed number the tour's camera reads (the sequence's own is unknown to
        # it)
        self.env.cr.execute(
            "UPDATE property_goods_pass SET name = 'XW2611-0042' WHERE id = %s",
            [goods.id],
        )
        goods.invalidate_recordset(["name"])
        self.start_tour(
            "/odoo/action-property_visitor.property_gate_verify_action",
            "property_visitor_goods_check_tour",
            login="t_guard",
        )
        self.assertEqual(goods.state, "done")
        self.assertEqual(goods.gate_user_id, self.guard)
        self.assertEqual(goods.line_ids.mapped("quantity_seen"), [2, 3])
        self.assertEqual(set(goods.line_ids.mapped("line_state")), {"ok"})
        log = self.env["property.gate.log"].search([("goods_pass_id", "=", goods.id)])
        self.assertEqual(
            log.mapped("result"), ["valid", "valid"], "the scan and the check"
        )


@tagged("post_install", "-at_install")
class TestGuardDesktopTour(HttpCase, VisitorCase):
    """The guard's count of the goods on the desktop (1440 px wide)."""

    browser_size = "1440x900"
    _confirmed_goods_pass = TestGuardPhoneTour._confirmed_goods_pass

    def test_v05_tour_guard_counts_the_goods_on_the_desktop(self):
        self.guard.password = "t_guard"
        goods = self._confirmed_goods_pass()
        self.start_tour(
            f"/odoo/action-property_visitor.property_goods_pass_action/{goods.id}",
            "property_visitor_goods_check_desktop_tour",
            login="t_guard",
        )
        self.assertEqual(goods.state, "sent_back")
        self.assertEqual(goods.line_ids.mapped("quantity_seen"), [2, 4])
        self.assertEqual(goods.line_ids.mapped("line_state"), ["ok", "mismatch"])
        # the approved items and the carrier stay as customer service stamped them
        self.assertEqual(goods.line_ids.mapped("quantity"), [2, 3])
        self.assertEqual(goods.carrier_name, "Zhao Liu")
