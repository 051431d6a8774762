from odoo import api, fields, models, tools


class PropertyComplaintStage(models.Model):
    """A column of the complaint kanban. Each stage plays one role in the life cycle;
    the ``action_*`` methods of the complaint move it to the first stage of a role."""

    _name = "property.complaint.stage"
    _description = "Complaint Stage"
    _inherit = ["property.input.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    fold = fields.Boolean(string="Folded in Kanban")
    role = fields.Selection(
        [
            ("new", "To Accept"),
            ("progress", "In Progress"),
            ("feedback", "Result to Communicate"),
            ("callback", "Callback"),
            ("closed", "Closed"),
        ],
        required=True,
        default="progress",
        help="Step of the life cycle this stage stands for.",
    )
    is_closed = fields.Boolean(
        string="Closing Stage",
        compute="_compute_is_closed",
        store=True,
        help="Complaints in this stage are closed and read-only.",
    )
    description = fields.Text(translate=True)

    @api.depends("role")
    def _compute_is_closed(self):
        for stage in self:
            stage.is_closed = stage.role == "closed"

    @api.model
    @tools.ormcache("role")
    def _first_of_role(self, role):
        """The id of the first active stage of ``role`` (False when none); cached, and
        forgotten whenever a stage is created, changed or removed."""
        return self.sudo().search([("role", "=", role)], limit=1).id or False

    @api.model_create_multi
    def create(self, vals_list):
        stages = super().create(vals_list)
        self.env.registry.clear_cache()
        return stages

    def write(self, vals):
        res = super().write(vals)
        self.env.registry.clear_cache()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res
