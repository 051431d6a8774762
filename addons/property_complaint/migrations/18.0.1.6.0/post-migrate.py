from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Suspensions waiting for approval before the approval mechanism: their approval is
    asked now, by the rules in force."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    waiting = env["property.complaint.suspension"].search(
        [("state", "=", "to_approve"), ("approval_state", "=", False)]
    )
    waiting._approval_request()._approval_approved()
