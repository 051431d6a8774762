import base64
import hashlib
import hmac
import re
import secrets

from odoo import api, fields, models

SECRET_PARAM = "property_visitor.gate_secret"
# who issues passes and scans them: the only ones to read a pass's code (V04/V06)
GATE_GROUPS = (
    "property_visitor.group_visitor_frontdesk,property_visitor.group_visitor_guard"
)
TOKEN_PATTERN = re.compile(r"^([A-Z])([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$")


class PropertyGateTokenMixin(models.AbstractModel):
    """A signed token printed as a QR code on a pass: a random key (never the
    record's id) signed with HMAC-SHA256 and a secret of the database."""

    _name = "property.gate.token.mixin"
    _description = "Gate Token"
    _gate_token_prefix = "X"

    token_key = fields.Char(
        readonly=True,
        copy=False,
        index=True,
        default=lambda self: secrets.token_hex(16),
        groups=GATE_GROUPS,
    )
    gate_token = fields.Char(
        compute="_compute_gate_token",
        groups=GATE_GROUPS,
        help="Signed code printed as the QR code of the pass.",
    )
    gate_qr_image = fields.Binary(
        string="QR Code", compute="_compute_gate_qr_image", groups=GATE_GROUPS
    )

    _sql_constraints = [
        ("token_key_uniq", "unique(token_key)", "Token keys are unique.")
    ]

    @api.model
    def _gate_secret(self):
        params = self.env["ir.config_parameter"].sudo()
        secret = params.get_param(SECRET_PARAM)
        if not secret:
            secret = secrets.token_hex(32)
            params.set_param(SECRET_PARAM, secret)
        return secret

    @api.model
    def _init_gate_secret(self):
        """Called on install: create the database's signing secret."""
        self._gate_secret()

    @api.model
    def _gate_sign(self, payload):
        digest = hmac.new(
            self._gate_secret().encode(), payload.encode(), hashlib.sha256
        ).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    @api.depends("token_key")
    def _compute_gate_token(self):
        for record in self:
            key = record.sudo().token_key
            if key:
                payload = f"{self._gate_token_prefix}{key}"
                record.gate_token = f"{payload}.{self._gate_sign(payload)}"
            else:
                record.gate_token = False

    @api.depends("gate_token")
    def _compute_gate_qr_image(self):
        report = self.env["ir.actions.report"]
        for record in self:
            if record.gate_token:
                png = report.barcode("QR", record.gate_token, width=300, height=300)
                record.gate_qr_image = base64.b64encode(png)
            else:
                record.gate_qr_image = False

    @api.model
    def _gate_parse(self, token):
        """(prefix, key) of a token whose signature is right, else None. The
        signature is compared in constant time."""
        match = TOKEN_PATTERN.match((token or "").strip())
        if not match:
            return None
        prefix, key, signature = match.groups()
        if not hmac.compare_digest(self._gate_sign(prefix + key), signature):
            return None
        return prefix, key

    def _gate_site_allowed(self):
        """Whether the current user guards a gate of the pass's site: a code is only
        verified at the gates of its own site (管理处)."""
        self.ensure_one()
        user = self.env.user
        return user._is_superuser() or self.sudo().site_id in user.property_site_ids

    def _gate_status(self):
        """The result of the pass at the current user's gate (see property.gate.log):
        "other_site" at another site's gate, else the pass's own live status."""
        self.ensure_one()
        if not self._gate_site_allowed():
            return "other_site"
        return self._gate_live_status()

    def _gate_live_status(self):
        """The pass's status at a gate of its site: its state and validity window."""
        raise NotImplementedError

    def _gate_details(self):
        """Values shown to the guard: holder, photo, items, validity; only the site
        at another site's gate."""
        self.ensure_one()
        if not self._gate_site_allowed():
            return {"site_id": self.sudo().site_id.id}
        return self._gate_holder_details()

    def _gate_holder_details(self):
        """Values shown to the guard of the pass's site: holder, photo, items,
        validity."""
        raise NotImplementedError
