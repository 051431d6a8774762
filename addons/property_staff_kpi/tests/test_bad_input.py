from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from odoo.tests import tagged

from odoo.addons.property_base.tests.bad_input import (
    BOUNDED,
    HUGE_INTEGERS,
    TEXT,
    UNSTORABLE_TEXT,
    BadInputMixin,
)

from .common import KpiCase


@tagged("post_install", "-at_install")
class TestBadInput(BadInputMixin, KpiCase):
    """K02, K03: points outside an item's range, a missing reason and an assessment
    month that is not the first of a month are refused with a Chinese message and leave
    no line or assessment behind."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_zh_cn("property_staff_kpi")
        cls.user_trainer.lang = "zh_CN"
        cls.assessment = cls.Assessment.create(
            {"employee_id": cls.emp_agent.id, "date_month": cls.month}
        )
        cls.late = cls.item("k03_late")

    def _line(self, **vals):
        values = {
            "assessment_id": self.assessment.id,
            "item_id": self.late.id,
            "points": self.late.points_min,
            "date": date(2025, 3, 4),
            "reason": "Late",
        }
        values.update(vals)
        Line = self.Line.with_user(self.user_trainer).with_context(lang="zh_CN")
        return Line.create(values)

    @BOUNDED
    @given(points=st.integers(-(2**31), 2**31 - 1))
    def test_k03_points_outside_the_item_range_refused(self, points):
        if self.late.points_min <= points <= self.late.points_max:
            return  # in range: the accepted case is K03's own tests
        self._refused("property.kpi.line", lambda: self._line(points=points))

    @BOUNDED
    @given(day=st.integers(2, 28), month=st.integers(1, 12))
    def test_k10_assessment_month_not_a_first_day_refused(self, day, month):
        Assessment = self.Assessment.with_context(lang="zh_CN")
        self._refused(
            "property.kpi.assessment",
            lambda: Assessment.create(
                {
                    "employee_id": self.emp_agent2.id,
                    "date_month": date(2025, month, day),
                }
            ),
        )

    @BOUNDED
    @given(points=HUGE_INTEGERS)
    def test_k03_points_beyond_the_database_range_refused(self, points):
        message = self._refused("property.kpi.line", lambda: self._line(points=points))
        self.assertIn("2147483647", message)

    @BOUNDED
    @given(
        text=st.one_of(
            UNSTORABLE_TEXT, st.text(alphabet=TEXT, min_size=201, max_size=400)
        )
    )
    def test_k02_nul_or_oversized_reason_refused(self, text):
        self.env["ir.config_parameter"].set_param(
            "property_base.input_max_length_text", "200"
        )
        self._refused("property.kpi.line", lambda: self._line(reason=text))
        self.assertTrue(self._line(reason="迟到" * 100))  # at the limit: accepted
