from odoo import api, fields, models

from .activity import HANDLING_STATES


class PropertyComplaintEscalationMixin(models.AbstractModel):
    """Escalation of late complaints up the ladder (C13)."""

    _name = "property.complaint.escalation.mixin"
    _description = "Complaint: Escalation"

    # ------------------------------------------------------------------
    # Escalation (C13)
    # ------------------------------------------------------------------
    is_escalated = fields.Boolean(
        string="Escalated Complaint",
        readonly=True,
        copy=False,
        tracking=True,
        help="升级投诉: taken over by the project management centre, with its own "
        "deadline.",
    )
    date_escalated = fields.Datetime(
        string="Taken Over On", readonly=True, copy=False, tracking=True
    )
    escalation_ids = fields.One2many(
        "property.complaint.escalation",
        "complaint_id",
        string="Escalations",
        readonly=True,
    )

    # ------------------------------------------------------------------
    # Escalation (C13)
    # ------------------------------------------------------------------
    @api.model
    def _escalation_pending_domain(self, level):
        """Open complaints not escalated to ``level`` yet: the records an escalation
        rule still has to do once it is due (its date and delay are the rule's)."""
        return [
            ("is_closed", "=", False),
            ("escalation_ids", "not any", [("level_id", "=", level.id)]),
        ]

    @api.model
    def _cron_escalate(self, batch_size=1000):
        """C13: run the complaints' time-based automation rules now, as the
        automation scheduler does (Settings > Automation Rules: one rule per level of
        the ladder, on the next deadline plus the level's delay, and any rule an
        administrator added), ``batch_size`` records at a time. Returns the complaints
        escalated by this run."""
        Log = self.env["property.complaint.escalation"].sudo()
        last = Log.search([], order="id desc", limit=1).id or 0
        Rules = self.env["base.automation"].sudo()
        for rule in Rules._property_time_rules([self._name]):
            rule._property_check_windowed(chunk=batch_size)
        return Log.search([("id", ">", last)]).complaint_id.with_env(self.env)

    def _escalate(self, level, now=None):
        """Escalate these complaints to ``level``, in batch: one INSERT of the log
        lines, then the to-dos carrying the note (one create of the activities,
        which also makes each new owner a follower, see ``_activity_update``); a
        chatter note for those that get no to-do. Returns the complaints
        escalated."""
        if not self:
            return self
        now = now or fields.Datetime.now()
        complaints = self
        # Two runs at once would both create the same log lines (the unique one per
        # complaint and level stops the later with an error). Both touch the level
        # first: the later waits, then gets a serialisation failure and is run again,
        # as Odoo does, when it sees the earlier one's escalations.
        self.env.cr.execute(
            "UPDATE property_complaint_escalation_level SET write_date = write_date "
            "WHERE id = %s",
            [level.id],
        )
        owners = complaints._escalation_owners(level)
        complaints._escalation_log(level, owners, now)
        # the note rides on the new owner's to-do (``_activity_wanted``), which the
        # chatter shows and keeps once done; a complaint that gets no to-do (no owner
        # found, or no longer in handling) has it in its history instead
        unowned = complaints.filtered(
            lambda c: not owners.get(c.id) or c.state not in HANDLING_STATES
        )
        if unowned:
            notes = unowned.escalation_ids.filtered(
                lambda e: e.level_id == level
            )._escalation_notes()
            unowned._message_log_batch(
                bodies={line.complaint_id.id: note for line, note in notes.items()}
            )
        if level.target == "pmc":
            takeover = complaints.filtered(lambda c: not c.is_escalated)
            for owner, group in takeover.grouped(lambda c: owners.get(c.id)).items():
                vals = {"is_escalated": True, "date_escalated": now}
                if owner:
                    vals["responsible_user_id"] = owner.id
                group._write_action(vals)
        # the new owner's to-do; the previous level's is done
        complaints._activity_update()
        return complaints

    def _escalation_log(self, level, owners, now):
        """The log lines of these complaints' escalation to ``level``, in one INSERT.
        They are the server's record (read-only, written by nothing else, no hook of
        the ORM's create to run): the ORM would spend a sixth of the escalation's
        time on the values of each line."""
        self.env.cr.execute(
            """
            INSERT INTO property_complaint_escalation
                (complaint_id, site_id, deadline, user_id, level_id, date,
                 create_uid, create_date, write_uid, write_date)
            SELECT line.complaint_id, line.site_id, line.deadline, line.user_id,
                   %(level)s, %(now)s, %(uid)s, %(now)s, %(uid)s, %(now)s
              FROM unnest(%(complaints)s::int[], %(sites)s::int[],
                          %(deadlines)s::timestamp[], %(users)s::int[])
                AS line(complaint_id, site_id, deadline, user_id)
            """,
            {
                "level": level.id,
                "now": now,
                "uid": self.env.uid,
                "complaints": self.ids,
                "sites": [complaint.site_id.id for complaint in self],
                "deadlines": [
                    complaint.date_deadline_next or None for complaint in self
                ],
                "users": [owners[c.id].id if owners.get(c.id) else None for c in self],
            },
        )
        self.invalidate_recordset(["escalation_ids"])

    def _escalation_owners(self, level):
        """The new owner of each complaint for ``level``: {complaint id: user}."""
        Users = self.env["res.users"]
        result = {}
        if level.target in ("pmc", "quality"):
            group = self.env.ref(
                "property_complaint.group_complaint_pmc"
                if level.target == "pmc"
                else "property_complaint.group_complaint_quality"
            )
            by_company = {}
            for company_id, ids in self._read_group(
                [("id", "in", self.ids)], ["company_id"], ["id:array_agg"]
            ):
                if company_id not in by_company:
                    by_company[company_id] = group.users.filtered(
                        lambda u, c=company_id: c in u.company_ids and not u.share
                    )[:1]
                for complaint_id in ids:
                    result[complaint_id] = by_company[company_id]
            if level.target == "quality":
                for site, ids in self._read_group(
                    [("id", "in", self.ids)], ["site_id"], ["id:array_agg"]
                ):
                    if site.quality_user_ids:
                        for complaint_id in ids:
                            result[complaint_id] = site.quality_user_ids[:1]
            return result
        for site, handler, ids in self._read_group(
            [("id", "in", self.ids)], ["site_id", "handler_id"], ["id:array_agg"]
        ):
            if level.target == "site_manager":
                owner = site.manager_id
            else:
                supervisor = handler.employee_ids[:1].parent_id.user_id
                owner = supervisor if supervisor else site.supervisor_ids[:1]
            for complaint_id in ids:
                result[complaint_id] = owner or Users
        return result
