from odoo import fields, models


class PropertyComplaintComplainant(models.Model):
    """A co-complainant of a complaint (C05): a customer who joined it, kept when a
    duplicate complaint is merged into it (its complainant and co-complainants)."""

    _name = "property.complaint.complainant"
    _description = "Co-complainant"
    _inherit = ["property.integrity.mixin"]
    _order = "complaint_id, id"
    # written by the complaint's actions (the merge) only; kept with the complaint,
    # locked with it once closed
    _internal_flag = "property_complaint_action"
    _property_keep = True
    _property_lock_parent = "complaint_id"

    complaint_id = fields.Many2one(
        "property.complaint",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    company_id = fields.Many2one(
        related="complaint_id.company_id", store=True, index=True
    )
    site_id = fields.Many2one(related="complaint_id.site_id", store=True, index=True)
    name = fields.Char(readonly=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        readonly=True,
        groups="property_complaint.group_complaint_agent",
    )
    phone = fields.Char(
        readonly=True,
        groups="property_complaint.group_complaint_agent",
        help="Normalised to the international format; confidential.",
    )
    merged_from_id = fields.Many2one(
        "property.complaint",
        readonly=True,
        index="btree_not_null",
        help="The duplicate complaint this customer registered.",
    )
