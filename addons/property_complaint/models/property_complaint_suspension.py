from odoo import api, fields, models


class PropertyComplaintSuspension(models.Model):
    """One suspension of a complaint's resolution deadline (C10): its cause, amount and
    reason as requested, its approval, and the working days it added once ended. The
    complaint's actions write it; the history of every suspension stays."""

    _name = "property.complaint.suspension"
    _description = "Complaint Suspension"
    # its approval (C10) is the suite's approval mechanism; its rule is data
    # (data/property_approval_rule_data.xml), on when the company's setting asks for it
    _inherit = ["property.approval.mixin"]
    _order = "date_requested desc, id desc"
    _internal_flag = "property_complaint_action"
    _property_keep = True

    complaint_id = fields.Many2one(
        "property.complaint",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    site_id = fields.Many2one(related="complaint_id.site_id", store=True, index=True)
    company_id = fields.Many2one(related="complaint_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    cause = fields.Selection(
        [("engineering", "Long Engineering Work"), ("purchase", "Purchase")],
        required=True,
        readonly=True,
    )
    amount = fields.Monetary(string="Purchase Amount", readonly=True)
    reason = fields.Text(required=True, readonly=True)
    state = fields.Selection(
        [
            ("to_approve", "To Approve"),
            ("suspended", "Suspended"),
            ("refused", "Refused"),
            ("ended", "Ended"),
        ],
        required=True,
        readonly=True,
        index=True,
    )
    date_requested = fields.Datetime(
        string="Requested On", required=True, default=fields.Datetime.now, readonly=True
    )
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    approved_by_id = fields.Many2one("res.users", readonly=True)
    date_start = fields.Datetime(string="Suspended On", readonly=True)
    date_end = fields.Datetime(string="Resumed On", readonly=True)
    working_days = fields.Integer(
        string="Working Days Added",
        readonly=True,
        help="Working days of the site's calendar the suspension lasted, added to the "
        "resolution deadline when it ended.",
    )

    @api.depends("complaint_id.name", "cause", "date_start")
    def _compute_display_name(self):
        causes = dict(self._fields["cause"]._description_selection(self.env))
        for suspension in self:
            suspension.display_name = (
                f"{suspension.complaint_id.name} {causes.get(suspension.cause, '')}"
            )

    # ------------------------------------------------------------------
    # Approval (property.approval.mixin)
    # ------------------------------------------------------------------
    def _approval_company(self):
        return self.company_id

    def _approval_activity_record(self):
        return self.complaint_id

    def _approval_approved(self):
        """Approved, or no approval needed: the clock stops now."""
        to_start = self.sudo().filtered(lambda s: s.state == "to_approve")
        now = fields.Datetime.now()
        for suspension in to_start:
            approved = suspension._approval_reviews().filtered(
                lambda r: r.state == "approved"
            )
            suspension._property_internal().write(
                {
                    "state": "suspended",
                    "date_start": now,
                    "approved_by_id": approved[-1:].reviewer_id.id,
                }
            )

    def _approval_refused(self, comment):
        self.sudo()._property_internal().write(
            {"state": "refused", "date_end": fields.Datetime.now()}
        )
