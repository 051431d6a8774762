from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression


class IrActionsServer(models.Model):
    """The escalation step (C13) as a server action an automation rule runs."""

    _inherit = "ir.actions.server"

    state = fields.Selection(
        selection_add=[("property_escalate", "Escalate Complaint")],
        ondelete={"property_escalate": "cascade"},
    )
    property_escalation_level_id = fields.Many2one(
        "property.complaint.escalation.level",
        string="Escalation Level",
        ondelete="cascade",
        help="The level of the escalation ladder the complaints go to: its owner gets "
        "the complaint and a to-do, once per complaint.",
    )

    @api.constrains("state", "model_id", "property_escalation_level_id")
    def _check_property_escalation_level(self):
        for action in self.filtered(lambda a: a.state == "property_escalate"):
            if (
                action.model_id.model != "property.complaint"
                or not action.property_escalation_level_id
            ):
                raise ValidationError(
                    self.env._(
                        "An escalation step acts on complaints and needs the level "
                        "it escalates to."
                    )
                )

    @api.depends("property_escalation_level_id.name")
    def _compute_name(self):
        result = super()._compute_name()
        for action in self.filtered(
            lambda a: a.base_automation_id and a.state == "property_escalate"
        ):
            action.name = self.env._(
                "Escalate to: %(level)s",
                level=action.property_escalation_level_id.name,
            )
        return result

    def _property_batched_states(self):
        return super()._property_batched_states() | {"property_escalate"}

    def _run_action_property_escalate_multi(self, eval_context=None):
        records = eval_context.get("records") or eval_context.get("record")
        if records:
            self._property_run_batch(records)
        return False

    def _property_run_batch(self, records):
        if self.state != "property_escalate":
            return super()._property_run_batch(records)
        level = self.property_escalation_level_id
        due = records.search(
            [("id", "in", records.ids), *records._escalation_pending_domain(level)],
            order="id",
        )
        return due._escalate(level)

    def _property_catch_up_domain(self):
        if self and all(action.state == "property_escalate" for action in self):
            Complaint = self.env["property.complaint"]
            return expression.OR(
                [
                    Complaint._escalation_pending_domain(
                        action.property_escalation_level_id
                    )
                    for action in self
                ]
            )
        return super()._property_catch_up_domain()
