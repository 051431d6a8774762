from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Escalation moves from the suite's own cron to automation rules: each level of
    the ladder gets its rule with the delay it had, and the old cron goes."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("property_complaint.ir_cron_complaint_escalate", False)
    if cron:
        cron.unlink()
    cr.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = "
        "'property_complaint_escalation_level' AND column_name = 'delay_hours'"
    )
    delays = {}
    if cr.fetchone():
        cr.execute("SELECT id, delay_hours FROM property_complaint_escalation_level")
        delays = dict(cr.fetchall())
    levels = (
        env["property.complaint.escalation.level"]
        .with_context(active_test=False)
        .search([("automation_id", "=", False)])
    )
    for level in levels:
        level._ensure_automation(delay_hours=delays.get(level.id) or 0)
    if delays:
        cr.execute(
            "ALTER TABLE property_complaint_escalation_level DROP COLUMN delay_hours"
        )
