from datetime import timedelta

from odoo import api, fields, models


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
        help="升级投诉: taken over by the project management centre, with its own deadline.",
    )
    date_escalated = fields.Datetime(
        string="Taken Over On", readonly=True, copy=False, tracking=True
    )
    escalation_ids = fields.One2many(
        "property.complaint.escalation", "complaint_id", string="Escalations", readonly=True
    )

    # ------------------------------------------------------------------
    # Escalation (C13)
    # ------------------------------------------------------------------
    @api.model
    def _escalation_domain(self, level, now):
        """Open complaints past their next deadline by the delay of ``level`` and not
        escalated to that level yet."""
        return [
            ("is_closed", "=", False),
            ("date_deadline_next", "<", now - timedelta(hours=level.delay_hours)),
            ("escalation_ids", "not any", [("level_id", "=", level.id)]),
        ]

    @api.model
    def _cron_escalate(self, batch_size=500):
        """C13: escalate the late complaints one level at a time, in batches. A level
        is reached once per complaint: the unique log line decides, so the cron is safe
        to run twice or concurrently."""
        now = fields.Datetime.now()
        levels = self.env["property.complaint.escalation.level"].search([("target", "!=", False)])
        escalated = self.browse()
        for level in levels:
            while True:
                ids = self.search(
                    self._escalation_domain(level, now), limit=batch_size, order="id"
                ).ids
                if not ids:
                    break
                done = self.browse(ids)._escalate(level)
                escalated |= done
                if len(ids) < batch_size:
                    break
                if not self.env.registry.in_test_mode() and not self.env.context.get(
                    "property_complaint_no_commit"
                ):
                    self.env.cr.commit()  # pylint: disable=invalid-commit
        return escalated

    def _escalate(self, level):
        """Escalate these complaints to ``level``; returns those actually escalated by
        this call (a concurrent run may have taken the others)."""
        if not self:
            return self
        self.env.cr.execute(
            """
            INSERT INTO property_complaint_escalation
                (complaint_id, site_id, level_id, date, create_uid, write_uid, create_date,
                 write_date)
            SELECT c.id, c.site_id, %(level)s, %(now)s, %(uid)s, %(uid)s, %(now)s, %(now)s
              FROM property_complaint c
             WHERE c.id = ANY(%(ids)s)
            ON CONFLICT (complaint_id, level_id) DO NOTHING
            RETURNING complaint_id, id
            """,
            {"level": level.id, "now": fields.Datetime.now(), "uid": self.env.uid, "ids": self.ids},
        )
        rows = self.env.cr.fetchall()
        if not rows:
            return self.browse()
        complaints = self.browse([row[0] for row in rows])
        logs = self.env["property.complaint.escalation"].browse([row[1] for row in rows])
        self.env["property.complaint.escalation"].invalidate_model()
        self.invalidate_model(["escalation_ids"])
        owners = complaints._escalation_owners(level)
        activity_type = self.env.ref("property_complaint.mail_activity_type_complaint_escalation")
        activity_vals = []
        bodies = {}
        followers = {}
        for complaint in complaints:
            owner = owners.get(complaint.id) or self.env["res.users"]
            if owner:
                activity_vals.append(
                    complaint._activity_vals(
                        activity_type,
                        owner,
                        self.env._(
                            "Escalated complaint %(number)s: %(level)s",
                            number=complaint.name,
                            level=level.name,
                        ),
                        complaint.summary,
                    )
                )
                followers.setdefault(owner.partner_id.id, []).append(complaint.id)
            bodies[complaint.id] = self.env._(
                "Escalated to %(level)s: %(owner)s (deadline %(deadline)s passed).",
                level=level.name,
                owner=owner.name or self.env._("nobody found"),
                deadline=complaint.date_deadline_next,
            )
        logs_by_owner = {}
        for complaint_id, log_id in rows:
            owner = owners.get(complaint_id)
            if owner:
                logs_by_owner.setdefault(owner, []).append(log_id)
        for owner, log_ids in logs_by_owner.items():
            logs.browse(log_ids).write({"user_id": owner.id})
        if activity_vals:
            self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
                activity_vals
            )
        for partner_id, complaint_ids in followers.items():
            self.browse(complaint_ids).message_subscribe(partner_ids=[partner_id])
        complaints._message_log_batch(bodies=bodies)
        if level.target == "pmc":
            takeover = complaints.filtered(lambda c: not c.is_escalated)
            for owner, group in takeover.grouped(lambda c: owners.get(c.id)).items():
                vals = {"is_escalated": True, "date_escalated": fields.Datetime.now()}
                if owner:
                    vals["responsible_user_id"] = owner.id
                group._write_action(vals)
        return complaints

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
