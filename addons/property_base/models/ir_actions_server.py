from odoo import models

from .base_automation import AutomationBatch


class IrActionsServer(models.Model):
    """Server actions the suite runs in batches (see ``base_automation.py``)."""

    _inherit = "ir.actions.server"

    def _property_catch_up_domain(self):
        """For a time-based rule made of these actions: the domain of the records
        still to do, when the actions know it (then records missed by an earlier run
        are caught up); ``None`` when they do not (Odoo's window applies)."""
        return None

    def _property_defer(self, records):
        """Inside an automation rule's run, collect ``records`` for one batched run
        of this action at its end and return True; elsewhere return False (the
        caller runs at once)."""
        batch = self.env.context.get("property_automation_batch")
        if isinstance(batch, AutomationBatch):
            batch.add(self, records)
            return True
        return False

    def _property_run_batch(self, records):
        """Run this action once on all ``records``; each batched action type says
        how."""
        raise NotImplementedError(self.state)
