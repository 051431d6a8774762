"""C03, C22: who may read, write, create and delete the repair work orders, their
lines and the paid services statistics, role by role (property_base's access
matrix), acting as the user."""

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.property_base.tests.access_matrix import (
    AccessMatrixMixin,
    same_for,
)
from odoo.addons.property_base.tests.common import PropertyCase
from odoo.addons.property_complaint.tests.test_access_matrix import ROLES

# customer service: the agents and every role above them (and the front desk, an
# agent of the complaint register)
CS = "agent supervisor cs_manager pmc quality frontdesk"
# the work order's technician is the matrix handler; the guard, a handler too, is
# nobody's technician: they see no order
MATRIX = {
    "work order": ("property.work.order", same_for("rwc", CS, handler="rw")),
    "work order (other site)": (
        "property.work.order",
        {"pmc": "rwc", "quality": "rwc"},
    ),
    "work order (other company)": ("property.work.order", {}),
    "work order line": (
        "property.work.order.line",
        same_for("rwcu", CS, handler="rwcu"),
    ),
    "work order line (other site)": (
        "property.work.order.line",
        {"pmc": "rwcu", "quality": "rwcu"},
    ),
    "paid services statistics": (
        "property.work.order.statistics",
        same_for("r", "supervisor cs_manager pmc quality"),
    ),
    "paid services statistics (other site)": (
        "property.work.order.statistics",
        {"pmc": "r", "quality": "r"},
    ),
    # the price list of the company's services: kept by the service-centre manager
    "price list": (
        "product.pricelist",
        same_for(
            "r", CS + " handler guard trainer employee site_admin", cs_manager="rwc"
        ),
    ),
}


@tagged("post_install", "-at_install")
class TestWorkOrderAccessMatrix(AccessMatrixMixin, PropertyCase):
    ROLES = ROLES
    MATRIX = MATRIX

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site_b = cls._matrix_other_site()
        cls.site_c = cls._matrix_other_company_site()
        cls._matrix_setup()

    @classmethod
    def _demand(cls, site):
        with freeze_time("2025-03-03 02:00:00"):
            return cls.env["property.complaint"].create(
                {
                    "site_id": site.id,
                    "kind": "demand",
                    "demand_type": "special_service",
                    "summary": "Replace the kitchen water pipe",
                    "channel_id": cls.env.ref("property_complaint.channel_phone").id,
                    "complainant_name": "Mr Zhang",
                    "date_received": "2025-03-03 02:00:00",
                }
            )

    @classmethod
    def _matrix_record(cls, row):
        if "orders" not in cls.__dict__:
            product = cls.env["product.product"].create(
                {"name": "Pipe repair (labour)", "type": "service", "list_price": 100}
            )
            cls.pricelist = cls.env["product.pricelist"].create(
                {"name": "Service prices", "company_id": cls.company.id}
            )
            cls.orders = {}
            for key, site in (
                ("", cls.site),
                (" (other site)", cls.site_b),
                (" (other company)", cls.site_c),
            ):
                cls.orders[key] = (
                    cls.env["property.work.order"]
                    .with_company(site.company_id)
                    .create(
                        {
                            "complaint_id": cls._demand(site).id,
                            "technician_id": cls.matrix_users["handler"].id,
                            "line_ids": [
                                (0, 0, {"product_id": product.id, "quantity": 1})
                            ],
                        }
                    )
                    .with_env(cls.env)
                )
        model, _allowed = cls.MATRIX[row]
        key = row[row.find(" (") :] if " (" in row else ""
        if model == "property.work.order":
            return cls.orders[key]
        if model == "property.work.order.line":
            return cls.orders[key].line_ids
        if model == "property.work.order.statistics":
            return cls.env[model].browse(cls.orders[key].id)
        if model == "product.pricelist":
            return cls.pricelist
        return cls.env[model]
