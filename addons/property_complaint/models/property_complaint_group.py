from odoo import api, fields, models


def count_customers(complaints):
    """C05: the distinct customers of ``complaints`` (sudo): each complaint's
    complainant and its co-complainants, the same customer when they share the
    contact or the (normalised) phone; a complainant with neither counts once."""
    partners, phones, count = set(), set(), 0
    for complaint in complaints:
        people = [(complaint.partner_id.id, complaint.partner_phone)]
        people += [
            (line.partner_id.id, line.phone) for line in complaint.co_complainant_ids
        ]
        for partner, phone in people:
            known = (partner and partner in partners) or (phone and phone in phones)
            if not known:
                count += 1
            if partner:
                partners.add(partner)
            if phone:
                phones.add(phone)
    return count


class PropertyComplaintGroup(models.Model):
    """A group complaint (C05): complaints of several customers about the same matter,
    linked by customer service. Its customers are the distinct complainants of its
    complaints (and their co-complainants); the class of every complaint of the group
    is computed from that count."""

    _name = "property.complaint.group"
    _description = "Group Complaint"
    _inherit = ["property.integrity.mixin"]
    _order = "id desc"
    # written by the complaints' actions only (every field is read-only)
    _internal_flag = "property_complaint_action"

    name = fields.Char(
        string="Group",
        related="main_complaint_id.name",
        store=True,
        help="The number of the group's main complaint (the first received).",
    )
    main_complaint_id = fields.Many2one(
        "property.complaint",
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    complaint_ids = fields.One2many(
        "property.complaint", "group_id", string="Complaints", readonly=True
    )
    company_id = fields.Many2one(
        related="main_complaint_id.company_id", store=True, index=True
    )
    site_id = fields.Many2one(
        related="main_complaint_id.site_id", store=True, index=True
    )
    complaint_count = fields.Integer(
        string="Complaints in the Group", compute="_compute_customer_count", store=True
    )
    customer_count = fields.Integer(
        string="Customers of the Group",
        compute="_compute_customer_count",
        store=True,
        help="C05: the distinct customers of the group's complaints (by contact or "
        "phone), or the most customers one complaint was registered with (its "
        "complainant and the co-complainants typed on it) when that is more.",
    )

    @api.depends(
        "complaint_ids.partner_id",
        "complaint_ids.partner_phone",
        "complaint_ids.co_complainant_count",
        "complaint_ids.co_complainant_ids.partner_id",
        "complaint_ids.co_complainant_ids.phone",
    )
    def _compute_customer_count(self):
        for group in self:
            members = group.sudo().complaint_ids
            typed = max(
                (1 + member.co_complainant_count for member in members), default=0
            )
            group.complaint_count = len(members)
            group.customer_count = max(count_customers(members), typed)

    def _set_main_complaint(self):
        """The main complaint of each group: its first received complaint."""
        for group in self:
            first = group.complaint_ids.sorted(lambda c: (c.date_received, c.id))[:1]
            if first and first != group.main_complaint_id:
                group.main_complaint_id = first
