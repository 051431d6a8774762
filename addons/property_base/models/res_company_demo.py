from odoo import models

# The demo company of `make run` (scripts/demo_setup.py): a Chinese property company.
DEMO_COMPANY_NAME = "深圳阳光物业服务有限公司"


class ResCompany(models.Model):
    _inherit = "res.company"

    def _property_demo_setup(self):
        """Make this company look like a Chinese property company: its name, the
        yuan, China. Each addon adds its own part (departments, tenants, attendances);
        run once on the demo database by scripts/demo_setup.py, never by the product."""
        self.ensure_one()
        company = self.sudo()
        cny = self.env.ref("base.CNY").sudo()
        if not cny.active:
            cny.active = True
        vals = {"currency_id": cny.id, "country_id": self.env.ref("base.cn").id}
        if (
            not self.env["res.company"]
            .sudo()
            .search_count([("name", "=", DEMO_COMPANY_NAME), ("id", "!=", company.id)])
        ):
            vals["name"] = DEMO_COMPANY_NAME
        company.write(vals)
        return True
