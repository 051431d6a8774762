"""Time-based automation rules that stay batched on large models.

Odoo checks a time-based rule by reading every record its filter matches and
comparing each one's date in Python, then runs the rule's actions once per
record. On a model that declares ``_property_automation_windowed = True`` the
suite does the same work in SQL and in batches:

* the records due are searched with the rule's window as a domain
  (``date + delay`` in ``[last run, now)``, as Odoo defines it), so the cost
  follows the records due, not the records open;
* an action may declare a *catch-up* domain (``_property_catch_up_domain``):
  then every record past its date that the domain still selects is due, so a
  record missed by an earlier run (a changed delay, a stopped scheduler) is
  caught up, and the domain keeps it from being done twice;
* an action of a batched type (``_property_batched_states``) is run once for all
  the records of a chunk (``_property_run_batch``) instead of once per record.
  Other actions (an e-mail, an activity, Python code an administrator wrote) run
  per record, as Odoo runs them.
"""

import datetime
import logging

from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools.safe_eval import safe_eval

from odoo.addons.base_automation.models.base_automation import (
    DATE_RANGE_FUNCTION,
    TIME_TRIGGERS,
)

_logger = logging.getLogger(__name__)

CHUNK = 1000


class AutomationBatch:
    """The batched actions' runs collected during one ``_process``:
    {action id: [record ids]}. Only server code makes one; a context a client sends
    is JSON and cannot hold it, so an action that finds none runs at once."""

    __slots__ = ("runs",)

    def __init__(self):
        self.runs = {}


class HandledAutomations(frozenset):
    """The time-based rules the suite has checked already in this scheduler run."""


class BaseAutomation(models.Model):
    _inherit = "base.automation"

    @api.model
    def _property_windowed_models(self):
        return [
            name
            for name in self.env.registry
            if getattr(self.env.registry[name], "_property_automation_windowed", False)
        ]

    @api.model
    def _property_time_rules(self, model_names=None):
        names = self._property_windowed_models()
        if model_names is not None:
            names = [name for name in names if name in model_names]
        if not names:
            return self.browse()
        return self.with_context(active_test=True).search(
            [("trigger", "in", TIME_TRIGGERS), ("model_id.model", "in", names)],
            order="id",
        )

    @api.model
    def _check(self, automatic=False, use_new_cursor=False):
        rules = self._property_time_rules()
        for rule in rules:
            rule._property_check_windowed(automatic=automatic)
        if rules:
            self = self.with_context(
                property_automation_handled=HandledAutomations(rules.ids)
            )
        return super()._check(automatic=automatic, use_new_cursor=use_new_cursor)

    @api.model
    def _search(self, domain, *args, **kwargs):
        handled = self.env.context.get("property_automation_handled")
        if isinstance(handled, HandledAutomations) and handled:
            domain = expression.AND([domain, [("id", "not in", sorted(handled))]])
        return super()._search(domain, *args, **kwargs)

    @api.model
    def _get_cron_interval(self, automations=None):
        # Odoo leaves a rule with no delay out of the frequency (4 hours); a late
        # complaint must not wait that long
        interval = super()._get_cron_interval(automations)
        if self._property_time_rules():
            interval = min(interval, 15)
        return interval

    def _property_due_domain(self, now):
        """The records this time-based rule is due on at ``now``, as a domain."""
        self.ensure_one()
        rule = self.sudo()
        field = rule.trg_date_id.name
        last_run = rule.last_run or datetime.datetime.fromtimestamp(0, tz=None)
        if rule.trg_date_calendar_id and rule.trg_date_range_type == "day":
            start = rule.trg_date_calendar_id.plan_days(
                -rule.trg_date_range, last_run, compute_leaves=True
            )
            end = rule.trg_date_calendar_id.plan_days(
                -rule.trg_date_range, now, compute_leaves=True
            )
        else:
            delta = DATE_RANGE_FUNCTION[rule.trg_date_range_type](rule.trg_date_range)
            start, end = last_run - delta, now - delta
        catch_up = rule.action_server_ids._property_catch_up_domain()
        if catch_up is not None:
            window = [(field, "<", end), *catch_up]
        else:
            window = [(field, ">=", start), (field, "<", end)]
        if rule.trg_date_id.ttype == "date":
            window = [
                (
                    name,
                    op,
                    value.date() if isinstance(value, datetime.datetime) else value,
                )
                if name == field
                else (name, op, value)
                for name, op, value in window
            ]
        domain = (
            safe_eval(rule.filter_domain, self._get_eval_context())
            if rule.filter_domain
            else []
        )
        return expression.AND([domain, window])

    def _property_check_windowed(self, automatic=False, chunk=CHUNK):
        """Check this time-based rule the batched way: one search for the records
        due, processed in chunks; run by the scheduler, a chunk that fails is rolled
        back and logged, and the others go on (Odoo's scheduler commits the run)."""
        self.ensure_one()
        now = fields.Datetime.now()
        records = self.env[self.model_name].search(
            self._property_due_domain(now), order="id"
        )
        _logger.info(
            "Time-based automation rule `%s`: %s record(s) due.",
            self.name,
            len(records),
        )
        for start in range(0, len(records), chunk):
            batch = records[start : start + chunk]
            try:
                with self.env.cr.savepoint():
                    self._process(batch)
            except Exception:
                if not automatic:
                    raise
                _logger.exception("Automation rule `%s` failed on a batch.", self.name)
        self.write({"last_run": now})
        return records

    def _process(self, records, domain_post=None):
        batch = AutomationBatch()
        result = super(
            BaseAutomation, self.with_context(property_automation_batch=batch)
        )._process(records, domain_post=domain_post)
        Actions = self.env["ir.actions.server"].sudo()
        for action_id, ids in batch.runs.items():
            action = Actions.browse(action_id)
            action.with_context(
                active_model=action.model_id.model,
                active_ids=ids,
                domain_post=domain_post,
            )._property_run_batch(
                self.env[action.model_id.model].sudo().browse(dict.fromkeys(ids))
            )
        return result
