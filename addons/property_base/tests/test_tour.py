from odoo.tests import HttpCase, tagged

from .common import PropertyCase


@tagged("post_install", "-at_install")
class TestPropertyBaseTour(HttpCase, PropertyCase):
    def test_base_tour_unit_register(self):
        self.user_site_manager.password = "t_site_manager"
        self.unit.number = "TOUR-101"
        self.owner.name = "Tour Owner"
        self.start_tour(
            "/odoo/action-property_base.property_unit_action",
            "property_base_units_tour",
            login="t_site_manager",
        )
