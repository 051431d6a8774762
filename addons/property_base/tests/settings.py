"""Helpers of the settings tests: a second company with its own site, the suite's
Settings written over JSON-RPC as the logged-in user, and the upgrade from the
ir.config_parameter settings of the earlier versions (see
property_base/tools/settings_migration.py)."""

from odoo import Command

from odoo.addons.property_base.tools.settings_migration import params_to_company


class SettingsCaseMixin:
    """Beside ``RpcMixin`` and a case built on ``PropertyCase``."""

    @classmethod
    def _settings_company(cls, name, code):
        """A company of its own with a site on the test calendar: (company, site)."""
        company = cls.env["res.company"].create({"name": name})
        site = cls.env["property.site"].create(
            {
                "name": f"{name} Site",
                "code": code,
                "company_id": company.id,
                "calendar_id": cls.calendar.id,
            }
        )
        return company, site

    @classmethod
    def _settings_user(cls, login, groups, companies, sites=()):
        """A user of ``groups`` in ``companies`` (the first one current), member of
        ``sites``."""
        user = cls._create_user(login, *groups, company=companies[:1])
        user.company_ids = [Command.set(companies.ids)]
        for site in sites:
            site.user_ids = [Command.link(user.id)]
        return user

    def _rpc_settings(self, company, **values):
        """The Settings of ``company`` saved by the logged-in user, as the form does."""
        return self.rpc(
            "property.settings",
            "create",
            dict(values, company_id=company.id),
            context={"allowed_company_ids": self._rpc_user.company_ids.ids},
        )

    def _assertSettingsRefused(self, company, **values):
        """Saving ``values`` for ``company`` is refused in Chinese, nothing written."""
        before = company.read(list(values))[0]
        error = self.assertRpcRefused(
            "property.settings",
            "create",
            dict(values, company_id=company.id),
            context={"allowed_company_ids": self._rpc_user.company_ids.ids},
        )
        self.env.invalidate_all()
        self.assertEqual(company.read(list(values))[0], before)
        return error

    def _assertUpgradeMoves(self, addon, params, expected):
        """The upgrade of ``addon``: parameters set as the earlier versions did are
        copied to every company (``expected`` field values) and deleted."""
        companies = self.env["res.company"].search([])
        self.assertGreater(len(companies), 1)
        Param = self.env["ir.config_parameter"].sudo()
        for key, value in params.items():
            Param.set_param(key, value)
        params_to_company(self.env, addon)
        self.env.invalidate_all()
        for company in companies:
            for name, value in expected.items():
                self.assertEqual(company[name], value, f"{company.name}: {name}")
        self.assertFalse(Param.search([("key", "in", list(params))]))
