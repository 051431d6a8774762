from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.property_base.tools import is_internal

# the life cycle of a complaint, in its order (the roles of the stages)
STATES = [
    ("new", "To Accept"),
    ("progress", "In Progress"),
    ("feedback", "Result to Communicate"),
    ("callback", "Callback"),
    ("closed", "Closed"),
]


class PropertyComplaintLifecycleMixin(models.AbstractModel):
    """The state of a complaint and its stage on the board: the actions set the state,
    the stage follows it; a card moved on the board runs the action of that step."""

    _name = "property.complaint.lifecycle.mixin"
    _description = "Complaint: Life Cycle"

    def _creation_message(self):
        """The chatter's first line (mail.thread logs it at the registration): what
        was registered, a complaint or a demand. Odoo's "<model> created" would name
        the model, read from ir.model at every registration, and call a demand a
        complaint."""
        self.ensure_one()
        if self.kind == "demand":
            return self.env._("Demand registered")
        return self.env._("Complaint registered")

    @api.model
    def _initial_stage(self, vals_list):
        """A client registers a complaint at a stage of the role "new" only (a default
        stage of another role, e.g. the column a form was opened from, is ignored);
        the state follows the stage given by server code. Returns the model to create
        with."""
        Stage = self.env["property.complaint.stage"]
        internal = is_internal(self.env, "property_complaint_action")
        for vals in vals_list:
            stage = Stage.browse(vals.get("stage_id"))
            if stage and not internal and stage.role != "new":
                raise UserError(self._property_owned_message({"stage_id"}))
            vals.update(self._state_and_stage_vals(vals))
        default = Stage.browse(self.env.context.get("default_stage_id"))
        if default and not internal and default.role != "new":
            return self.with_context(default_stage_id=self._stage_for_role("new").id)
        return self

    @api.model
    def _state_and_stage_vals(self, vals):
        """``vals`` with the state and the stage agreeing: the first stage of a state
        given alone, the role of a stage given alone."""
        if vals.get("state") and not vals.get("stage_id"):
            return dict(vals, stage_id=self._stage_for_role(vals["state"]).id)
        if vals.get("stage_id") and "state" not in vals:
            stage = self.env["property.complaint.stage"].browse(vals["stage_id"])
            return dict(vals, state=stage.role)
        return vals

    def _move_to_stage(self, stage):
        """A card moved to ``stage`` on the kanban board: within the same state the
        card just moves; to a later state, the action of that step runs, with its own
        checks, as if its button was pressed; back to an earlier state, a plain
        refusal."""
        order = [key for key, _label in STATES]
        actions = {
            "progress": "action_accept",
            "feedback": "action_submit_resolution",
            "callback": "action_communicate_result",
            "closed": "action_close",
        }
        if not stage.exists() or not stage.role:
            raise UserError(self.env._("Choose a stage of the complaint board."))
        labels = dict(self._fields["state"]._description_selection(self.env))
        for complaint in self:
            if stage.role != complaint.state:
                if order.index(stage.role) < order.index(complaint.state):
                    raise UserError(
                        self.env._(
                            "Complaint %(number)s is at “%(state)s” and cannot move "
                            "back to “%(stage)s”.",
                            number=complaint.name,
                            state=labels[complaint.state],
                            stage=stage.name,
                        )
                    )
                getattr(complaint, actions[stage.role])()
            if complaint.stage_id != stage:
                complaint._write_action({"stage_id": stage.id})
        return True

    @api.model
    def _property_migrate_states(self):
        """Upgrade: the state of the complaints registered before it existed is the role
        of their stage. Returns how many complaints changed."""
        self.env.flush_all()
        self.env.cr.execute(
            """
            UPDATE property_complaint c
               SET state = s.role
              FROM property_complaint_stage s
             WHERE s.id = c.stage_id AND c.state IS DISTINCT FROM s.role
            """
        )
        count = self.env.cr.rowcount
        self.invalidate_model(["state"])
        return count
