from odoo.tests import tagged

from .access_matrix import SUITE_ROLES, AccessMatrixMixin, same_for, suite_roles
from .common import PropertyCase

# Every role of the suite is, for property_base, a user of their own sites; the
# addons' own groups add nothing here. The site administrator sees every site.


def staff(ops):
    return same_for(ops, SUITE_ROLES)


@tagged("post_install", "-at_install")
class TestBaseAccessMatrix(AccessMatrixMixin, PropertyCase):
    ROLES = suite_roles("", {})
    # row: (model, {role: allowed operations})   r read, w write, c create, u unlink
    MATRIX = {
        "site": ("property.site", {**staff("r"), "site_admin": "rwc"}),
        "site (other)": ("property.site", {"site_admin": "rwc"}),
        "building": ("property.building", {**staff("r"), "site_admin": "rwcu"}),
        "building (other site)": ("property.building", {"site_admin": "rwcu"}),
        "unit": ("property.unit", {**staff("r"), "site_admin": "rwcu"}),
        "unit (other site)": ("property.unit", {"site_admin": "rwcu"}),
        "holiday import wizard": ("property.holiday.import", {"site_admin": "rwc"}),
        # C22: a resident's partner (the unit's owner) is read by the site
        # administrators (and, in the addons, by customer service and the front desk),
        # not by a mere user of the site; a colleague's partner by everybody
        "resident's partner": ("res.partner", {"site_admin": "r"}),
        "colleague's partner": ("res.partner", {**staff("r"), "site_admin": "r"}),
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site_b = cls.env["property.site"].create(
            {"name": "Other Site", "code": "OB", "calendar_id": cls.calendar.id}
        )
        cls.building_b = cls.env["property.building"].create(
            {"name": "Other Building", "code": "B1", "site_id": cls.site_b.id}
        )
        cls.unit_b = cls.env["property.unit"].create(
            {"building_id": cls.building_b.id, "floor": 1, "number": "101"}
        )
        cls._matrix_setup()

    @classmethod
    def _matrix_record(cls, row):
        return {
            "site": cls.site,
            "site (other)": cls.site_b,
            "building": cls.building,
            "building (other site)": cls.building_b,
            "unit": cls.unit,
            "unit (other site)": cls.unit_b,
            "resident's partner": cls.owner,
            "colleague's partner": cls.user_site_manager.partner_id,
        }.get(row) or super()._matrix_record(row)
