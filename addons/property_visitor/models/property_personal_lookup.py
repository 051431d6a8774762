import hashlib
import hmac

from odoo import api, fields, models


class PropertyPersonalLookup(models.Model):
    """One look-up of a visitor by a masked phone or ID number (V09): who, when, on
    which register, and the value masked and hashed, never in clear. The rate limit
    counts these lines."""

    _name = "property.personal.lookup"
    _rec_name = "user_id"  # breadcrumbs name the record, not the model (issue #19)
    _description = "Look-up by Phone or ID Number"
    _inherit = ["property.input.mixin"]
    _order = "date desc, id desc"

    date = fields.Datetime(
        string="Looked Up On",
        required=True,
        readonly=True,
        index=True,
        default=fields.Datetime.now,
    )
    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    model = fields.Char(string="Register", required=True, readonly=True)
    field_name = fields.Char(string="Searched On", required=True, readonly=True)
    value_masked = fields.Char(string="Value (masked)", readonly=True)
    value_hash = fields.Char(
        string="Value Fingerprint",
        readonly=True,
        help="Keyed hash of the value typed: the same number gives the same "
        "fingerprint, the number itself cannot be read from it.",
    )

    @api.model
    def _fingerprint(self, value):
        secret = (
            self.env["ir.config_parameter"].sudo().get_param("database.secret") or ""
        )
        return hmac.new(
            secret.encode(), (value or "").encode(), hashlib.sha256
        ).hexdigest()

    @api.model
    def _count_recent(self, user, since):
        return self.sudo().search_count(
            [("user_id", "=", user.id), ("date", ">=", since)]
        )
