from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

# the unit of an automation rule's delay, in hours
RANGE_HOURS = {"minutes": 1 / 60, "hour": 1, "day": 24, "month": 24 * 30}


class PropertyComplaintEscalationLevel(models.Model):
    """A step of the escalation ladder (C13).

    Each level is run by an automation rule of its own (Settings > Automation
    Rules): time-based on the complaint's next deadline plus the level's delay, with
    the action "Escalate Complaint" to this level. The rule holds the delay; an
    administrator may change it there or here, add conditions, or add other actions
    and rules (a reminder before the deadline) without code."""

    _name = "property.complaint.escalation.level"
    _description = "Complaint Escalation Level"
    _inherit = ["property.input.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    delay_hours = fields.Integer(
        string="Delay (Hours)",
        compute="_compute_delay_hours",
        inverse="_inverse_delay_hours",
        help="Hours after the missed deadline before the complaint reaches this level "
        "(the delay of the level's automation rule).",
    )
    target = fields.Selection(
        [
            ("supervisor", "Handler's Supervisor"),
            ("site_manager", "Service-Centre Manager"),
            ("pmc", "Project Management Centre (Takes Over)"),
            ("quality", "Quality Centre"),
        ],
        required=True,
        help="Who receives the complaint. The project management centre takes it over "
        "as an escalated complaint (升级投诉) with its own resolution deadline.",
    )
    automation_id = fields.Many2one(
        "base.automation",
        string="Automation Rule",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The automation rule that escalates late complaints to this level.",
    )

    @api.depends("automation_id.trg_date_range", "automation_id.trg_date_range_type")
    def _compute_delay_hours(self):
        for level in self:
            rule = level.sudo().automation_id
            level.delay_hours = round(
                rule.trg_date_range * RANGE_HOURS.get(rule.trg_date_range_type, 1)
            )

    def _inverse_delay_hours(self):
        for level in self:
            if level.delay_hours < 0:
                raise ValidationError(self.env._("The delay cannot be negative."))
        self._ensure_automation()
        for level in self:
            level.automation_id.sudo().write(
                {"trg_date_range": level.delay_hours, "trg_date_range_type": "hour"}
            )

    @api.model_create_multi
    def create(self, vals_list):
        levels = super().create(vals_list)
        levels._ensure_automation()
        return levels

    def write(self, vals):
        result = super().write(vals)
        if "active" in vals:
            self.sudo().automation_id.active = vals["active"]
        if "name" in vals:
            self._sync_automation_names()
        return result

    def unlink(self):
        rules = self.sudo().automation_id
        result = super().unlink()
        rules.unlink()
        return result

    def _automation_name(self):
        return self.env._("Escalate late complaints to: %(level)s", level=self.name)

    def _sync_automation_names(self):
        """The rule and its action are named after the level, in every language of
        the database (the rule is created in the language of whoever creates the
        level, often English at installation)."""
        for lang, __ in self.env["res.lang"].get_installed():
            for level in self.sudo().with_context(lang=lang).filtered("automation_id"):
                rule = level.automation_id
                rule.name = level._automation_name()
                rule.action_server_ids.filtered(
                    lambda a: a.state == "property_escalate"
                ).name = level.env._("Escalate to: %(level)s", level=level.name)

    def _ensure_automation(self, delay_hours=0):
        """Give each level without one its automation rule (``delay_hours`` after
        the complaint's next deadline, on open complaints)."""
        missing = self.filtered(lambda level: not level.sudo().automation_id)
        if not missing:
            return
        Model = self.env["ir.model"]
        model_id = Model._get_id("property.complaint")
        deadline = self.env["ir.model.fields"]._get(
            "property.complaint", "date_deadline_next"
        )
        rules = (
            self.env["base.automation"]
            .sudo()
            .create(
                [
                    {
                        "name": level._automation_name(),
                        "model_id": model_id,
                        "trigger": "on_time",
                        "trigger_field_ids": [Command.set(deadline.ids)],
                        "trg_date_id": deadline.id,
                        "trg_date_range": delay_hours,
                        "trg_date_range_type": "hour",
                        "filter_domain": "[('is_closed', '=', False)]",
                        "active": level.active,
                        "action_server_ids": [
                            Command.create(
                                {
                                    "name": level._automation_name(),
                                    "model_id": model_id,
                                    "usage": "base_automation",
                                    "state": "property_escalate",
                                    "property_escalation_level_id": level.id,
                                }
                            )
                        ],
                    }
                    for level in missing
                ]
            )
        )
        for level, rule in zip(missing, rules, strict=True):
            level.automation_id = rule
        missing._sync_automation_names()
