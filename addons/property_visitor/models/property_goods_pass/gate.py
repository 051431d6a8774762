from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.property_base.tools import internal


class PropertyGoodsPassGateMixin(models.AbstractModel):
    """The guard's check of the goods at the gate (V06): the count of the items, the
    refusal, and what the gate's scan shows of the pass."""

    _name = "property.goods.pass.gate.mixin"
    _description = "Goods Pass: Check at the Gate"

    def _check_guard(self):
        if not self.env.user.has_group("property_visitor.group_visitor_guard"):
            raise AccessError(self.env._("Only a guard checks goods at the gate."))

    def _check_gate_check(self):
        """The guard may check these goods now: a confirmed pass within its validity."""
        self._check_guard()
        self._check_state(("confirmed",))
        now = fields.Datetime.now()
        for record in self:
            if not record.valid_until or record.valid_until < now:
                raise UserError(self.env._("This goods pass has expired."))
            if record._gate_live_status() == "not_yet_valid":
                raise UserError(
                    self.env._(
                        "Goods pass %(name)s is valid from its carrying day, %(date)s.",
                        name=record.name,
                        date=record._report_local_time().split(" ")[0],
                    )
                )

    def action_gate_check(self):
        """Open the guard's count of the goods: the approved items with the quantity
        seen at the gate (property.goods.check)."""
        self._check_gate_check()
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Check at the Gate"),
            "res_model": "property.goods.check",
            "view_mode": "form",
            "target": "new",
            "context": dict(self.env.context, default_goods_pass_id=self.id),
        }

    def _gate_check_counts(self, counts):
        """Record the quantities the guard counted (``{line: quantity}`` for every
        item) and finish the check: all match, the goods pass; any mismatch sends the
        pass back to customer service."""
        self._check_gate_check()
        now = fields.Datetime.now()
        Log = self.env["property.gate.log"].sudo()
        for record in self:
            if set(counts) != set(record.line_ids.ids):
                raise UserError(self.env._("Count every item of the goods pass."))
            negative = record.line_ids.filtered(lambda line: counts[line.id] < 0)
            if negative:
                raise UserError(
                    self.env._(
                        "The counted quantity of %(item)s is negative.",
                        item=negative[0].name,
                    )
                )
            # one write per counted quantity, not per item
            for quantity in set(counts.values()):
                lines = record.line_ids.filtered(
                    lambda line, quantity=quantity: counts[line.id] == quantity
                )
                internal(lines, self._internal_flag).write({"quantity_seen": quantity})
            mismatched = record.line_ids.filtered(
                lambda line: line.quantity_seen != line.quantity
            )
            matched = record.line_ids - mismatched
            internal(matched, self._internal_flag).write({"line_state": "ok"})
            internal(mismatched, self._internal_flag).write({"line_state": "mismatch"})
            if mismatched:
                note = self.env._(
                    "Quantities differ: %(lines)s",
                    lines="; ".join(
                        f"{line.name} {line.quantity_seen:g}/{line.quantity:g}"
                        for line in mismatched
                    ),
                )
                record._write_internal(
                    {
                        "state": "sent_back",
                        "gate_user_id": self.env.user.id,
                        "gate_time": now,
                    }
                )
                record.message_post(body=note)
            else:
                record._write_internal(
                    {
                        "state": "done",
                        "gate_user_id": self.env.user.id,
                        "gate_time": now,
                    }
                )
                note = self.env._("All quantities match: the goods passed.")
            Log.create(
                {
                    "user_id": self.env.user.id,
                    "site_id": record.site_id.id,
                    "result": "valid",
                    "goods_pass_id": record.id,
                    "holder_name": record.carrier_name,
                    "note": note,
                }
            )
        return True

    def action_gate_refuse(self):
        self._check_guard()
        self._check_state(("confirmed",))
        for record in self:
            if not record.gate_note:
                raise UserError(
                    self.env._("Write why the goods are refused in the remarks.")
                )
        self._write_internal(
            {
                "state": "sent_back",
                "gate_user_id": self.env.user.id,
                "gate_time": fields.Datetime.now(),
            }
        )
        return True

    def _gate_holder_details(self):
        self.ensure_one()
        direction = dict(self._fields["direction"]._description_selection(self.env))[
            self.direction
        ]
        return {
            "holder_name": self.carrier_name,
            "photo": False,
            "reference": f"{direction} {self.name} · {self.tenant_partner_id.name}",
            # in the site's time zone, to the minute (not UTC with seconds)
            "validity": self._report_local_time("valid_until"),
            "site_id": self.site_id.id,
            "items": "\n".join(
                f"{line.name} × {line.quantity:g} {line.uom_name or ''}".strip()
                for line in self.line_ids
            ),
        }
