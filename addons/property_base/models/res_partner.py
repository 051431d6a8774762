from odoo import api, fields, models
from odoo.osv import expression


class ResPartner(models.Model):
    _inherit = "res.partner"

    property_owned_unit_ids = fields.One2many(
        "property.unit", "owner_id", string="Owned Units"
    )
    property_occupied_unit_ids = fields.Many2many(
        "property.unit",
        "property_unit_occupant_rel",
        "partner_id",
        "unit_id",
        string="Occupied Units",
    )
    property_unit_count = fields.Integer(
        string="Units", compute="_compute_property_unit_count"
    )
    property_private = fields.Boolean(
        string="Resident's Personal Data",
        compute="_compute_property_private",
        search="_search_property_private",
        compute_sudo=True,
        help="An owner, occupant, tenant or complainant of the suite (and no internal "
        "user or company of the database): their contact data and ID number are read "
        "only by the roles that serve them (C22).",
    )

    @api.depends("property_owned_unit_ids", "property_occupied_unit_ids")
    def _compute_property_unit_count(self):
        for partner in self:
            units = partner.property_owned_unit_ids | partner.property_occupied_unit_ids
            partner.property_unit_count = len(units)

    # ------------------------------------------------------------------
    # Residents' personal data (C22): the record rules of the suite hide these
    # partners from the roles that do not serve them, whichever path reaches them
    # (a partner's read, name_search, export, or a domain through a related field).
    # ------------------------------------------------------------------
    @api.model
    def _property_private_domains(self):
        """Domains of the partners whose data is the suite's personal data; each
        addon adds the partners it records (complainants, tenants, hosts...)."""
        return [
            [("property_owned_unit_ids", "!=", False)],
            [("property_occupied_unit_ids", "!=", False)],
        ]

    @api.model
    def _property_private_domain(self):
        Partner = self.sudo().with_context(active_test=False)
        staff = Partner._search(
            [
                "|",
                ("user_ids.share", "=", False),
                ("id", "in", self._property_company_partners()),
            ]
        )
        return expression.AND(
            [expression.OR(self._property_private_domains()), [("id", "not in", staff)]]
        )

    @api.model
    def _property_company_partners(self):
        """The companies' own partners (a subquery)."""
        companies = self.env["res.company"].sudo().with_context(active_test=False)
        return companies._search([("partner_id", "!=", False)]).subselect("partner_id")

    def _compute_property_private(self):
        records = self.filtered("id")
        private = (
            set(
                self.with_context(active_test=False)._search(
                    expression.AND(
                        [[("id", "in", records.ids)], self._property_private_domain()]
                    )
                )
            )
            if records
            else set()
        )
        for partner in self:
            partner.property_private = partner.id in private

    def _search_property_private(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return expression.FALSE_DOMAIN
        private = (
            self.sudo()
            .with_context(active_test=False)
            ._search(self._property_private_domain())
        )
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", private)]

    def _property_units_domain(self):
        return ["|", ("owner_id", "in", self.ids), ("occupant_ids", "in", self.ids)]

    def action_view_property_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_base.property_unit_action"
        )
        action["domain"] = self._property_units_domain()
        action["context"] = {"default_owner_id": self.id}
        return action
