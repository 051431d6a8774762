"""Links without login (property_base's ``property.signed.link.mixin``) on the
complaint: ``/p/<token>`` opens the page of that one complaint; an altered, expired,
revoked or wrong-purpose link opens one plain page that says so and shows nothing
else (issue #20)."""

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged
from odoo.tools.misc import hash_sign

from odoo.addons.property_base.models.property_signed_link_mixin import (
    SIGNED_LINK_SCOPE,
    _key_digest,
)
from odoo.addons.property_base.tests.rpc import RpcMixin
from odoo.addons.property_base.tests.settings import SettingsCaseMixin

from .common import ComplaintCase

INVALID_ZH = "链接无效或已过期"


@tagged("post_install", "-at_install")
class TestSignedLink(SettingsCaseMixin, RpcMixin, HttpCase, ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        cls.outsider = cls._create_user(
            "t_link_outsider", cls.env.ref("property_base.group_property_user")
        )
        cls.site.user_ids = [(4, cls.outsider.id)]

    def _path(self, url):
        """The path of an absolute link of this database."""
        base = self.env["property.complaint"].get_base_url()
        self.assertTrue(url.startswith(f"{base}/p/"), url)
        return url[len(base) :]

    def _open(self, path):
        self.url_open("/web/session/logout")
        return self.url_open(path, allow_redirects=False)

    def _assertInvalidPage(self, response, complaint):
        """The one page of a link that opens nothing: it says so, nothing else."""
        self.assertEqual(response.status_code, 404)
        body = response.text
        self.assertIn(INVALID_ZH, body)
        for secret in (
            complaint.name,
            complaint.summary,
            complaint.complainant_name,
            complaint.partner_phone,
            self.site.name,
        ):
            self.assertNotIn(secret, body)
        self.assertNotIn("o_property_complaint_link", body)

    @freeze_time("2025-03-04 02:00:00")
    def test_link_altered_expired_revoked_wrong_purpose_show_nothing(self):
        complaint = self._new_complaint(summary="Lift stuck on floor 9")
        path = self._path(complaint._signed_link_url("complaint"))
        token = path[len("/p/") :]
        # altered: a character of the signature or of the payload changed
        for i in (5, 20, len(token) - 3):
            altered = token[:i] + ("A" if token[i] != "A" else "B") + token[i + 1 :]
            with self.subTest(altered=i):
                self._assertInvalidPage(self._open(f"/p/{altered}"), complaint)
        # not a token at all
        for junk in ("x", "AQ", "%00", "a" * 300):
            with self.subTest(junk=junk):
                self._assertInvalidPage(self._open(f"/p/{junk}"), complaint)
        # wrong purpose: signed with the database secret for a purpose that is not
        # the complaint's page
        env = self.env(su=True)
        digest = _key_digest(complaint.sudo().signed_link_key)
        for purpose in ("visit_host", "Complaint", ""):
            forged = hash_sign(
                env,
                SIGNED_LINK_SCOPE,
                [purpose, complaint.id, digest],
                expiration_hours=1,
            )
            with self.subTest(purpose=purpose):
                self._assertInvalidPage(self._open(f"/p/{forged}"), complaint)
                self.assertFalse(
                    self.env["property.signed.link.mixin"]._signed_link_resolve(
                        forged, "complaint"
                    )
                )
        # another scope (another signed token of Odoo) is no link
        other = hash_sign(env, "mail.message", ["complaint", complaint.id, digest])
        self._assertInvalidPage(self._open(f"/p/{other}"), complaint)
        # the link itself opens the complaint's page, and only for its purpose
        Link = self.env["property.signed.link.mixin"]
        self.assertEqual(Link._signed_link_resolve(token, "complaint"), complaint)
        self.assertFalse(Link._signed_link_resolve(token, "visit_host"))
        response = self._open(path)
        self.assertEqual(response.status_code, 200)
        self.assertIn(complaint.name, response.text)
        self.assertNotIn(INVALID_ZH, response.text)
        # revoked: refused first to a user who may not change the complaint
        key = complaint.sudo().signed_link_key
        self.rpc_as(self.outsider)
        self.assertRpcRefused(
            "property.complaint", "action_revoke_signed_links", [complaint.id]
        )
        self.assertEqual(complaint.sudo().signed_link_key, key)
        self.assertEqual(self._open(path).status_code, 200)
        self.rpc_as(self.supervisor)
        self.rpc("property.complaint", "action_revoke_signed_links", [complaint.id])
        self.assertNotEqual(complaint.sudo().signed_link_key, key)
        self._assertInvalidPage(self._open(path), complaint)
        self.assertFalse(Link._signed_link_resolve(token, "complaint"))
        # a new link works again
        new_path = self._path(complaint._signed_link_url("complaint"))
        self.assertEqual(self._open(new_path).status_code, 200)

    def test_link_expires_after_the_company_setting(self):
        with freeze_time("2025-03-04 02:00:00"):
            complaint = self._new_complaint()
            week = self._path(complaint._signed_link_url("complaint"))
            self.env.company.property_signed_link_hours = 2
            two_hours = self._path(complaint._signed_link_url("complaint"))
        with freeze_time("2025-03-04 03:59:00"):
            self.assertEqual(self._open(two_hours).status_code, 200)
        with freeze_time("2025-03-04 04:01:00"):
            self._assertInvalidPage(self._open(two_hours), complaint)
            self.assertEqual(self._open(week).status_code, 200)
        # default 168 hours (7 days)
        with freeze_time("2025-03-11 01:59:00"):
            self.assertEqual(self._open(week).status_code, 200)
        with freeze_time("2025-03-11 02:01:00"):
            self._assertInvalidPage(self._open(week), complaint)

    def test_link_key_read_by_no_user(self):
        complaint = self._new_complaint()
        self.rpc_as(self.supervisor)
        self.assertRpcRefused(
            "property.complaint", "read", [complaint.id], ["signed_link_key"]
        )
        self.assertTrue(complaint.sudo().signed_link_key)
        self.assertNotIn(
            "signed_link_key",
            self.rpc("property.complaint", "fields_get", [], ["type"]),
        )

    def test_link_hours_are_a_setting_of_the_property_administrator(self):
        """The hours a link is valid are a setting of the company, changed by the
        administrator of the sites (no Odoo administration rights), not by the
        service-centre manager."""
        admin = self._settings_user(
            "t_link_admin",
            [self.env.ref("property_base.group_property_manager")],
            self.company,
        )
        self.assertFalse(admin.has_group("base.group_system"))
        self.rpc_as(self.cs_manager)
        self._assertSettingsRefused(self.company, property_signed_link_hours=2)
        self.assertEqual(self.company.property_signed_link_hours, 168)
        self.rpc_as(admin)
        for hours in (0, -5, 100000):
            with self.subTest(hours=hours):
                self._assertSettingsRefused(
                    self.company, property_signed_link_hours=hours
                )
        self._rpc_settings(self.company, property_signed_link_hours=48)
        self.assertEqual(self.company.property_signed_link_hours, 48)
