from odoo.tests import tagged

from odoo.addons.property_base.tests.access_matrix import NothingLostMixin

from .common import VisitorCase


@tagged("post_install", "-at_install")
class TestNothingLost(NothingLostMixin, VisitorCase):
    """The gate log (every scan, whatever its result) is kept: no role may delete a
    line, even the superuser is refused; deleting a pass keeps its scans."""

    def test_gate_log_never_deleted(self):
        pass_ = self.env["property.pass"].create(
            {
                "site_id": self.site.id,
                "holder_name": "Li Gong",
                "holder_category": "decoration",
                "date_from": "2025-03-03",
            }
        )
        log = self.env["property.gate.log"].create(
            {"site_id": self.site.id, "result": "invalid", "pass_id": pass_.id}
        )
        users = (
            self.frontdesk
            | self.supervisor
            | self.guard
            | self.security
            | self.env.ref("base.user_admin")
        )
        self._assert_never_deleted(log, users)
        pass_.unlink()
        self.assertTrue(log.exists())
        self.assertFalse(log.pass_id)
