from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """V08 moved to the suite's approval mechanism: "not needed" is no state, and the
    visits waiting for their area's approval ask it again through the rules."""
    if not version:
        return
    cr.execute(
        "UPDATE property_visit SET approval_state = NULL WHERE approval_state = "
        "'not_needed'"
    )
    cr.execute(
        "UPDATE property_visit SET approval_state = NULL WHERE approval_state = "
        "'to_approve' RETURNING id"
    )
    ids = [row[0] for row in cr.fetchall()]
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["property.visit"].browse(ids)._approval_request()
