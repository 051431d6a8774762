from odoo import api, fields, models

# what the verdict says the staff named did (C19), which chooses the deduction (K13)
STAFF_FAULTS = [
    ("not_in_time", "Work Not Done in Time"),
    ("appeal", "Appeal Not Answered in Time or Not Patiently"),
    ("quarrel", "Quarrel with the Customer"),
]
DEFAULT_ITEM = "property_staff_kpi.item_k03_work_late"


class PropertyKpiComplaintRule(models.Model):
    """Which catalogue item a valid complaint deducts from the employees it names
    (K13): chosen by the verdict's fault and, where a rule names one, the complaint's
    category; the rule naming the category wins over the general one, a company's
    own over the one of every company."""

    _name = "property.kpi.complaint.rule"
    _description = "Complaint Deduction Rule"
    _inherit = ["property.input.mixin"]
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        help="Empty: every company.",
    )
    staff_fault = fields.Selection(STAFF_FAULTS, string="Staff's Fault", required=True)
    category_id = fields.Many2one(
        "property.complaint.category",
        help="Only complaints of this category; empty: any category.",
    )
    item_id = fields.Many2one(
        "property.kpi.item",
        string="Deduction",
        required=True,
        domain="[('kind', 'in', ('light', 'medium', 'severe'))]",
    )

    @api.depends("staff_fault", "category_id", "item_id")
    def _compute_display_name(self):
        faults = dict(self._fields["staff_fault"]._description_selection(self.env))
        for rule in self:
            parts = [faults.get(rule.staff_fault, ""), rule.category_id.name]
            rule.display_name = " / ".join(p for p in parts if p) + (
                f" → {rule.item_id.display_name}" if rule.item_id else ""
            )

    @api.model
    def _items_for(self, complaints):
        """{complaint id: catalogue item} for these complaints, in one search."""
        rules = self.sudo().search(
            [("company_id", "in", [*complaints.company_id.ids, False])],
            order="sequence, id",
        )
        default = self.env.ref(DEFAULT_ITEM, raise_if_not_found=False)
        result = {}
        for complaint in complaints:
            fault = complaint.staff_fault or "not_in_time"
            matching = rules.filtered(
                lambda r, c=complaint, f=fault: (
                    r.company_id in (c.company_id, r.company_id.browse())
                    and r.staff_fault == f
                    and r.category_id in (c.category_id, r.category_id.browse())
                )
            )
            # the rule naming the complaint's category first, then its company's
            rule = matching.sorted(
                lambda r: (not r.category_id, not r.company_id, r.sequence, r.id)
            )[:1]
            result[complaint.id] = rule.item_id or default
        return result

    @api.model
    def _candidate_items(self):
        """Every item a complaint may have deducted: those of the rules, the default,
        and the severe item every valid complaint deducted before the rules."""
        items = (
            self.sudo()
            .with_context(active_test=False)
            ._read_group([], [], ["item_id:recordset"])[0][0]
        )
        for xmlid in (DEFAULT_ITEM, "property_staff_kpi.item_k05_quarrel"):
            items |= self.env.ref(xmlid, raise_if_not_found=False) or items.browse()
        return items.sudo()
