from datetime import date

from odoo.tests import tagged

from odoo.addons.property_base.tests.concurrency import ConcurrencyCase, run_last


@run_last
@tagged("post_install", "-at_install")
class TestConcurrency(ConcurrencyCase):
    """V04 under concurrency: passes issued at once by two front desks get distinct
    numbers and distinct gate codes."""

    def setUp(self):
        super().setUp()
        self.site_id = self._committed_site(
            "CCV", "Concurrency Gate Site", "property.pass"
        )

    def _issue(self, env, count):
        passes = env["property.pass"]
        for n in range(count):  # one by one, as the front desk does
            passes |= passes.create(
                {
                    "site_id": self.site_id,
                    "holder_name": f"Holder {n}",
                    "holder_category": "decoration",
                    "date_from": date(2025, 3, 3),
                }
            )
        return [(p.name, p.gate_token) for p in passes]

    def test_v04_parallel_passes_get_distinct_numbers(self):
        outcome = self._parallel(
            lambda env: self._issue(env, 5), lambda env: self._issue(env, 5)
        )
        errors = [error for _result, error in outcome if error]
        self.assertFalse(errors, f"issuing a pass failed: {errors}")
        issued = [row for result, _error in outcome for row in result]
        names = [name for name, _token in issued]
        tokens = [token for _name, token in issued]
        self.assertEqual(len(issued), 10)
        self.assertEqual(len(set(names)), 10, f"duplicate numbers: {sorted(names)}")
        self.assertEqual(len(set(tokens)), 10, "duplicate gate codes")
