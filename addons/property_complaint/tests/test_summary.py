import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.reports import pdf_text

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestSummary(HttpCase, ComplaintCase):
    def _wizard(self, user=None, **vals):
        values = {
            "site_ids": [(6, 0, self.site.ids)],
            "period_type": "half_year",
            "year": 2025,
        }
        values.update(vals)
        return (
            self.env["property.complaint.summary.print"]
            .with_user(user or self.supervisor)
            .create(values)
        )

    def _hand_computed_set(self):
        """First half of 2025: A called back satisfied, B dissatisfied (opens the second
        complaint S), C a demand still to call back. Second half of 2024: E."""
        a = self._new_complaint(summary="A")
        b = self._new_complaint(summary="B")
        c = self._new_complaint(summary="C", kind="demand", demand_type="request")
        self._new_complaint(summary="E", date_received="2024-10-10 02:00:00")
        self._resolve_and_communicate(a)
        for complaint in (b, c):
            complaint.with_user(self.agent).write(
                {
                    "resolution": "<p>Done.</p>",
                    "result_summary": "Done.",
                    "result_solution": "Done.",
                    "result_prevention": "Checks.",
                    "result_method": "phone",
                }
            )
            complaint.with_user(self.agent).action_communicate_result()
        with freeze_time("2025-03-20 02:00:00"):
            self._callback_done(b, level="property_complaint.satisfaction_dissatisfied")
        self.assertEqual(len(b.second_complaint_ids), 1)
        self.env.flush_all()

    def test_c26_period_of_each_type(self):
        for vals, start in (
            ({"period_type": "month", "month": "11"}, datetime.date(2025, 11, 1)),
            ({"period_type": "quarter", "quarter": "3"}, datetime.date(2025, 7, 1)),
            ({"period_type": "half_year", "half_year": "2"}, datetime.date(2025, 7, 1)),
            ({"period_type": "year"}, datetime.date(2025, 1, 1)),
        ):
            self.assertEqual(self._wizard(**vals).date_from, start)
        # refused: a year out of range, and an agent does not print the summaries
        with self.assertRaises(UserError):
            self._wizard(year=1900).action_print()
        with self.assertRaises(AccessError):
            self._wizard(user=self.agent)

    def test_c26_half_year_summary_matches_a_hand_computed_set(self):
        self._hand_computed_set()
        Summary = self.env[
            "report.property_complaint.report_complaint_summary"
        ].with_user(self.supervisor)
        summary = Summary._summary(self.site, "half_year", datetime.date(2025, 1, 1))
        total = summary["total"]
        # A, B, C and the second complaint S; E in the previous half-year
        self.assertEqual(total["current"]["nbr"], 4)
        self.assertEqual(total["previous"]["nbr"], 1)
        self.assertEqual(total["change"], 3)
        # callbacks: A and B done, C to do, S none yet -> 2/3; satisfied: A of A, B
        self.assertAlmostEqual(total["current"]["callback_rate"], 200 / 3, places=2)
        self.assertAlmostEqual(total["current"]["satisfaction_rate"], 50.0)
        # B caused a second complaint, among 4
        self.assertAlmostEqual(total["current"]["second_complaint_rate"], 25.0)
        self.assertIsNone(total["previous"]["callback_rate"])
        tables = {table["title"]: table["rows"] for table in summary["tables"]}
        by_kind = {row["label"]: row for row in tables["按类别（投诉/需求）"]}
        self.assertEqual(by_kind["投诉"]["current"]["nbr"], 3)
        self.assertEqual(by_kind["投诉"]["previous"]["nbr"], 1)
        self.assertEqual(by_kind["需求"]["current"]["nbr"], 1)
        by_class = {
            row["label"]: row["current"].get("nbr", 0) for row in tables["按投诉等级"]
        }
        # the second complaint is class 2 (C17), a demand has no class
        self.assertEqual(by_class["二类投诉（重要）"], 1)
        self.assertEqual(by_class["未分级"], 1)
        self.assertEqual(sum(by_class.values()), 4)
        # the one grouped query gives the figures of one query per dimension
        Statistics = self.env["property.complaint.statistics"].with_user(
            self.supervisor
        )
        domain = self.site._period_domain(
            datetime.date(2025, 1, 1), datetime.date(2025, 7, 1)
        )
        by_all = Statistics._figures_by(domain, ["complaint_class", "category_id"])
        for fname in ("complaint_class", "category_id"):
            for key, figures in Statistics._figures(domain, (fname,)).items():
                for measure, value in figures.items():
                    combined = by_all[(fname, key[0])][measure]
                    if value is None:
                        self.assertIsNone(combined)
                    else:
                        self.assertAlmostEqual(combined, value, places=6)
        by_site = tables["按管理处"]
        self.assertEqual([row["label"] for row in by_site], [self.site.display_name])
        # the previous period of a half-year is the half-year before
        self.assertEqual(summary["previous_from"], datetime.date(2024, 7, 1))
        self.assertEqual(summary["date_to"], datetime.date(2025, 6, 30))

        # the printed summary from the wizard shows the period, the labels and figures
        action = self._wizard().action_print()
        self.assertEqual(
            action["report_name"], "property_complaint.report_complaint_summary"
        )
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, kind = report.with_user(self.supervisor)._render_qweb_pdf(
            "property_complaint.action_report_complaint_summary",
            self.site.ids,
            data=action["data"],
        )
        self.assertEqual(kind, "pdf")
        self.assertLess(len(pdf), 500 * 1024)
        text = pdf_text(pdf)
        for expected in (
            "客户投诉/需求统计汇总表",
            "2025年上半年总结",
            "2025年01月01日",
            "2025年06月30日",
            "2024年07月01日",
            "2024年12月31日",
            self.site.name,
            "按投诉等级",
            "按专业类别",
            "按处理部门",
            "按管理处",
            "本期数",
            "上期数",
            "满意率",
            "66.7%",
            "50.0%",
            "25.0%",
            "+3",
            "制表人",
            "服务中心经理",
        ):
            self.assertIn(expected, text)

    def test_c26_annual_summary_compares_with_the_previous_year(self):
        self._new_complaint(summary="This year")
        self._new_complaint(summary="Last year", date_received="2024-05-05 02:00:00")
        self._new_complaint(
            summary="Two years ago", date_received="2023-05-05 02:00:00"
        )
        self.env.flush_all()
        summary = self.env[
            "report.property_complaint.report_complaint_summary"
        ]._summary(self.site, "year", datetime.date(2025, 1, 1))
        self.assertEqual(summary["label"], "2025年度")
        self.assertEqual(summary["total"]["current"]["nbr"], 1)
        self.assertEqual(summary["total"]["previous"]["nbr"], 1)
        self.assertEqual(summary["total"]["change"], 0)
