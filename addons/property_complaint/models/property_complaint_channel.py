from odoo import api, fields, models, tools


class PropertyComplaintChannel(models.Model):
    """How a complaint or demand reached the company (C01)."""

    _name = "property.complaint.channel"
    _description = "Complaint Channel"
    _inherit = ["property.input.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Technical code, e.g. for imports and reports.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_online = fields.Boolean(
        string="Online Channel",
        help="Complaints received through this channel notify the head of the "
        "department complained about at once and ask for a written answer (C27).",
    )
    note = fields.Text(translate=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The channel code must be unique."),
    ]

    @api.model
    @tools.ormcache()
    def _online_ids(self):
        """The ids of the online channels (C27), read once per process: each
        registration asks whether its channel is one."""
        return frozenset(
            self.sudo()
            .with_context(active_test=False)
            .search([("is_online", "=", True)])
            .ids
        )

    @api.model_create_multi
    def create(self, vals_list):
        channels = super().create(vals_list)
        if any(vals.get("is_online") for vals in vals_list):
            self.env.registry.clear_cache()
        return channels

    def write(self, vals):
        result = super().write(vals)
        if "is_online" in vals:
            self.env.registry.clear_cache()
        return result
