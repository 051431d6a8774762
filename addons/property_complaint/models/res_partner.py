from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    property_complaint_count = fields.Integer(
        string="Complaints",
        compute="_compute_property_complaint_count",
        groups="property_complaint.group_complaint_agent",
    )

    @api.model
    def _property_private_domains(self):
        """Complainants and complained-about tenant companies are residents' data
        (C22)."""
        complaints = (
            self.env["property.complaint"].sudo().with_context(active_test=False)
        )
        return [
            *super()._property_private_domains(),
            [
                (
                    "id",
                    "in",
                    complaints._search([("partner_id", "!=", False)]).subselect(
                        "partner_id"
                    ),
                )
            ],
            [
                (
                    "id",
                    "in",
                    complaints._search([("tenant_company_id", "!=", False)]).subselect(
                        "tenant_company_id"
                    ),
                )
            ],
        ]

    def _property_complaint_domain(self):
        partners = self.with_context(active_test=False).search(
            [("id", "child_of", self.commercial_partner_id.ids)]
        )
        units = partners.property_owned_unit_ids | partners.property_occupied_unit_ids
        return [
            "|",
            "|",
            ("partner_id", "in", partners.ids),
            ("tenant_company_id", "in", partners.ids),
            ("unit_id", "in", units.ids),
        ]

    def _compute_property_complaint_count(self):
        partners = self.filtered("id")
        complaints = (
            self.env["property.complaint"]
            .with_context(active_test=False)
            .search(partners._property_complaint_domain())
            if partners
            else self.env["property.complaint"]
        )
        for partner in self:
            family = partner.commercial_partner_id | partner
            units = family.property_owned_unit_ids | family.property_occupied_unit_ids
            partner.property_complaint_count = len(
                complaints.filtered(
                    lambda c, family=family, units=units: (
                        c.partner_id.commercial_partner_id in family
                        or c.tenant_company_id in family
                        or c.unit_id in units
                    )
                )
            )

    def action_view_property_complaints(self):
        """Every complaint and demand of the customer, of its company and of its units
        (一户一档), archived records included."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaint.property_complaint_action"
        )
        action["domain"] = [
            *self._property_complaint_domain(),
            ("active", "in", (True, False)),
        ]
        action["context"] = {"default_partner_id": self.id}
        action["view_mode"] = "list,form,kanban,calendar,pivot,graph"
        action["views"] = [(False, v) for v in action["view_mode"].split(",")]
        return action
