from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin
from odoo.addons.property_complaint.tests.common import ComplaintCase


@tagged("post_install", "-at_install")
class TestDeductionRulesRpc(RpcMixin, HttpCase, ComplaintCase):
    """K13/K05: what a valid complaint deducts is chosen by the verdict (the staff's
    fault) and the complaint's category, through rules kept by the assessment
    manager; the severe "quarrel with a customer" only when the verdict says so."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang(
            "property_base",
            "property_complaint",
            "property_staff_kpi",
            "property_staff_kpi_complaint",
        )
        ref = cls.env.ref
        cls.item_work_late = ref("property_staff_kpi.item_k03_work_late")
        cls.item_appeal = ref("property_staff_kpi.item_k03_appeal")
        cls.item_quarrel = ref("property_staff_kpi.item_k05_quarrel")
        cls.kpi_manager = cls._create_user(
            "t_kpi_manager", ref("property_staff_kpi.group_kpi_manager")
        )
        cls.Line = cls.env["property.kpi.line"]
        cls.Rule = cls.env["property.kpi.complaint.rule"]

    def _lines(self, complaint):
        return self.Line.search(
            [("source_ref", "=", f"property.complaint,{complaint.id}")]
        )

    def _items(self, complaint):
        return sorted(
            (line.employee_id.name, line.item_id.code)
            for line in self._lines(complaint)
        )

    def _valid_complaint(self, **vals):
        complaint = self._new_complaint(**vals)
        self.rpc_as(self.agent)
        self.rpc(
            "property.complaint",
            "write",
            complaint.ids,
            {
                "validity_reason": "The repair was promised and not done.",
                "staff_at_fault": True,
                "responsible_employee_ids": [Command.set(self.emp_guard.ids)],
            },
        )
        self.rpc("property.complaint", "action_confirm_valid", complaint.ids)
        return complaint

    def test_k13_handler_cannot_change_the_staffs_fault(self):
        complaint = self._valid_complaint()
        before = self._items(complaint)
        self.rpc_as(self.handler)
        self.assertRpcRefused(
            "property.complaint", "write", complaint.ids, {"staff_fault": "quarrel"}
        )
        complaint.invalidate_recordset()
        self.assertEqual(complaint.staff_fault, "not_in_time")
        self.assertEqual(self._items(complaint), before)

    def test_k05_quarrel_only_when_the_verdict_says_so(self):
        complaint = self._valid_complaint()
        # by default: customer-service work not done in time, not the severe item
        self.assertEqual(self._items(complaint), [(self.emp_guard.name, "K03-8")])
        self.rpc(
            "property.complaint", "write", complaint.ids, {"staff_fault": "quarrel"}
        )
        self.assertEqual(
            self._items(complaint), [(self.emp_guard.name, self.item_quarrel.code)]
        )
        self.rpc(
            "property.complaint", "write", complaint.ids, {"staff_fault": "appeal"}
        )
        self.assertEqual(self._items(complaint), [(self.emp_guard.name, "K03-6")])

    def test_k13_agent_cannot_keep_the_rules(self):
        count = self.Rule.search_count([])
        self.rpc_as(self.agent)
        self.assertRpcRefused(
            "property.kpi.complaint.rule",
            "create",
            [{"staff_fault": "not_in_time", "item_id": self.item_quarrel.id}],
        )
        rule = self.env.ref("property_staff_kpi_complaint.complaint_rule_quarrel")
        self.assertRpcRefused(
            "property.kpi.complaint.rule",
            "write",
            rule.ids,
            {"item_id": self.item_work_late.id},
        )
        self.assertEqual(self.Rule.search_count([]), count)
        self.assertEqual(rule.item_id, self.item_quarrel)

    def test_k13_category_rule_wins_over_the_general_one(self):
        self.rpc_as(self.kpi_manager)
        self.rpc(
            "property.kpi.complaint.rule",
            "create",
            [
                {
                    "staff_fault": "not_in_time",
                    "category_id": self.category_engineering.id,
                    "item_id": self.item_appeal.id,
                    "sequence": 99,
                }
            ],
        )
        engineering = self._valid_complaint(category_id=self.category_engineering.id)
        other = self._valid_complaint()
        self.assertEqual(self._items(engineering), [(self.emp_guard.name, "K03-6")])
        self.assertEqual(self._items(other), [(self.emp_guard.name, "K03-8")])
        # the complaint moved to another category: its deduction follows
        self.rpc("property.complaint", "write", engineering.ids, {"category_id": False})
        self.assertEqual(self._items(engineering), [(self.emp_guard.name, "K03-8")])
