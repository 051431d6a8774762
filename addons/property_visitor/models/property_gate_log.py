import hashlib

from odoo import api, fields, models

GATE_RESULTS = [
    ("valid", "Valid"),
    ("expired", "Expired"),
    ("suspended", "Suspended"),
    ("revoked", "Revoked"),
    ("used", "Already Used"),
    ("not_yet_valid", "Not Yet Valid"),
    ("other_site", "Not Valid at This Site"),
    ("invalid", "Invalid"),
]
# the results for which the guard sees who holds the pass; the others show nothing
# beyond the result itself
GATE_RESULTS_WITH_DETAILS = ("valid", "suspended", "revoked", "used")


class PropertyGateLog(models.Model):
    """One scan of a pass at the gate, whatever its result."""

    _name = "property.gate.log"
    _description = "Gate Log"
    _inherit = ["property.integrity.mixin"]
    # the suite's integrity rules (property_base/models/property_integrity_mixin.py)
    _property_keep = True
    _order = "scan_time desc, id desc"
    _rec_name = "scan_time"

    scan_time = fields.Datetime(
        required=True, default=fields.Datetime.now, readonly=True
    )
    user_id = fields.Many2one(
        "res.users", string="Guard", required=True, default=lambda self: self.env.user
    )
    site_id = fields.Many2one("property.site", index=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, readonly=True
    )
    result = fields.Selection(GATE_RESULTS, required=True, readonly=True, index=True)
    token_fingerprint = fields.Char(
        readonly=True,
        help="Start of the SHA-256 of the scanned code (the code itself is not kept).",
    )
    pass_id = fields.Many2one(
        "property.pass", readonly=True, index=True, ondelete="set null"
    )
    goods_pass_id = fields.Many2one(
        "property.goods.pass", readonly=True, index=True, ondelete="set null"
    )
    holder_name = fields.Char(readonly=True)
    note = fields.Char(readonly=True)

    @api.model
    def _fingerprint(self, token):
        return hashlib.sha256((token or "").encode()).hexdigest()[:16]
