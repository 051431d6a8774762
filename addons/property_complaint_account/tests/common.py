from odoo import Command
from odoo.tests import TransactionCase

from odoo.addons.property_portal.tests.common import PortalCase


class ChinaCompanyCase(TransactionCase):
    """The test company keeps its books with the Chinese chart of accounts (l10n_cn,
    CNY): the database's company when it has that chart, else a new Chinese company
    on which it is loaded, as Odoo's own tests do (AccountTestInvoicingCommon). It
    becomes the environment's company before the suite's fixtures are built on it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        if company.chart_template != "cn":
            cny = cls.env.ref("base.CNY")
            cny.active = True
            company = cls.env["res.company"].create(
                {
                    "name": "Test Property Services (CN)",
                    "country_id": cls.env.ref("base.cn").id,
                    "currency_id": cny.id,
                }
            )
            cls.env["account.chart.template"].try_loading(
                "cn", company=company, install_demo=False
            )
            cls.env.user.company_ids = [Command.link(company.id)]
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[company.id])
        )


class WorkOrderCase(PortalCase, ChinaCompanyCase):
    """The suite's portal fixtures (two households with portal residents, the
    customer service, a technician) on a company with the Chinese chart, its services
    and materials and their price list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sale_tax = cls.company.account_sale_tax_id
        Product = cls.env["product.product"]
        cls.labour = Product.create(
            {"name": "Pipe repair (labour, hour)", "type": "service", "list_price": 100}
        )
        cls.pipe = Product.create(
            {"name": "Water pipe (1 m)", "type": "consu", "list_price": 20}
        )
        cls.pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Service prices 2025",
                "currency_id": cls.company.currency_id.id,
                "company_id": cls.company.id,
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.labour.id,
                            "compute_price": "fixed",
                            "fixed_price": 80,
                        }
                    )
                ],
            }
        )
        cls.technician = cls.handler

    def _demand(self, user=None, unit=None, partner=None, **vals):
        """A paid special service asked by the household of ``unit`` (A's)."""
        unit = unit or self.unit_a
        return self._new_complaint(
            user=user,
            kind="demand",
            demand_type="special_service",
            summary="Replace the kitchen water pipe",
            unit_id=unit.id,
            partner_id=(partner or unit.owner_id or unit.occupant_ids[:1]).id,
            **vals,
        )

    def _order_vals(self, complaint, **vals):
        return dict(
            {
                "complaint_id": complaint.id,
                "technician_id": self.technician.id,
                "pricelist_id": self.pricelist.id,
                "line_ids": [
                    Command.create({"product_id": self.labour.id, "quantity": 2}),
                    Command.create({"product_id": self.pipe.id, "quantity": 3}),
                ],
            },
            **vals,
        )

    def _done_order(self, complaint=None):
        """A work order done by the technician (ORM, as the users); the record in
        the test's environment."""
        order = (
            self.env["property.work.order"]
            .with_user(self.agent)
            .create(self._order_vals(complaint or self._demand()))
        )
        order = order.with_user(self.technician)
        order.action_accept()
        order.action_on_site()
        order.action_done()
        return order.with_env(self.env)

    def _invoiced_order(self, complaint=None):
        """A work order confirmed and invoiced by the customer service (a draft
        invoice)."""
        order = self._done_order(complaint)
        order.with_user(self.agent).action_confirm_resident()
        order.with_user(self.agent).action_create_invoice()
        return order
