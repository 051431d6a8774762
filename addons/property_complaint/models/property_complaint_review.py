from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyComplaintReview(models.Model):
    """Internal review of the solution of a major escalated complaint (C12,
    客户投诉解决方案内部评审), organised by the project management centre with the
    quality centre's advice."""

    _name = "property.complaint.review"
    _description = "Complaint Solution Review"
    _inherit = ["mail.thread"]
    _order = "id desc"

    complaint_id = fields.Many2one(
        "property.complaint", required=True, ondelete="cascade", index=True, readonly=True
    )
    name = fields.Char(related="complaint_id.name")
    site_id = fields.Many2one(related="complaint_id.site_id", store=True)
    company_id = fields.Many2one(related="complaint_id.company_id", store=True)
    organiser_id = fields.Many2one(
        "res.users", string="Organised By", default=lambda self: self.env.user, readonly=True
    )
    date_review = fields.Date(string="Review Date", default=fields.Date.context_today)
    participants = fields.Text()
    solution = fields.Text(string="Reviewed Solution", required=True, tracking=True)
    quality_advice = fields.Text(string="Quality Centre's Advice", tracking=True)
    conclusion = fields.Text(tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )

    def _check_pmc(self):
        if not self.env.su and not self.env.user.has_group(
            "property_complaint.group_complaint_pmc"
        ):
            raise UserError(
                self.env._("Only the project management centre decides on a solution review.")
            )

    def action_approve(self):
        self._check_pmc()
        for review in self:
            if review.state != "draft":
                raise UserError(self.env._("Only a draft review can be approved."))
            if not (review.quality_advice or "").strip():
                raise UserError(
                    self.env._("Record the quality centre's advice before approving the review.")
                )
        self.write({"state": "approved"})
        for review in self:
            review.complaint_id.message_post(
                body=self.env._("Solution review approved: %(solution)s", solution=review.solution),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_reject(self):
        self._check_pmc()
        if any(review.state != "draft" for review in self):
            raise UserError(self.env._("Only a draft review can be rejected."))
        self.write({"state": "rejected"})
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if any(review.state != "draft" for review in self):
            raise UserError(self.env._("A decided review cannot be deleted."))
