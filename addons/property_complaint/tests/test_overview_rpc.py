"""Issue #19: the supervisors' and managers' overview, one card per site — late, due
today, escalated, suspensions and reviews waiting, callbacks due — counted under the
reader's own access and each number opening its list, over JSON-RPC."""

from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase

# Thursday 10:00 in Shanghai
NOW = "2025-03-20 02:00:00"
NUMBERS = ("late", "due_today", "escalated", "suspension", "review", "callback")
FIELDS = [f"overview_{key}_count" for key in NUMBERS]


@tagged("post_install", "-at_install")
class TestOverviewRpc(RpcMixin, HttpCase, ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        # one complaint for each number on the test site
        cls.late = cls._new_complaint(cls, summary="Late")  # received 2025-03-03
        # received ten minutes ago: the contact is due within the hour (C08)
        cls.due_today = cls._new_complaint(
            cls, summary="Due today", date_received="2025-03-20 01:50:00"
        )
        cls.escalated = cls._new_complaint(cls, summary="Escalated")
        cls.escalated.sudo()._write_action(
            {"is_escalated": True, "date_escalated": "2025-03-10"}
        )
        cls.suspended = cls._new_complaint(cls, summary="Suspension asked")
        cls.env["property.complaint.suspension"].create(
            {
                "complaint_id": cls.suspended.id,
                "cause": "purchase",
                "amount": 8000,
                "reason": "A new pump",
                "state": "to_approve",
            }
        )
        cls.reviewed = cls._new_complaint(cls, summary="Review waiting")
        cls.env["property.complaint.review"].create(
            {"complaint_id": cls.reviewed.id, "solution": "Replace the riser"}
        )
        cls.called = cls._new_complaint(cls, summary="Callback due")
        cls.env["property.complaint.callback"].create(
            {"complaint_id": cls.called.id, "state": "todo", "date_due": "2025-03-19"}
        )
        # another site of the company the supervisor does not supervise, and another
        # company's site and supervisor, each with a late complaint
        cls.site_other = cls.env["property.site"].create(
            {"name": "Other Site", "code": "OS", "calendar_id": cls.calendar.id}
        )
        with freeze_time("2025-03-03 02:00:00"):
            cls.other_late = cls.env["property.complaint"].create(
                cls._complaint_vals(site_id=cls.site_other.id, unit_id=False)
            )
        company_b = cls.env["res.company"].create({"name": "Other Property Co."})
        cls.supervisor_b = cls._create_user(
            "t_supervisor_b", cls.group_supervisor, company=company_b
        )
        cls.site_b = cls.env["property.site"].create(
            {
                "name": "Company B Site",
                "code": "CB",
                "company_id": company_b.id,
                "calendar_id": cls.calendar.id,
                "supervisor_ids": [Command.link(cls.supervisor_b.id)],
            }
        )
        with freeze_time("2025-03-03 02:00:00"):
            cls.late_b = cls.env["property.complaint"].create(
                cls._complaint_vals(site_id=cls.site_b.id, unit_id=False)
            )

    def _cards(self):
        """The overview's cards as the web client reads them: {site id: numbers}."""
        action = self.rpc_raw(
            "/web/action/load",
            {
                "action_id": self.env.ref(
                    "property_complaint.property_complaint_action_overview"
                ).id
            },
        )["result"]
        self.assertEqual(action["res_model"], "property.site")
        self.assertEqual(action["view_mode"], "kanban")
        records = self.rpc(
            "property.site", "web_search_read", [], {f: {} for f in FIELDS}
        )
        return {rec["id"]: [rec[f] for f in FIELDS] for rec in records["records"]}

    @freeze_time(NOW)
    def test_overview_01_refused_to_the_agent_hidden_from_other_sites_and_companies(
        self,
    ):
        # the agent: no numbers, no list behind them
        self.rpc_as(self.agent)
        self.assertRpcRefused("property.site", "read", self.site.ids, FIELDS)
        self.assertRpcRefused(
            "property.site",
            "action_open_complaint_overview",
            self.site.ids,
            context={"overview": "late"},
        )
        # the other company's supervisor sees only its own site, and nothing of ours
        self.rpc_as(self.supervisor_b)
        self.assertEqual(self._cards(), {self.site_b.id: [1, 0, 0, 0, 0, 0]})
        self.assertRpcRefused("property.site", "read", self.site.ids, FIELDS)
        self.assertRpcRefused(
            "property.site",
            "action_open_complaint_overview",
            self.site.ids,
            context={"overview": "late"},
        )

    @freeze_time(NOW)
    def test_overview_02_supervisor_and_manager_numbers_open_their_lists(self):
        expected = {
            "late": self.late,
            "due_today": self.due_today,
            "escalated": self.escalated,
            "suspension": self.suspended,
            "review": self.reviewed.review_ids,
            "callback": self.called.callback_ids,
        }
        for user in (self.supervisor, self.cs_manager):
            with self.subTest(user=user.login):
                self.rpc_as(user)
                cards = self._cards()
                # only the sites the user works on: not the other site, not company B's
                self.assertNotIn(self.site_other.id, cards)
                self.assertNotIn(self.site_b.id, cards)
                numbers = dict(zip(NUMBERS, cards[self.site.id], strict=True))
                for key, records in expected.items():
                    action = self.rpc(
                        "property.site",
                        "action_open_complaint_overview",
                        self.site.ids,
                        context={"overview": key},
                    )
                    found = self.rpc(action["res_model"], "search", action["domain"])
                    if key == "late":
                        # every complaint unanswered for an hour is late, ours among
                        # them
                        self.assertIn(records.id, found)
                        self.assertNotIn(self.due_today.id, found)
                    else:
                        self.assertEqual(found, records.ids, key)
                    self.assertEqual(numbers[key], len(found), key)


@tagged("post_install", "-at_install")
class TestMonthPrintRpc(RpcMixin, HttpCase, ComplaintCase):
    """C20, C21, C26: the monthly report and the register of a chosen month, printed
    from the Reporting menu."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        cls.march = cls._new_complaint(cls, summary="March leak")
        cls.april = cls._new_complaint(
            cls, summary="April leak", date_received="2025-04-02 02:00:00"
        )

    def _wizard(self):
        return self.rpc(
            "property.complaint.month.print",
            "create",
            [{"site_id": self.site.id, "year": 2025, "month": "3"}],
        )

    @freeze_time("2025-04-10 02:00:00")
    def test_c26_month_print_refused_to_the_agent(self):
        Wizard = self.env["property.complaint.month.print"]
        before = Wizard.search_count([])
        self.rpc_as(self.agent)
        self.assertRpcRefused(
            "property.complaint.month.print",
            "create",
            [{"site_id": self.site.id, "year": 2025, "month": "3"}],
        )
        self.assertEqual(Wizard.search_count([]), before)

    @freeze_time("2025-04-10 02:00:00")
    def test_c26_month_print_monthly_report_and_register_of_the_month(self):
        self.rpc_as(self.supervisor)
        # the default month is the previous one (the report is due early in the next)
        defaults = self.rpc(
            "property.complaint.month.print", "default_get", ["year", "month"]
        )
        self.assertEqual((defaults["year"], defaults["month"]), (2025, "3"))
        wizard_id = self._wizard()
        monthly = self.rpc(
            "property.complaint.month.print", "action_print_monthly", wizard_id
        )
        self.assertEqual(
            monthly["report_name"], "property_complaint.report_complaint_monthly"
        )
        self.assertEqual(monthly["data"]["month"], "2025-03-01")
        self.assertEqual(monthly["context"]["active_ids"], self.site.ids)
        register = self.rpc(
            "property.complaint.month.print", "action_print_register", wizard_id
        )
        self.assertEqual(
            register["report_name"], "property_complaint.report_complaint_register"
        )
        self.assertEqual(
            (register["data"]["date_from"], register["data"]["date_to"]),
            ("2025-03-01", "2025-03-31"),
        )
        # the register of March lists the March complaint, not April's
        self.assertIn(self.march.id, register["context"]["active_ids"])
        self.assertNotIn(self.april.id, register["context"]["active_ids"])
        # the menu is under Reporting
        menus = self.rpc("ir.ui.menu", "load_menus", False)
        xmlids = {menu["xmlid"] for key, menu in menus.items() if key != "root"}
        self.assertIn("property_complaint.menu_property_complaint_month_print", xmlids)
