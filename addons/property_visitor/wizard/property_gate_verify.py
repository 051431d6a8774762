import re

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..models.property_gate_log import GATE_RESULTS, GATE_RESULTS_WITH_DETAILS

TOKEN_MODELS = {"P": "property.pass", "G": "property.goods.pass"}
# a printed number (TX26-00010, XW2611-0001…) as typed: letters and digits, the dashes
# and spaces left out
NUMBER_PATTERN = re.compile(r"^[A-Z0-9]{4,32}$")


class PropertyGateVerify(models.TransientModel):
    """The guard's verification screen: type or scan the code of a pass and see its
    live state; every scan is logged."""

    _name = "property.gate.verify"
    _description = "Verify a Pass at the Gate"
    _inherit = ["property.input.mixin"]
    _rec_name = "name"

    token = fields.Char(string="Code")
    name = fields.Char(string="Title", compute="_compute_name")
    number = fields.Char(string="Pass Number", readonly=True)
    result = fields.Selection(GATE_RESULTS, readonly=True)
    result_note = fields.Char(string="Note", readonly=True)
    holder_name = fields.Char(string="Holder", readonly=True)
    photo = fields.Image(readonly=True)
    reference = fields.Char(string="Pass", readonly=True)
    validity = fields.Char(readonly=True)
    items = fields.Text(readonly=True)
    goods_pass_id = fields.Many2one("property.goods.pass", readonly=True)

    @api.depends("number")
    def _compute_name(self):
        # the screen's title (breadcrumb): the pass's number once shown, never
        # "property.gate.verify,12"
        for record in self:
            record.name = record.number or self.env._("Gate check")

    @api.depends("name")
    def _compute_display_name(self):
        for record in self:
            record.display_name = record.name

    @api.model
    def _gate_number_models(self):
        """The models whose printed number (``name``) the guard may type."""
        return ["property.pass", "property.goods.pass"]

    @api.model
    def _normalize_number(self, text):
        return re.sub(r"[\s\-_/]", "", text or "").upper()

    @api.model
    def _find_number(self, text):
        """The pass, goods pass or visit whose printed number is ``text`` (any case,
        with or without its dash): the one of the current user's sites if there is
        one, else the first found elsewhere (only "other_site" then), else None."""
        key = self._normalize_number(text)
        if not NUMBER_PATTERN.match(key):
            return None
        elsewhere = None
        for model in self._gate_number_models():
            Model = self.env[model].sudo().with_context(active_test=False)
            Model.flush_model(["name"])
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM %s WHERE upper(replace(name, '-', '')) = %s ORDER "
                    "BY id",
                    SQL.identifier(Model._table),
                    key,
                )
            )
            for record in Model.browse([row[0] for row in self.env.cr.fetchall()]):
                if record._gate_site_allowed():
                    return record
                elsewhere = elsewhere or record
        return elsewhere

    @api.model
    def _verify_token(self, token):
        """(result, record or None): the live state of the pass behind ``token`` at
        the current user's gate; anything forged, altered or unknown is only
        "invalid", a pass of another site only "other_site"."""
        Mixin = self.env["property.gate.token.mixin"]
        parsed = Mixin._gate_parse(token)
        if not parsed:
            record = self._find_number(token)
            if record is None:
                return "invalid", None
            return record._gate_status(), record
        prefix, key = parsed
        model = TOKEN_MODELS.get(prefix)
        if not model:
            return "invalid", None
        record = self.env[model].sudo().search([("token_key", "=", key)], limit=1)
        if not record:
            return "invalid", None
        return record._gate_status(), record

    def action_verify(self):
        self.ensure_one()
        user = self.env.user
        if not (
            user.has_group("property_visitor.group_visitor_guard")
            or user.has_group("property_visitor.group_visitor_frontdesk")
        ):
            raise AccessError(
                self.env._("Only guards and the front desk verify passes.")
            )
        token = (self.token or "").strip()
        result, record = self._verify_token(token)
        log_vals = {
            "user_id": user.id,
            "result": result,
            "token_fingerprint": self.env["property.gate.log"]._fingerprint(token),
        }
        vals = {
            "result": result,
            "result_note": False,
            "number": False,
            "holder_name": False,
            "photo": False,
            "reference": False,
            "validity": False,
            "items": False,
            "goods_pass_id": False,
        }
        if record:
            details = record._gate_details()
            shown = result in GATE_RESULTS_WITH_DETAILS
            if shown:
                vals.update(
                    {
                        key: details.get(key)
                        for key in (
                            "holder_name",
                            "photo",
                            "reference",
                            "validity",
                            "items",
                        )
                    }
                )
            log_vals.update(
                {
                    "site_id": details["site_id"],
                    "holder_name": details.get("holder_name") or False,
                    "pass_id": record.id if record._name == "property.pass" else False,
                    "goods_pass_id": record.id
                    if record._name == "property.goods.pass"
                    else False,
                }
            )
            if shown:
                vals["number"] = record.name
            if shown and record._name == "property.goods.pass":
                vals["goods_pass_id"] = record.id
        elif token and not self.env["property.gate.token.mixin"]._gate_parse(token):
            # a number typed by hand (or a code mistyped): say what was not found
            vals["result_note"] = self.env._(
                "No pass, goods pass or visit numbered %(number)s at this gate.",
                number=token[:40],
            )
        self.env["property.gate.log"].sudo().create(log_vals)
        self.write(vals)
        return True

    def action_clear(self):
        self.write(
            {
                "token": False,
                "number": False,
                "result": False,
                "result_note": False,
                "holder_name": False,
                "photo": False,
                "reference": False,
                "validity": False,
                "items": False,
                "goods_pass_id": False,
            }
        )
        return True

    def action_open_goods_pass(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.goods.pass",
            "res_id": self.goods_pass_id.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_check_goods(self):
        """Count the goods of the scanned goods pass (the guard's check at the gate)."""
        self.ensure_one()
        if not self.goods_pass_id or self.result != "valid":
            raise UserError(self.env._("Scan a valid goods pass first."))
        return self.goods_pass_id.with_context(
            gate_check_from_verify=True
        ).action_gate_check()
