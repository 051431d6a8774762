from odoo import fields, models


class PropertyComplaintTransfer(models.Model):
    """One dispatch (派单) or transfer (转派) of a complaint (C11). Written by the
    dispatch wizard; never edited afterwards."""

    _name = "property.complaint.transfer"
    _rec_name = "complaint_id"  # breadcrumbs name the record, not the model (issue #19)
    _description = "Complaint Dispatch"
    _inherit = ["property.input.mixin"]
    _order = "date desc, id desc"

    complaint_id = fields.Many2one(
        "property.complaint",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    site_id = fields.Many2one(related="complaint_id.site_id", store=True, index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Dispatched By",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
    )
    from_department_id = fields.Many2one("hr.department", readonly=True)
    from_handler_id = fields.Many2one("res.users", readonly=True)
    to_department_id = fields.Many2one("hr.department", readonly=True)
    to_handler_id = fields.Many2one("res.users", readonly=True)
    is_transfer = fields.Boolean(
        string="Transfer",
        readonly=True,
        help="A re-assignment of a complaint already dispatched.",
    )
    reason = fields.Text(readonly=True)
    rule_id = fields.Many2one(
        "property.complaint.dispatch.rule",
        string="Dispatch Rule",
        readonly=True,
        ondelete="set null",
        help="The rule that dispatched the complaint automatically at registration.",
    )
