"""The month of an assessment is written 2025年03月 (issue #19), no longer 2025-03:
recompute the stored label of the existing assessments."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    assessments = (
        env["property.kpi.assessment"].with_context(active_test=False).search([])
    )
    env.add_to_compute(assessments._fields["month_label"], assessments)
    assessments.flush_recordset(["month_label"])
