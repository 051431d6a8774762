from markupsafe import Markup

from odoo import fields, models
from odoo.tools.misc import format_datetime


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
    deadline = fields.Datetime(
        string="Deadline Passed",
        readonly=True,
        help="The complaint's deadline whose passing led to this escalation.",
    )

    _sql_constraints = [
        (
            "complaint_level_uniq",
            "unique(complaint_id, level_id)",
            "A complaint is escalated once per level.",
        ),
    ]

    def _escalation_notes(self):
        """{log line: note}: "Escalated to <level>: <owner> (deadline <date>
        passed).", the deadline in the site's time and the reader's date style. A
        batch's deadlines are few (the ends of working days): each is formatted once."""
        formatted = {}
        notes = {}
        for line in self:
            deadline = line.deadline or line.date
            key = (deadline, line.site_id.id)
            if key not in formatted:
                formatted[key] = format_datetime(
                    self.env,
                    deadline,
                    tz=line.site_id._site_tz().zone,
                    dt_format=False,
                )
            notes[line] = Markup("<p>%s</p>") % self.env._(
                "Escalated to %(level)s: %(owner)s (deadline %(deadline)s passed).",
                level=line.level_id.name,
                owner=line.user_id.name or self.env._("nobody found"),
                deadline=formatted[key],
            )
        return notes
