from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyMoveSlot(models.Model):
    """A moving time scheduled by customer service for a large carry-in/out (V07)."""

    _name = "property.move.slot"
    _description = "Moving Slot"
    _inherit = ["property.input.mixin"]
    _order = "start"

    name = fields.Char(compute="_compute_name", store=True)
    site_id = fields.Many2one("property.site", required=True, index=True)
    company_id = fields.Many2one(related="site_id.company_id", store=True)
    start = fields.Datetime(required=True)
    stop = fields.Datetime(required=True)
    note = fields.Char(help="Lift, loading bay...")
    goods_pass_ids = fields.One2many(
        "property.goods.pass", "slot_id", string="Goods Passes"
    )
    booked = fields.Boolean(compute="_compute_booked")

    @api.depends("start", "stop", "site_id")
    def _compute_name(self):
        for slot in self:
            if slot.start and slot.stop and slot.site_id:
                tz = slot.site_id._site_tz()
                start = fields.Datetime.context_timestamp(
                    slot.with_context(tz=tz.zone), slot.start
                )
                stop = fields.Datetime.context_timestamp(
                    slot.with_context(tz=tz.zone), slot.stop
                )
                slot.name = f"{start:%Y-%m-%d %H:%M}–{stop:%H:%M}"
            else:
                slot.name = False

    @api.depends("goods_pass_ids.state")
    def _compute_booked(self):
        for slot in self:
            slot.booked = any(
                p.state in ("confirmed", "done") for p in slot.goods_pass_ids
            )

    @api.constrains("start", "stop")
    def _check_dates(self):
        for slot in self:
            if slot.stop <= slot.start:
                raise ValidationError(self.env._("A moving slot ends after it starts."))
