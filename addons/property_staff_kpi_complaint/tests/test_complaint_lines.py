from datetime import date

from odoo import Command

from odoo.addons.property_complaint.tests.common import ComplaintCase


class TestComplaintLines(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # what a valid complaint deducts when the verdict says nothing more
        cls.item_valid = cls.env.ref("property_staff_kpi.item_k03_work_late")
        cls.item_zero = cls.env.ref("property_staff_kpi.item_k02_zero_complaint")
        cls.Assessment = cls.env["property.kpi.assessment"]
        cls.Line = cls.env["property.kpi.line"]
        cls.month = date(2025, 3, 1)

    def _valid_complaint(self, *employees):
        complaint = self._new_complaint()
        complaint.write(
            {
                "validity_reason": "The repair was promised and not done.",
                "responsible_employee_ids": [Command.set([e.id for e in employees])],
            }
        )
        complaint.with_user(self.agent).action_confirm_valid()
        return complaint

    def lines(self, employee, item):
        return self.Line.search(
            [("employee_id", "=", employee.id), ("item_id", "=", item.id)]
        )

    def test_k13_valid_complaint_naming_the_employee_deducts(self):
        complaint = self._valid_complaint(self.emp_guard, self.emp_handler2)
        for employee in (self.emp_guard, self.emp_handler2):
            line = self.lines(employee, self.item_valid)
            self.assertEqual(len(line), 1)
            self.assertEqual(line.source_ref, complaint)
            self.assertEqual((line.origin, line.state), ("automatic", "approved"))
            self.assertEqual(line.date_month, self.month)
        self.assertFalse(self.lines(self.emp_handler, self.item_valid))

    def test_k13_pending_or_invalid_complaint_deducts_nothing(self):
        complaint = self._new_complaint()
        complaint.responsible_employee_ids = [Command.set(self.emp_guard.ids)]
        self.assertFalse(self.lines(self.emp_guard, self.item_valid))
        complaint.validity_reason = "The customer misread the notice."
        complaint.customer_explanation = (
            "The notice gives the next date; we explained it."
        )
        complaint.with_user(self.agent).action_confirm_invalid()
        self.assertFalse(self.lines(self.emp_guard, self.item_valid))

    def test_k13_complaint_line_created_once(self):
        complaint = self._valid_complaint(self.emp_guard)
        complaint._sync_kpi_lines()
        complaint._sync_kpi_lines()
        self.assertEqual(len(self.lines(self.emp_guard, self.item_valid)), 1)

    def test_k13_employee_no_longer_named_loses_the_line(self):
        complaint = self._valid_complaint(self.emp_guard, self.emp_head)
        complaint.responsible_employee_ids = [Command.set(self.emp_head.ids)]
        self.assertFalse(self.lines(self.emp_guard, self.item_valid))
        self.assertTrue(self.lines(self.emp_head, self.item_valid))

    def test_k13_zero_valid_complaints_earns_five(self):
        self._valid_complaint(self.emp_guard)
        assessments = self.Assessment._get_or_create(
            self.emp_guard | self.emp_head, self.month
        )
        assessments._add_zero_complaint_bonus()
        bonus = self.lines(self.emp_head, self.item_zero)
        self.assertEqual(bonus.points, 5)
        self.assertFalse(
            self.lines(self.emp_guard, self.item_zero), "a valid complaint: no bonus"
        )
        assessments._add_zero_complaint_bonus()
        self.assertEqual(len(self.lines(self.emp_head, self.item_zero)), 1)

    def test_k13_complaint_of_another_month_keeps_the_bonus(self):
        self._valid_complaint(self.emp_guard)
        april = self.Assessment._get_or_create(self.emp_guard, date(2025, 4, 1))
        april._add_zero_complaint_bonus()
        self.assertTrue(self.lines(self.emp_guard, self.item_zero))

    def test_k13_later_valid_complaint_takes_the_bonus_back(self):
        assessment = self.Assessment._get_or_create(self.emp_guard, self.month)
        assessment._add_zero_complaint_bonus()
        self.assertTrue(self.lines(self.emp_guard, self.item_zero))
        self._valid_complaint(self.emp_guard)
        self.assertFalse(self.lines(self.emp_guard, self.item_zero))
