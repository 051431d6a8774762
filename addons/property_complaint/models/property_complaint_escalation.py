from odoo import fields, models


class PropertyComplaintEscalation(models.Model):
    """One escalation of a complaint to a level of the ladder (C13); unique per
    complaint and level, so that each level is reached once."""

    _name = "property.complaint.escalation"
    _rec_name = "complaint_id"  # breadcrumbs name the record, not the model (issue #19)
    _description = "Complaint Escalation"
    _inherit = ["property.input.mixin"]
    _order = "date desc, id desc"

    complaint_id = fields.Many2one(
        "property.complaint",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    # precomputed: the escalation cron gives it in the values of its batch, so that it
    # goes into the INSERT instead of an UPDATE of every new log line
    site_id = fields.Many2one(
        related="complaint_id.site_id", store=True, precompute=True
    )
    level_id = fields.Many2one(
        "property.complaint.escalation.level",
        required=True,
        ondelete="restrict",
        readonly=True,
    )
    target = fields.Selection(related="level_id.target")
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    user_id = fields.Many2one("res.users", string="New Owner", readonly=True)

    _sql_constraints = [
        (
            "complaint_level_uniq",
            "unique(complaint_id, level_id)",
            "A complaint is escalated once per level.",
        ),
    ]
