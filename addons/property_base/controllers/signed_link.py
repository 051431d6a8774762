from odoo import http
from odoo.http import request


class SignedLinkController(http.Controller):
    """``/p/<token>``: the page of the one record a signed link opens, without login
    (``property.signed.link.mixin``). The record's model renders the page of the
    link's purpose (GET) and handles its forms (POST, with Odoo's CSRF token); a
    link that is altered, expired, revoked or unknown opens one plain page that says
    so and shows nothing else."""

    @http.route(
        "/p/<string:token>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        csrf=True,
        sitemap=False,
    )
    def property_signed_link(self, token, **form):
        Link = request.env["property.signed.link.mixin"]
        request.update_context(lang=Link._signed_link_lang())
        Link = request.env["property.signed.link.mixin"]
        record, purpose = Link._signed_link_read(token)
        if not record:
            return Link._signed_link_invalid_page()
        is_post = request.httprequest.method == "POST"
        return record._signed_link_page(purpose, token, form if is_post else None)
