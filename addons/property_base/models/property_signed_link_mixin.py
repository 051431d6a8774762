import binascii
import hashlib
import logging
import secrets

from odoo import api, fields, models, tools
from odoo.http import request
from odoo.tools.misc import consteq, hash_sign, verify_hash_signed

from ..tools import internal

_logger = logging.getLogger(__name__)

# the HMAC scope of the links (Odoo's database secret signs them)
SIGNED_LINK_SCOPE = "property_base.signed_link"
# characters of the revocation key's digest carried by a link
KEY_DIGEST_LENGTH = 16


def _new_key():
    return secrets.token_hex(16)


def _key_digest(key):
    return hashlib.sha256((key or "").encode()).hexdigest()[:KEY_DIGEST_LENGTH]


class PropertySignedLinkMixin(models.AbstractModel):
    """Links that need no account (SMS, e-mail): ``<base>/p/<token>`` opens the page
    of one record for one purpose (``"complaint"``, ``"visit_host"``…).

    The token is Odoo's ``hash_sign`` of ``[purpose, record id, digest of the
    record's revocation key]``, with an expiry (the company's
    ``property_signed_link_hours``). It is refused once expired, altered, revoked
    (``action_revoke_signed_links`` draws a new key: every link given before stops
    working) or used for another purpose.

    A model declares its purposes (``_signed_link_purposes``, each purpose
    belongs to one model) and renders its pages in ``_signed_link_page`` (the
    controller of ``/p/<token>`` in ``controllers/signed_link.py`` calls it with the
    record in sudo, for GET and for the POST of its forms).
    """

    _name = "property.signed.link.mixin"
    _description = "Signed Links Without Login"
    # the purposes of the model's links (each purpose belongs to one model)
    _signed_link_purposes = ()

    signed_link_key = fields.Char(
        string="Link Revocation Key",
        default=lambda self: _new_key(),
        copy=False,
        readonly=True,
        groups="base.group_system",
        help="Drawn again when the links are revoked: the links given before stop "
        "working.",
    )

    # ------------------------------------------------------------------
    # Registry of the purposes
    # ------------------------------------------------------------------
    @api.model
    @tools.ormcache()
    def _signed_link_models(self):
        """{purpose: model name} of every model inheriting this mixin."""
        mixin = self.env.registry[self._name]
        purposes = {}
        for name in self.env.registry:
            model = self.env.registry[name]
            if model._abstract or not issubclass(model, mixin):
                continue
            for purpose in model._signed_link_purposes:
                if purposes.setdefault(purpose, name) != name:
                    _logger.error(
                        "Signed link purpose %s declared by %s and %s",
                        purpose,
                        purposes[purpose],
                        name,
                    )
        return purposes

    # ------------------------------------------------------------------
    # Links
    # ------------------------------------------------------------------
    def _signed_link_hours(self):
        """Hours a link stays valid: the setting of the record's company."""
        self.ensure_one()
        company = (
            self["company_id"] if "company_id" in self._fields else self.env.company
        )
        return (company or self.env.company).sudo().property_signed_link_hours or 168

    def _signed_link_token(self, purpose):
        self.ensure_one()
        if self._signed_link_models().get(purpose) != self._name:
            raise ValueError(f"{self._name} has no signed link {purpose!r}")
        record = self.sudo()
        return hash_sign(
            record.env,
            SIGNED_LINK_SCOPE,
            [purpose, record.id, _key_digest(record.signed_link_key)],
            expiration_hours=self._signed_link_hours(),
        )

    def _signed_link_url(self, purpose):
        """The absolute URL of the page of this record for ``purpose``."""
        self.ensure_one()
        return f"{self.get_base_url()}/p/{self._signed_link_token(purpose)}"

    @api.model
    def _signed_link_read(self, token):
        """(record in sudo, purpose) of a valid token; (empty recordset of the
        mixin, False) when it is altered, expired, revoked or not a link."""
        nothing = self.browse(), False
        if not isinstance(token, str) or not token or len(token) > 1000:
            return nothing
        env = self.sudo().env
        try:
            payload = verify_hash_signed(env, SIGNED_LINK_SCOPE, token)
        except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
            return nothing
        if (
            not isinstance(payload, list)
            or len(payload) != 3
            or not isinstance(payload[0], str)
            or not isinstance(payload[1], int)
            or isinstance(payload[1], bool)
            or not isinstance(payload[2], str)
        ):
            return nothing
        purpose, record_id, digest = payload
        model = self._signed_link_models().get(purpose)
        if not model:
            return nothing
        record = env[model].browse(record_id).exists()
        if (
            not record
            or ("active" in record._fields and not record.active)
            or not consteq(_key_digest(record.signed_link_key), digest)
        ):
            return nothing
        return record, purpose

    @api.model
    def _signed_link_resolve(self, token, purpose):
        """The record (in sudo) of a valid link for ``purpose``; an empty recordset
        when the link is altered, expired, revoked or for another purpose."""
        record, read_purpose = self._signed_link_read(token)
        if not record or read_purpose != purpose:
            return self.browse()
        return record

    def action_revoke_signed_links(self):
        """Every link given for these records stops working (whoever may change
        the record may revoke its links)."""
        self.check_access("write")
        for record in self:
            internal(record.sudo(), getattr(record, "_internal_flag", "")).write(
                {"signed_link_key": _new_key()}
            )
        if hasattr(self, "message_post"):
            for record in self:
                record.message_post(
                    body=self.env._(
                        "The links sent for this record were revoked: they no longer "
                        "open it."
                    )
                )
        return True

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    @api.model
    def _signed_link_lang(self):
        """The language of the pages: Chinese when installed, else the default."""
        installed = dict(self.env["res.lang"].get_installed())
        if "zh_CN" in installed:
            return "zh_CN"
        return self.env["ir.http"]._get_default_lang().code

    def _signed_link_page(self, purpose, token, form=None):
        """The response of the page of this record (in sudo) for ``purpose``:
        ``form`` holds the values POSTed by its forms (None on GET). Each model
        renders its own purposes; none here."""
        return self._signed_link_invalid_page()

    @api.model
    def _signed_link_invalid_page(self):
        """The one page of a link that opens nothing: it says so, nothing else."""
        return request.render(
            "property_base.signed_link_invalid",
            {"title": self.env._("Invalid link")},
            status=404,
        )
