"""The month pass computes on plain (start, stop) spans: the same results as Odoo's
Intervals (union, intersection, difference, touching spans merged), over random
spans (hypothesis)."""

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.tests import TransactionCase, tagged

from odoo.addons.resource.models.utils import Intervals

from ..models.property_attendance_verdict import _intersected, _normalized, _subtracted

ORIGIN = datetime(2025, 5, 1)
spans = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 10)).map(
        lambda p: (
            ORIGIN + timedelta(minutes=p[0]),
            ORIGIN + timedelta(minutes=p[0] + p[1]),
        )
    ),
    max_size=8,
)


@tagged("post_install", "-at_install")
class TestVerdictSpans(TransactionCase):
    def _odoo(self, pairs):
        return Intervals(
            [(start, stop, self.env["hr.attendance"]) for start, stop in pairs]
        )

    @staticmethod
    def _pairs(intervals):
        return [(start, stop) for start, stop, _records in intervals]

    @settings(max_examples=300, deadline=None, database=None, derandomize=True)
    @given(first=spans, second=spans)
    def test_a01_spans_match_odoo_intervals(self, first, second):
        odoo_first, odoo_second = self._odoo(first), self._odoo(second)
        ours_first, ours_second = _normalized(first), _normalized(second)
        self.assertEqual(ours_first, self._pairs(odoo_first))
        self.assertEqual(
            _normalized(first + second), self._pairs(odoo_first | odoo_second)
        )
        self.assertEqual(
            _intersected(ours_first, ours_second), self._pairs(odoo_first & odoo_second)
        )
        self.assertEqual(
            _subtracted(ours_first, ours_second), self._pairs(odoo_first - odoo_second)
        )
