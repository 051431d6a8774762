import base64

from odoo import Command

from odoo.addons.property_visitor.tests.common import VisitorCase

PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
)


class VisitorAccountCase(VisitorCase):
    """A property company keeping its books in Odoo with the Chinese chart (l10n_cn),
    in CNY, with its own site, unit, tenant and desk: the front desk without any right
    in Accounting, a front desk Accounting lets post invoices, a guard."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        # no currency given: the Chinese chart makes the company's books in CNY
        cls.cn_company = cls.env["res.company"].create(
            {"name": "Test CN Property Services", "country_id": ref("base.cn").id}
        )
        cls.env.user.company_ids |= cls.cn_company
        cls.env["account.chart.template"].try_loading(
            "cn", company=cls.cn_company, install_demo=False
        )
        company = cls.cn_company
        cls.cn_calendar = cls.calendar.copy(
            {"name": "Test CN hours", "company_id": company.id}
        )
        cls.group_invoice = ref("account.group_account_invoice")
        cls.cn_frontdesk = cls._create_user(
            "t_cn_frontdesk", cls.group_frontdesk, company=company
        )
        cls.cn_frontdesk_acc = cls._create_user(
            "t_cn_frontdesk_acc",
            cls.group_frontdesk,
            cls.group_invoice,
            company=company,
        )
        cls.cn_guard = cls._create_user("t_cn_guard", cls.group_guard, company=company)
        cls.cn_supervisor = cls._create_user(
            "t_cn_supervisor", cls.group_supervisor, company=company
        )
        cls.cn_site_manager = cls._create_user(
            "t_cn_site_manager", cls.group_user, company=company
        )
        cls.cn_site = cls.env["property.site"].create(
            {
                "name": "Test CN Site",
                "code": "TCN",
                "company_id": company.id,
                "calendar_id": cls.cn_calendar.id,
                "manager_id": cls.cn_site_manager.id,
                "user_ids": [
                    Command.set(
                        (
                            cls.cn_frontdesk
                            | cls.cn_frontdesk_acc
                            | cls.cn_guard
                            | cls.cn_supervisor
                        ).ids
                    )
                ],
            }
        )
        cls.cn_building = cls.env["property.building"].create(
            {"name": "CN Building 1", "code": "C1", "site_id": cls.cn_site.id}
        )
        cls.cn_owner = cls.env["res.partner"].create({"name": "Test CN Owner"})
        cls.cn_unit = cls.env["property.unit"].create(
            {
                "building_id": cls.cn_building.id,
                "floor": 12,
                "number": "1203",
                "owner_id": cls.cn_owner.id,
            }
        )
        cls.cn_tenant = cls.env["res.partner"].create(
            {
                "name": "Test CN Tenant Co.",
                "is_company": True,
                "property_seal_image": PNG,
            }
        )
        cls.cn_unit.occupant_ids = [Command.link(cls.cn_tenant.id)]
        company.write(
            {
                "property_visitor_temp_pass_fee": 10.0,
                "property_visitor_temp_pass_deposit": 50.0,
            }
        )

    def _cn_pass_vals(self, **kwargs):
        vals = {
            "site_id": self.cn_site.id,
            "holder_name": "Li Gong",
            "holder_category": "decoration",
            "sponsor_unit_id": self.cn_unit.id,
            "sponsor_partner_id": self.cn_tenant.id,
            "date_from": "2025-03-03",
        }
        vals.update(kwargs)
        return vals
