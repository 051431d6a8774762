from collections import defaultdict

from odoo import api, models
from odoo.tools.misc import format_date

from odoo.addons.property_base.tools import internal


class PropertyAttendanceVerdictLedgerMixin(models.AbstractModel):
    """The automatic assessment lines of the verdicts (K13): late arrivals and early
    leaves scored by the employee's scheme, time away from the post, absenteeism."""

    _name = "property.attendance.verdict.ledger.mixin"
    _description = "Attendance Verdict: Ledger"

    @api.model
    def _kpi_items(self):
        Item = self.env["property.kpi.item"]
        xmlids = {
            "late": "property_staff_kpi.item_k03_late",
            "away": "property_staff_kpi.item_k03_left_post",
            "absent": "property_staff_kpi.item_k05_absenteeism",
        }
        return {
            key: (self.env.ref(xmlid, raise_if_not_found=False) or Item).sudo()
            for key, xmlid in xmlids.items()
        }

    def _due_lines(self, items, settings, scheme=None):
        """The automatic lines this verdict calls for: {item: (points, reason)}.
        ``scheme`` is the employee's (read once per pass by ``_sync_kpi_lines``)."""
        self.ensure_one()
        due = {}
        minutes = max(self.late_minutes, self.early_minutes)
        if not (
            (self.status == "absent" and items["absent"])
            or (minutes and items["late"])
            or (self.away_minutes > settings["away"] and items["away"])
        ):
            return due  # most days: nothing to write, nothing to word
        # written in the employee's language, the date as that language writes it
        env = self.employee_id._property_kpi_env()
        day = format_date(env, self.date)
        if self.status == "absent" and items["absent"]:
            due[items["absent"]] = (
                items["absent"].points_min,
                env._("Absent on %(date)s without approved leave (A03)", date=day),
            )
        if minutes and items["late"]:
            if scheme is None:
                scheme = self.env["property.kpi.scheme"]._for_employee(self.employee_id)
            points = scheme._late_points(minutes, items["late"])
            reason = env._(
                "%(date)s: late %(late)s min, left early %(early)s min (A01)",
                date=day,
                late=self.late_minutes,
                early=self.early_minutes,
            )
            if self.late_minutes >= settings["threshold"]:
                reason += " " + env._("- disciplinary violation (A10)")
            due[items["late"]] = (points, reason)
        if self.away_minutes > settings["away"] and items["away"]:
            reason = env._(
                "%(date)s: away from the post %(away)s min (A02)",
                date=day,
                away=self.away_minutes,
            )
            if self.away_minutes >= settings["threshold"]:
                reason += " " + env._("- disciplinary violation (A10)")
            due[items["away"]] = (items["away"].points_min, reason)
        return due

    def _sync_kpi_lines(self):
        """K13: add, update or remove the automatic assessment lines of these verdicts.
        Each line is keyed on verdict + item + assessment, so a second or concurrent
        run changes nothing; a corrected verdict updates its lines until the month is
        confirmed."""
        if not self:
            return
        items = self._kpi_items()
        Line = self.env["property.kpi.line"].sudo()
        refs = [f"{self._name},{verdict.id}" for verdict in self]
        existing = Line.search(
            [("source_ref", "in", refs), ("origin", "=", "automatic")]
        )
        by_key = {(line.source_ref.id, line.item_id.id): line for line in existing}
        # each employee's scheme and each company's rules read once for the batch
        schemes = self.env["property.kpi.scheme"]._for_employees(self.employee_id)
        settings = {company: self._settings(company) for company in self.company_id}
        # A02: a day with an "away" spot check has the check's away line, not the
        # verdict's (one violation, one line; property.kpi.spot.check)
        spotted = self.env["property.kpi.spot.check"]._away_days(
            self.employee_id, min(self.mapped("date")), max(self.mapped("date"))
        )
        entries, to_remove, kept = [], Line, set()
        updates = defaultdict(lambda: Line)
        for verdict in self:
            due = verdict._due_lines(
                items,
                settings.get(verdict.company_id) or verdict._settings(),
                schemes[verdict.employee_id.id],
            )
            if (verdict.employee_id.id, verdict.date) in spotted:
                due.pop(items["away"], None)
            for item, (points, reason) in due.items():
                line = by_key.get((verdict.id, item.id))
                kept.add((verdict.id, item.id))
                if not line:
                    entries.append(
                        {
                            "employee": verdict.employee_id,
                            "item": item,
                            "source": verdict,
                            "date": verdict.date,
                            "points": points,
                            "reason": reason,
                        }
                    )
                elif line.assessment_id.state != "confirmed" and (
                    line.points != points or line.reason != reason
                ):
                    updates[(points, reason)] |= line
        if updates:
            # one write per distinct values, the rules (K06, K08, K11) once after all
            for (points, reason), lines in updates.items():
                internal(lines, Line._internal_flag, "kpi_no_rules").write(
                    {"points": points, "reason": reason}
                )
            Line.union(*updates.values())._after_change()
        for key, line in by_key.items():
            if key not in kept and line.assessment_id.state != "confirmed":
                to_remove |= line
        if to_remove:
            to_remove._property_internal().unlink()
        self.env["property.kpi.assessment"]._add_automatic_lines(entries)
