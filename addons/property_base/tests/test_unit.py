from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PropertyCase


@tagged("post_install", "-at_install")
class TestUnits(PropertyCase):
    def test_base_unit_number_unique_per_building(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self.env["property.unit"].create(
                {"building_id": self.building.id, "number": "101"}
            )
            self.env.flush_all()
        # the same number in another building of the site is another unit
        other = self.env["property.building"].create(
            {"name": "Building 2", "site_id": self.site.id}
        )
        twin = self.env["property.unit"].create(
            {"building_id": other.id, "number": "101"}
        )
        self.assertEqual(twin.site_id, self.site)
        self.assertEqual(twin.name, "Building 2-101")
        self.assertEqual(self.unit.name, "A1-101")

    def test_base_unit_area_cannot_be_negative(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self.unit.area = -1
            self.env.flush_all()

    def test_base_partner_shows_its_units(self):
        tenant = self.env["res.partner"].create(
            {"name": "Tenant Co.", "is_company": True}
        )
        shop = self.env["property.unit"].create(
            {
                "building_id": self.building.id,
                "number": "S01",
                "kind": "shop",
                "occupant_ids": [(6, 0, tenant.ids)],
            }
        )
        self.unit.occupant_ids = tenant
        self.assertEqual(tenant.property_unit_count, 2)
        self.assertEqual(self.owner.property_unit_count, 1)
        action = tenant.action_view_property_units()
        self.assertEqual(
            self.env["property.unit"].search(action["domain"]), self.unit | shop
        )
        stranger = self.env["res.partner"].create({"name": "Nobody"})
        self.assertEqual(stranger.property_unit_count, 0)
        self.assertFalse(
            self.env["property.unit"].search(stranger._property_units_domain())
        )
