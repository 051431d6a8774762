"""Issue #20, China SMS: the provider's credentials are readable and writable by Odoo
administrators only; the property managers set the night hours."""

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import SECRET_KEY, SmsCnCase

CREDENTIALS = [
    "property_sms_provider",
    "property_sms_tencent_secret_id",
    "property_sms_tencent_secret_key",
    "property_sms_tencent_app_id",
    "property_sms_tencent_sign_name",
    "property_sms_tencent_endpoint",
]


@tagged("post_install", "-at_install")
class TestSmsSettingsRpc(RpcMixin, HttpCase, SmsCnCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_sms_cn")
        cls.admin = cls._create_user(
            "t_sms_admin", cls.group_manager, cls.env.ref("base.group_system")
        )
        # the customer-service roles of the complaints addon where it is installed
        # (this addon does not depend on it): agent, supervisor, service-centre manager
        cls.staff = cls.agent | cls.manager
        for xmlid in (
            "property_complaint.group_complaint_agent",
            "property_complaint.group_complaint_supervisor",
            "property_complaint.group_complaint_manager",
        ):
            group = cls.env.ref(xmlid, raise_if_not_found=False)
            if group:
                login = "t_sms_cs_" + xmlid.rsplit("_", 1)[1]
                cls.staff |= cls._create_user(login, cls.group_user, group)

    def _settings_vals(self, **values):
        return dict(values, company_id=self.company.id)

    def _assertSettingsRefused(self, **values):
        before = self.company.read(list(values))[0]
        self.assertRpcRefused(
            "property.settings", "create", self._settings_vals(**values)
        )
        self.env.invalidate_all()
        self.assertEqual(self.company.read(list(values))[0], before)

    def test_n20_credentials_hidden_from_staff(self):
        """Refused first: customer-service users (agent, supervisor, service-centre
        manager) and a property manager read none of the credentials (company or
        Settings) and write none; nothing revealed, nothing written."""
        self.assertGreaterEqual(len(self.staff), 2)
        for user in self.staff:
            self.rpc_as(user)
            for field in CREDENTIALS:
                with self.subTest(user=user.login, field=field):
                    error = self.assertRpcRefused(
                        "res.company", "read", [self.company.id], [field]
                    )
                    self.assertNotIn(SECRET_KEY, error.message)
            fields = self.rpc("res.company", "fields_get", [], ["string"])
            self.assertFalse(set(CREDENTIALS) & set(fields))
            settings_fields = self.rpc("property.settings", "fields_get", [], [])
            self.assertFalse(set(CREDENTIALS) & set(settings_fields))
            self.assertRpcRefused(
                "property.settings",
                "create",
                self._settings_vals(property_sms_tencent_secret_key="stolen"),
            )
            self.assertRpcRefused(
                "res.company",
                "write",
                [self.company.id],
                {"property_sms_tencent_secret_key": "stolen"},
            )
        self.env.invalidate_all()
        self.assertEqual(
            self.company.sudo().property_sms_tencent_secret_key, SECRET_KEY
        )

    def test_n20_credentials_administrator(self):
        """An administrator reads and changes them in the suite's Settings."""
        self.rpc_as(self.admin)
        self.rpc(
            "property.settings",
            "create",
            self._settings_vals(
                property_sms_tencent_secret_key="new-key",
                property_sms_tencent_sign_name="新签名",
            ),
        )
        values = self.rpc(
            "res.company",
            "read",
            [self.company.id],
            ["property_sms_tencent_secret_key", "property_sms_tencent_sign_name"],
        )[0]
        self.assertEqual(values["property_sms_tencent_secret_key"], "new-key")
        self.assertEqual(values["property_sms_tencent_sign_name"], "新签名")

    def test_n20_night_hours_by_manager(self):
        """Refused first: a time that is not a time of day, nothing written. A
        property manager changes the night hours without administration rights; the
        Settings form shows them the night hours, not the provider."""
        self.rpc_as(self.manager)
        self._assertSettingsRefused(property_sms_night_start=25.0)
        views = self.rpc("property.settings", "get_views", [[False, "form"]])
        arch = views["views"]["form"]["arch"]
        self.assertIn('name="property_sms_night_start"', arch)
        self.assertNotIn("property_sms_tencent", arch)
        self.rpc(
            "property.settings",
            "create",
            self._settings_vals(
                property_sms_night_start=22.0, property_sms_night_end=7.5
            ),
        )
        self.env.invalidate_all()
        self.assertEqual(self.company.property_sms_night_start, 22.0)
        self.assertEqual(self.company.property_sms_night_end, 7.5)

    def test_n20_provider_templates_administrators_only(self):
        """Refused first: the staff reads no provider template; an administrator
        reads them, under Settings > Technical > Phone / SMS."""
        self.rpc_as(self.agent)
        self.assertRpcRefused(
            "property.sms.provider.template",
            "search_read",
            [("id", "=", self.mapping.id)],
            ["provider_template_code"],
        )
        self.rpc_as(self.admin)
        mappings = self.rpc(
            "property.sms.provider.template",
            "search_read",
            [("id", "=", self.mapping.id)],
            ["provider_template_code", "param_ids"],
        )
        self.assertEqual(mappings[0]["provider_template_code"], "2000001")
        self.assertEqual(len(mappings[0]["param_ids"]), 2)
        menu = self.env.ref("property_sms_cn.menu_property_sms_provider_template")
        self.assertEqual(
            menu.parent_id, self.env.ref("phone_validation.phone_menu_main")
        )
