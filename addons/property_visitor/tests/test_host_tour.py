"""Issue #20: the host answers "refuse" from the link of their SMS on a phone (390 px,
no login); the front desk's RPC read of the visit shows it at once (V02)."""

import re

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.phone_tour import PhoneTourMixin
from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import VisitorCase

LINK = re.compile(r"/p/([^\s]+)")


@tagged("post_install", "-at_install")
class TestVisitHostTour(PhoneTourMixin, RpcMixin, HttpCase, VisitorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_visitor")
        cls.tenant.mobile = "+8613912345670"
        # the tour runs at the real time of day: no night-duty window during it
        cls.site.company_id.write(
            {
                "property_visitor_night_start_hour": 0,
                "property_visitor_night_end_hour": 0,
            }
        )

    def test_v02_tour_host_refuses_and_the_desk_reads_it(self):
        self.rpc_as(self.frontdesk)
        visit_id = self.rpc(
            "property.visit",
            "create",
            [self._visit_vals(visitor_name="Tour Guest")],
        )[0]
        sms = (
            self.env["sms.sms"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", "property.visit"),
                    ("mail_message_id.res_id", "=", visit_id),
                ]
            )
        )
        path = "/p/" + LINK.search(sms.body).group(1)
        self.authenticate(None, None)
        self.start_tour(path, "property_visitor_host_refuse_tour")
        # the front desk reads the answer at once
        self.rpc_as(self.frontdesk)
        [read] = self.rpc(
            "property.visit",
            "read",
            [visit_id],
            ["host_answer", "host_answer_note", "state"],
        )
        self.assertEqual(read["host_answer"], "refused")
        self.assertEqual(read["host_answer_note"], "Not expecting anyone")
        self.assertEqual(read["state"], "planned")
        # the answer is the host's: the desk cannot rewrite it
        self.assertRpcRefused(
            "property.visit",
            "write",
            [visit_id],
            {"host_answer": "let_in"},
        )


@tagged("post_install", "-at_install")
class TestVisitDeskHostTour(HttpCase, VisitorCase):
    def test_v02_tour_desk_sees_the_hosts_refusal(self):
        self.frontdesk.password = "t_frontdesk"
        self.tenant.mobile = "+8613912345671"
        visit = (
            self.env["property.visit"]
            .with_user(self.frontdesk)
            .create(self._visit_vals(visitor_name="Desk Tour Guest"))
        )
        # the host's answer from the link (the page's own server call)
        visit.sudo()._host_answer("refused", "Not at home")
        self.start_tour(
            "/odoo/action-property_visitor.property_visit_action",
            "property_visitor_desk_host_answer_tour",
            login="t_frontdesk",
        )
