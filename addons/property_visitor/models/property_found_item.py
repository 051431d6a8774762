from odoo import fields, models
from odoo.exceptions import AccessError, UserError


class PropertyFoundItem(models.Model):
    """Found property, reported to a superior or the customer-service desk and kept
    on the log until returned (V10)."""

    _name = "property.found.item"
    _description = "Found Property"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.integrity.mixin"]
    # the suite's integrity rules (property_base/models/property_integrity_mixin.py)
    _property_keep = True
    _order = "found_date desc, id desc"

    name = fields.Char(string="Item", required=True, tracking=True)
    description = fields.Text()
    site_id = fields.Many2one(
        "property.site",
        required=True,
        index=True,
        default=lambda self: self.env.user.property_site_ids[:1],
    )
    company_id = fields.Many2one(related="site_id.company_id", store=True)
    found_place = fields.Char(string="Where Found", required=True)
    found_by = fields.Char(required=True)
    found_date = fields.Datetime(
        string="Found On", required=True, default=fields.Datetime.now
    )
    reported_to_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        help="The superior or the customer-service desk the item was handed to.",
    )
    storage_place = fields.Char(string="Kept At")
    state = fields.Selection(
        [("kept", "Kept"), ("returned", "Returned"), ("disposed", "Disposed Of")],
        default="kept",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    returned_to = fields.Char(tracking=True)
    returned_date = fields.Datetime(readonly=True)
    returned_by_id = fields.Many2one(
        "res.users", string="Handed Over By", readonly=True
    )
    disposal_note = fields.Char(tracking=True)

    def _property_locked(self):
        return self.filtered(lambda item: item.state != "kept")

    def _property_lock_message(self):
        return self.env._(
            "%(name)s was handed over or disposed of: its record can no longer change.",
            name=self.name,
        )

    def _check_desk(self):
        if not self.env.user.has_group("property_visitor.group_visitor_frontdesk"):
            raise AccessError(
                self.env._("Found property is handed over by the front desk.")
            )
        for item in self:
            if item.state != "kept":
                raise UserError(
                    self.env._(
                        "%(item)s is no longer kept at the desk.", item=item.name
                    )
                )

    def action_return(self):
        self._check_desk()
        for item in self:
            if not item.returned_to:
                raise UserError(self.env._("Record to whom the item is returned."))
        self._property_internal().write(
            {
                "state": "returned",
                "returned_date": fields.Datetime.now(),
                "returned_by_id": self.env.user.id,
            }
        )
        return True

    def action_dispose(self):
        self._check_desk()
        for item in self:
            if not item.disposal_note:
                raise UserError(self.env._("Record how the item was disposed of."))
        self._property_internal().write(
            {"state": "disposed", "returned_by_id": self.env.user.id}
        )
        return True
