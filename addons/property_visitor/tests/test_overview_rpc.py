"""Issue #19: the visitor numbers of the supervisors' and managers' overview — visitors
on site and passes expiring — read under the reader's access, each opening its list,
over JSON-RPC."""

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import VisitorCase

# Monday 10:00 in Shanghai
NOW = "2025-03-03 02:00:00"
FIELDS = ["visitor_on_site_people", "pass_expiring_count"]


@tagged("post_install", "-at_install")
class TestVisitorOverviewRpc(RpcMixin, HttpCase, VisitorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor")
        cls.site.company_id.write(
            {
                "property_visitor_night_start_hour": 0,
                "property_visitor_night_end_hour": 0,
            }
        )
        with freeze_time(NOW):
            Pass = cls.env["property.pass"].with_user(cls.frontdesk)
            cls.expiring = Pass.create(
                {
                    "site_id": cls.site.id,
                    "holder_name": "Expiring Holder",
                    "date_from": "2025-03-01",
                    "date_to": "2025-03-05",
                }
            )
            cls.later = Pass.create(
                {
                    "site_id": cls.site.id,
                    "holder_name": "Later Holder",
                    "date_from": "2025-03-03",
                    "date_to": "2025-03-20",
                }
            )
            (cls.expiring | cls.later).action_activate()
            visit = (
                cls.env["property.visit"]
                .with_user(cls.frontdesk)
                .create(cls._visit_vals(cls, people_count=3))
            )
            visit.action_walk_in_check_in()

    @freeze_time(NOW)
    def test_overview_visitor_numbers_refused_to_the_front_desk(self):
        self.rpc_as(self.frontdesk)
        self.assertRpcRefused(
            "property.site", "read", self.site.ids, ["pass_expiring_count"]
        )

    @freeze_time(NOW)
    def test_overview_visitor_numbers_open_their_lists(self):
        for user in (self.supervisor, self.security):
            with self.subTest(user=user.login):
                self.rpc_as(user)
                numbers = self.rpc("property.site", "read", self.site.ids, FIELDS)[0]
                self.assertEqual(numbers["visitor_on_site_people"], 3)
                self.assertEqual(numbers["pass_expiring_count"], 1)
                action = self.rpc(
                    "property.site", "action_view_passes_expiring", self.site.ids
                )
                found = self.rpc("property.pass", "search", action["domain"])
                self.assertEqual(found, self.expiring.ids)
                action = self.rpc(
                    "property.site", "action_view_visitors_on_site", self.site.ids
                )
                found = self.rpc("property.visit", "search_count", action["domain"])
                self.assertEqual(found, 1)
