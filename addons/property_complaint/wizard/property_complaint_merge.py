from odoo import fields, models


class PropertyComplaintMerge(models.TransientModel):
    """Merge a duplicate complaint into the main record (issue #21)."""

    _name = "property.complaint.merge"
    _description = "Merge a Duplicate Complaint"
    _inherit = ["property.input.mixin"]

    complaint_id = fields.Many2one(
        "property.complaint",
        string="Duplicate",
        required=True,
        ondelete="cascade",
    )
    site_id = fields.Many2one(related="complaint_id.site_id")
    main_complaint_id = fields.Many2one(
        "property.complaint",
        string="Merge Into",
        required=True,
        ondelete="cascade",
        domain="[('site_id', '=', site_id), ('is_closed', '=', False), "
        "('id', '!=', complaint_id)]",
        help="The main record: it keeps the duplicate's messages, files and "
        "complainant; the duplicate is closed with a reference to it.",
    )

    def action_confirm(self):
        self.ensure_one()
        self.complaint_id._merge_into(self.main_complaint_id)
        return {"type": "ir.actions.act_window_close"}
