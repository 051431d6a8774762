"""V05 moved onto the suite's approval mechanism (property.approval.mixin): the draft
goods passes registered before ask their levels (the tenant's signatory's for a
carry-out waiting for it, customer service's stamp), as asked by whoever
registered them; a pass the signatory already refused stays refused."""

from odoo import SUPERUSER_ID, api


def goods_passes_to_reviews(env):
    """Ask the levels of the draft passes that have none yet; returns them."""
    passes = (
        env["property.goods.pass"]
        .sudo()
        .search([("state", "=", "draft"), ("approval_state", "=", False)])
    )
    refused = passes.filtered(lambda g: g.portal_approval_state == "refused")
    waiting = passes - refused
    root = env.ref("base.user_root")
    for registrar in waiting.create_uid | root:
        own = waiting.filtered(lambda g, user=registrar: (g.create_uid or root) == user)
        own.with_user(registrar).sudo()._approval_request(at_once=False)
    if refused:
        refused._property_internal().write({"approval_state": "refused"})
    return passes


def migrate(cr, version):
    if not version:
        return
    goods_passes_to_reviews(api.Environment(cr, SUPERUSER_ID, {}))
