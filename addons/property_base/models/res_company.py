from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

# The demo company of `make run` (scripts/demo_setup.py): a Chinese property company.
DEMO_COMPANY_NAME = "深圳阳光物业服务有限公司"
# The demo's administrator (Odoo's demo calls it Mitchell Admin): a Chinese name on the
# Chinese screens; a name the company gave it is kept.
ODOO_DEMO_ADMIN_NAMES = ("Mitchell Admin", "Administrator")
DEMO_ADMIN_NAME = "陈志强"


class ResCompany(models.Model):
    _inherit = "res.company"

    # the links without login of the messages (property.signed.link.mixin)
    property_signed_link_hours = fields.Integer(
        string="Links Valid For (Hours)",
        default=168,
        help="Hours a link sent by SMS or e-mail opens its page (168: 7 days).",
    )

    @api.constrains("property_signed_link_hours")
    def _check_property_signed_link_hours(self):
        if any(not 1 <= company.property_signed_link_hours <= 8760 for company in self):
            raise ValidationError(
                self.env._("Links are valid from 1 hour to 8,760 hours (a year).")
            )

    # ------------------------------------------------------------------
    # The rule numbers, read once
    # ------------------------------------------------------------------
    def _setup_fields(self):
        """The suite's fields of the company (``property_*``) in a prefetch group of
        their own: read through ``_property_numbers`` or on the settings, they stay
        out of Odoo's many reads of the company (the catchall of each message, the
        currency, ...), which would otherwise fetch them every time."""
        res = super()._setup_fields()
        for name, field in self._fields.items():
            if name.startswith("property_") and field.store and field.prefetch is True:
                field.prefetch = "property"
        return res

    def write(self, vals):
        res = super().write(vals)
        if any(name.startswith("property_") for name in vals):
            # the cached rule numbers (_property_numbers), in every worker
            self.env.registry.clear_cache()
        return res

    def _property_numbers(self):
        """The numbers of the suite's rules that this company keeps: every stored
        ``property_*`` field holding a number, a flag or a choice, as a
        read-only mapping {field name: value}.

        Read once per process and company, and cached until a company changes one
        (``write``): code run for each registered record reads them here, where
        reading the company would fetch its every column in each transaction."""
        self.ensure_one()
        return self._property_numbers_of(self.id)

    @api.model
    @tools.ormcache("company_id")
    def _property_numbers_of(self, company_id):
        names = [
            name
            for name, field in self._fields.items()
            if name.startswith("property_")
            and field.store
            and field.type in ("integer", "float", "boolean", "selection")
        ]
        company = self.browse(company_id).sudo()
        company.fetch(names)
        return tools.frozendict({name: company[name] for name in names})

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
        self._property_demo_admin_name()
        return True

    def _property_demo_admin_name(self):
        """The administrator (user, partner, employee) under a Chinese name, unless the
        company renamed it already."""
        admin = self.env.ref("base.user_admin", raise_if_not_found=False)
        if not admin:
            return
        admin = admin.sudo()
        if admin.name in ODOO_DEMO_ADMIN_NAMES:
            admin.partner_id.name = DEMO_ADMIN_NAME
        if "hr.employee" in self.env:
            employees = (
                self.env["hr.employee"]
                .sudo()
                .with_context(active_test=False)
                .search(
                    [("user_id", "=", admin.id), ("name", "in", ODOO_DEMO_ADMIN_NAMES)]
                )
            )
            employees.write({"name": DEMO_ADMIN_NAME})
