from odoo import models

from .base_automation import AutomationBatch


class IrActionsServer(models.Model):
    """Server actions the suite runs in batches (see ``base_automation.py``)."""

    _inherit = "ir.actions.server"

    def _property_batched_states(self):
        """The action types that run once on many records: inside an automation
        rule's run they are collected and run once at its end."""
        return set()

    def _property_catch_up_domain(self):
        """For a time-based rule made of these actions: the domain of the records
        still to do, when the actions know it (then records missed by an earlier run
        are caught up); ``None`` when they do not (Odoo's window applies)."""
        return None

    def run(self):
        batch = self.env.context.get("property_automation_batch")
        batched = self._property_batched_states()
        if (
            isinstance(batch, AutomationBatch)
            and self
            and all(action.state in batched for action in self)
        ):
            # inside an automation rule's run (sudo): collected, run once at its end
            context = self.env.context
            ids = context.get("active_ids") or [context.get("active_id")]
            for action in self:
                batch.runs.setdefault(action.id, []).extend(filter(None, ids))
            return False
        return super().run()

    def _property_run_batch(self, records):
        """Run this action once on all ``records``; each batched action type says
        how."""
        raise NotImplementedError(self.state)
