from odoo import models


class PropertyComplaintAutoDispatchMixin(models.AbstractModel):
    """The automatic dispatch of a new complaint by the dispatch rules (issue #21,
    C11)."""

    _name = "property.complaint.auto.dispatch.mixin"
    _description = "Complaint: Automatic Dispatch"

    def _auto_dispatch(self):
        """Dispatch each of these new complaints by the first rule it matches, as the
        registering user would by hand: the same transfer log line, naming the rule.
        Returns the complaints dispatched."""
        Rule = self.env["property.complaint.dispatch.rule"]
        if not Rule._dispatch_rules():
            return self.browse()
        dispatched = self.browse()
        for complaint in self:
            rule = Rule._rule_for(complaint)
            if not rule:
                continue
            handler = rule._pick_handler()
            rule = rule.sudo()
            method = dict(
                rule._fields["assign_method"]._description_selection(self.env)
            )[rule.assign_method]
            complaint._dispatch(
                rule.department_id,
                handler,
                self.env._(
                    "Dispatched automatically by the rule %(rule)s (%(method)s).",
                    rule=rule.name,
                    method=method,
                ),
                update_activities=False,
                rule=rule,
            )
            dispatched |= complaint
        return dispatched
