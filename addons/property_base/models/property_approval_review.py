from odoo import fields, models


class PropertyApprovalReview(models.Model):
    """One level of the approval of a record (``property.approval.mixin``): asked
    when the record asks, then approved, refused or withdrawn; kept as the
    record's history."""

    _name = "property.approval.review"
    _description = "Approval Review"
    _inherit = ["property.integrity.mixin"]
    _order = "res_model, res_id, sequence, id"
    _internal_flag = "property_approval_action"
    _property_keep = True

    res_model = fields.Char(string="Model", required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Record",
        model_field="res_model",
        required=True,
        index=True,
        readonly=True,
    )
    rule_id = fields.Many2one(
        "property.approval.rule", required=True, ondelete="restrict", readonly=True
    )
    name = fields.Char(related="rule_id.name")
    sequence = fields.Integer(readonly=True)
    state = fields.Selection(
        [
            ("waiting", "Waiting"),
            ("pending", "To Approve"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("cancelled", "Withdrawn"),
        ],
        required=True,
        default="waiting",
        readonly=True,
        index=True,
    )
    requested_by_id = fields.Many2one("res.users", string="Asked By", readonly=True)
    date_requested = fields.Datetime(string="Asked On", readonly=True)
    reviewer_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    date_done = fields.Datetime(string="Decided On", readonly=True)
    comment = fields.Text(readonly=True)
