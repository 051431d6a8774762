from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

POSTS = [
    ("front_desk", "Front Desk (前台)"),
    ("gate", "Gate (门岗)"),
    ("hotline", "Customer Service Hotline (客服热线)"),
]


class PropertyRoster(models.Model):
    """The shift roster of one post of a site for one week (issue #23): a line per
    employee and day worked; a day without a line of a rostered employee is a rest day.
    Published, it is what the attendance verdicts read (A01, A03, A10, A13) and is
    locked: it changes by a swap approved by the site's supervisor, or back in draft."""

    _name = "property.roster"
    _description = "Shift Roster"
    _inherit = ["property.integrity.mixin", "mail.thread"]
    _order = "week_start desc, site_id, post"
    _rec_names_search = ["site_id"]

    # in the reader's language (the post's label): not stored
    name = fields.Char(compute="_compute_name")
    site_id = fields.Many2one(
        "property.site", required=True, index=True, ondelete="restrict", tracking=True
    )
    company_id = fields.Many2one(related="site_id.company_id", store=True)
    post = fields.Selection(POSTS, required=True, tracking=True)
    week_start = fields.Date(
        required=True, index=True, help="The Monday the roster's week begins."
    )
    week_end = fields.Date(compute="_compute_week_end", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    handover_required = fields.Boolean(
        string="Hand-over Required",
        default=True,
        help="The outgoing shift stays until the incoming one has checked in (A13).",
    )
    line_ids = fields.One2many("property.roster.line", "roster_id", string="Shifts")

    _sql_constraints = [
        (
            "site_post_week_unique",
            "unique(site_id, post, week_start)",
            "One roster per site, post and week.",
        )
    ]

    @api.depends("week_start")
    def _compute_week_end(self):
        for roster in self:
            roster.week_end = roster.week_start and roster.week_start + timedelta(6)

    @api.depends("site_id.name", "post", "week_start")
    def _compute_name(self):
        posts = dict(self._fields["post"]._description_selection(self.env))
        for roster in self:
            roster.name = (
                f"{roster.site_id.name or ''} {posts.get(roster.post, '')} "
                f"{roster.week_start or ''}"
            ).strip()

    @api.constrains("week_start")
    def _check_week_start(self):
        if any(roster.week_start.weekday() for roster in self):
            raise ValidationError(self.env._("A roster's week begins on a Monday."))

    def _property_locked(self):
        return self.filtered(lambda roster: roster.state == "published")

    def _property_lock_message(self):
        return self.env._(
            "%(roster)s is published: put it back in draft to change it, or ask for "
            "a swap.",
            roster=self.display_name,
        )

    def _check_planner(self):
        """The site's customer-service supervisors and its service-centre manager
        plan its rosters (and the assessment managers)."""
        if self.env.su or self.env.user.has_group(
            "property_staff_kpi.group_kpi_manager"
        ):
            return
        user = self.env.user
        for roster in self.sudo():
            if user not in roster.site_id.supervisor_ids | roster.site_id.manager_id:
                raise AccessError(
                    self.env._(
                        "Only the supervisors and the manager of %(site)s plan its "
                        "rosters.",
                        site=roster.site_id.name,
                    )
                )

    def action_publish(self):
        self._check_planner()
        if any(roster.state != "draft" for roster in self):
            raise UserError(self.env._("Only a draft roster is published."))
        if any(not roster.line_ids for roster in self):
            raise UserError(self.env._("A roster without shifts cannot be published."))
        self.sudo()._property_internal().write({"state": "published"})
        return True

    def action_draft(self):
        self._check_planner()
        if any(roster.state != "published" for roster in self):
            raise UserError(self.env._("Only a published roster goes back to draft."))
        self.sudo()._property_internal().write({"state": "draft"})
        return True
