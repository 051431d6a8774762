from datetime import date

from psycopg2 import errors

from odoo.tests import tagged

from odoo.addons.property_base.tests.concurrency import ConcurrencyCase, run_last

# what PostgreSQL answers the later of two conflicting transactions: it is rolled back
# and the scheduler runs the job again; nothing is written twice
CONFLICTS = (
    errors.UniqueViolation,
    errors.SerializationFailure,
    errors.LockNotAvailable,
)
TUESDAY = date(2025, 3, 4)


@run_last
@tagged("post_install", "-at_install")
class TestConcurrency(ConcurrencyCase):
    """A01, A10, K13 under concurrency: two daily scoring passes at once over the same
    employee and day give one verdict, one assessment and one automatic line."""

    def setUp(self):
        super().setUp()

        def setup(env):
            site = env["property.site"].create(
                {
                    "name": "Concurrency KPI Site",
                    "code": "CCK",
                    "calendar_id": env.company.resource_calendar_id.id,
                }
            )
            employee = env["hr.employee"].create(
                {
                    "name": "Concurrency Agent",
                    "property_site_id": site.id,
                    "kpi_role": "frontline",
                    "resource_calendar_id": env.company.resource_calendar_id.id,
                }
            )
            return site.id, employee.id

        self.site_id, self.employee_id = self._committed(setup)
        self.addCleanup(self._cleanup_employee)

    def _cleanup_employee(self):
        params = {"employee": self.employee_id}
        assessments = (
            "(SELECT id FROM property_kpi_assessment WHERE employee_id = %(employee)s)"
        )
        self._cleanup(
            [
                (
                    f"DELETE FROM property_kpi_line WHERE assessment_id IN "
                    f"{assessments}",
                    params,
                ),
                (
                    "DELETE FROM property_kpi_discipline WHERE employee_id = "
                    "%(employee)s",
                    params,
                ),
                (
                    "DELETE FROM mail_activity WHERE res_model = "
                    "'property.kpi.assessment'"
                    f" AND res_id IN {assessments}",
                    params,
                ),
                (
                    "DELETE FROM mail_message WHERE model = 'property.kpi.assessment'"
                    f" AND res_id IN {assessments}",
                    params,
                ),
                (
                    "DELETE FROM property_kpi_assessment WHERE employee_id = "
                    "%(employee)s",
                    params,
                ),
                (
                    "DELETE FROM property_attendance_verdict WHERE employee_id = "
                    "%(employee)s",
                    params,
                ),
            ]
        )

        def unlink(env):
            employee = env["hr.employee"].browse(self.employee_id)
            resource = employee.resource_id
            employee.unlink()
            resource.unlink()
            env["property.site"].browse(self.site_id).unlink()

        self._committed(unlink)

    def test_a10_two_daily_passes_at_once_score_once(self):
        def daily_pass(env):
            employee = env["hr.employee"].browse(self.employee_id)
            verdicts = env["property.attendance.verdict"]._run_period(
                employee, TUESDAY, TUESDAY
            )
            return verdicts.mapped("status")

        outcome = self._parallel(daily_pass, daily_pass)
        results = [result for result, error in outcome if not error]
        unexpected = [e for _r, e in outcome if e and not isinstance(e, CONFLICTS)]
        self.assertFalse(unexpected, f"a scoring pass failed: {unexpected}")
        self.assertTrue(results, "both scoring passes failed")
        self.assertEqual(results[0], ["absent"])

        def state(env):
            verdicts = env["property.attendance.verdict"].search(
                [("employee_id", "=", self.employee_id)]
            )
            assessments = env["property.kpi.assessment"].search(
                [("employee_id", "=", self.employee_id)]
            )
            lines = assessments.line_ids.filtered(
                lambda line: line.origin == "automatic"
            )
            keys = [(line.item_id.id, str(line.source_ref)) for line in lines]
            return len(verdicts), len(assessments), keys

        verdicts, assessments, keys = self._committed(state)
        self.assertEqual(verdicts, 1)
        self.assertEqual(assessments, 1)
        self.assertTrue(keys, "the absence gave no line")
        self.assertEqual(len(keys), len(set(keys)), "an automatic line was added twice")

        # run again, alone: the pass is idempotent
        self._parallel(daily_pass)
        self.assertEqual(self._committed(state), (verdicts, assessments, keys))
