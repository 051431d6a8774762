from datetime import datetime
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.property_base.tests.concurrency import ConcurrencyCase, run_last


@run_last
@tagged("post_install", "-at_install")
class TestConcurrency(ConcurrencyCase):
    """C01, C13 under concurrency: two transactions registering complaints at once get
    distinct numbers; two escalation crons at once escalate each complaint once."""

    def setUp(self):
        super().setUp()
        self.site_id = self._committed_site(
            "CCY", "Concurrency Site", "property.complaint"
        )

    def _register(self, env, count):
        channel = env.ref("property_complaint.channel_phone")
        complaints = env["property.complaint"]
        names = []
        for n in range(count):  # one by one, as agents do
            complaint = complaints.create(
                {
                    "site_id": self.site_id,
                    "summary": f"Leak {n}",
                    "channel_id": channel.id,
                    "complainant_name": "Mr Zhang",
                    "date_received": datetime(2025, 3, 3, 2),
                }
            )
            names.append(complaint.name)
        return names

    def test_c01_parallel_registrations_get_distinct_numbers(self):
        outcome = self._parallel(
            lambda env: self._register(env, 5), lambda env: self._register(env, 5)
        )
        errors = [error for _result, error in outcome if error]
        self.assertFalse(errors, f"a registration failed: {errors}")
        names = [name for result, _error in outcome for name in result]
        self.assertEqual(len(names), 10)
        self.assertEqual(len(set(names)), 10, f"duplicate numbers: {sorted(names)}")

        def stored(env):
            return (
                env["property.complaint"]
                .search([("site_id", "=", self.site_id)])
                .mapped("name")
            )

        self.assertEqual(sorted(self._committed(stored)), sorted(names))

    def test_c13_two_escalation_crons_escalate_each_complaint_once(self):
        names = self._committed(lambda env: self._register(env, 6))

        def late(env):
            env.cr.execute(
                "UPDATE property_complaint SET date_deadline_next = %s WHERE site_id "
                "= %s",
                (datetime(2025, 3, 4, 2), self.site_id),
            )

        self._committed(late)
        Complaint = self.registry["property.complaint"]
        original = Complaint._escalation_pending_domain
        site_id = self.site_id

        def only_this_site(self, level):
            # the crons run unchanged, over this test's site only
            return [("site_id", "=", site_id), *original(self, level)]

        def cron(env):
            escalated = (
                env["property.complaint"]
                .with_context(property_complaint_no_commit=True)
                ._cron_escalate()
            )
            return [(c.id, c.escalation_ids.ids) for c in escalated]

        with patch.object(Complaint, "_escalation_pending_domain", only_this_site):
            outcome = self._parallel(cron, cron)
        errors = [error for _result, error in outcome if error]
        self.assertFalse(errors, f"an escalation cron failed: {errors}")

        def state(env):
            complaints = env["property.complaint"].search(
                [("site_id", "=", self.site_id)]
            )
            levels = [
                (log.complaint_id.id, log.level_id.id)
                for log in complaints.escalation_ids
            ]
            activities = env["mail.activity"].search_count(
                [
                    ("res_model", "=", "property.complaint"),
                    ("res_id", "in", complaints.ids),
                    (
                        "activity_type_id",
                        "=",
                        env.ref(
                            "property_complaint.mail_activity_type_complaint_escalation"
                        ).id,
                    ),
                ]
            )
            return len(complaints), levels, activities

        count, levels, activities = self._committed(state)
        self.assertEqual(count, len(names))
        self.assertTrue(levels, "nothing was escalated")
        self.assertEqual(len(levels), len(set(levels)), "a level was reached twice")
        # every complaint escalated by one cron only: no activity nor message twice
        first, second = ({c for c, _logs in result} for result, _error in outcome)
        self.assertFalse(first & second, "both crons escalated the same complaints")
        self.assertLessEqual(activities, len(levels))
