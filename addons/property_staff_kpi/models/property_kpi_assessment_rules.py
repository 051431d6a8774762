from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, models

from odoo.addons.property_base.tools import internal


class PropertyKpiAssessmentRulesMixin(models.AbstractModel):
    """The automatic lines of an assessment: the rules of the scheme (K11, K13, K14),
    the warnings, and the API the other addons add their lines through."""

    _name = "property.kpi.assessment.rules.mixin"
    _description = "Assessment: Rules"

    # ------------------------------------------------------------------ rules
    def _apply_repeat_rule(self):
        """K06: two or more medium or four or more light violations add one automatic
        repeat deduction; it goes away when the violations do."""
        item = (
            self.env["property.kpi.item"]
            .sudo()
            .search([("auto_rule", "=", "repeat")], limit=1)
        )
        if not item:
            return
        lines = self.env["property.kpi.line"].sudo()
        to_create, to_remove = [], lines
        for assessment in self.sudo():
            counted = assessment.line_ids.filtered(
                lambda line: (
                    line.state == "approved"
                    and not line.reversed_line_id
                    and not line.reversed_by_ids
                )
            )
            medium = len(counted.filtered(lambda line: line.kind == "medium"))
            light = len(counted.filtered(lambda line: line.kind == "light"))
            scheme = assessment.scheme_id
            due = (
                medium >= scheme.repeat_medium_count
                or light >= scheme.repeat_light_count
            )
            existing = assessment.line_ids.filtered(
                lambda line, i=item: line.item_id == i
            )
            if due and not existing:
                to_create.append(
                    assessment._automatic_line_vals(
                        item,
                        assessment,
                        reason=assessment.employee_id._property_kpi_env()._(
                            "%(medium)s medium and %(light)s light violations this "
                            "month",
                            medium=medium,
                            light=light,
                        ),
                    )
                )
            elif not due and existing and assessment.state != "confirmed":
                to_remove |= existing
        if to_remove:
            to_remove._property_internal().unlink()
        if to_create:
            internal(lines, self._internal_flag, "kpi_no_rules").create(to_create)

    def _automatic_line_vals(self, item, source, points=None, date=None, reason=None):
        self.ensure_one()
        return {
            "assessment_id": self.id,
            "item_id": item.id,
            "points": item.points_min if points is None else points,
            "date": date or self.date_month,
            "reason": reason or item.name,
            "origin": "automatic",
            "state": "approved",
            "source_ref": f"{source._name},{source.id}",
        }

    def _update_warnings(self):
        """K08: under the warning score, or last of the team two months running under
        the last-place score. Recomputed for the month and the next one."""
        if not self:
            return
        months = set()
        for month in self.mapped("date_month"):
            months |= {
                month - relativedelta(months=1),
                month,
                month + relativedelta(months=1),
            }
        members = self._team_members(months)
        members.flush_recordset(["total_capped"])
        _teams, ranks = self._ranks(members)

        def is_last(assessment):
            team = ranks.get(assessment._team_key(), {})
            return (
                len(team) > 1
                and team.get(assessment.id) == max(team.values())
                and assessment.total_capped < assessment.scheme_id.last_place_score
            )

        by_key = {(m.employee_id.id, m.date_month): m for m in members}
        updates = defaultdict(lambda: self.browse())
        own_months = set(self.mapped("date_month"))
        touched = own_months | {month + relativedelta(months=1) for month in own_months}
        for assessment in members.filtered(lambda a: a.date_month in touched):
            reason = False
            if assessment.total_capped < assessment.scheme_id.warning_score:
                reason = "low"
            else:
                previous = by_key.get(
                    (
                        assessment.employee_id.id,
                        assessment.date_month - relativedelta(months=1),
                    )
                )
                if previous and is_last(assessment) and is_last(previous):
                    reason = "last_place"
            if (assessment.warning, assessment.warning_reason or False) != (
                bool(reason),
                reason,
            ):
                updates[reason] |= assessment
        for reason, records in updates.items():
            records._property_internal().write(
                {"warning": bool(reason), "warning_reason": reason}
            )

    # ------------------------------------------------------------------ API for other
    # addons
    @api.model
    def _get_or_create(self, employees, date):
        """The assessments of ``employees`` for the month of ``date``, created when
        missing."""
        month = date.replace(day=1)
        existing = self.sudo().search(
            [("employee_id", "in", employees.ids), ("date_month", "=", month)]
        )
        missing = employees - existing.employee_id
        created = self.sudo().create(
            [{"employee_id": employee.id, "date_month": month} for employee in missing]
        )
        return existing | created

    @api.model
    def _add_automatic_line(
        self, employee, item, source, date, points=None, reason=None
    ):
        """Add the line of ``item`` caused by ``source`` (any record) to the employee's
        assessment of the month of ``date``; see ``_add_automatic_lines``."""
        return self._add_automatic_lines(
            [
                {
                    "employee": employee,
                    "item": item,
                    "source": source,
                    "date": date,
                    "points": points,
                    "reason": reason,
                }
            ]
        )

    @api.model
    def _add_automatic_lines(self, entries):
        """Add automatic lines in batch. Each entry is a dict with ``employee``,
        ``item``, ``source`` (any record), ``date`` and optional ``points`` and
        ``reason``. A line is created once per source, item and assessment (the month of
        ``date``, created when missing); a confirmed assessment only gets a note in its
        chatter. Returns the lines, existing or new."""
        Line = self.env["property.kpi.line"].sudo()
        if not entries:
            return Line
        by_month = defaultdict(lambda: self.env["hr.employee"])
        for entry in entries:
            by_month[entry["date"].replace(day=1)] |= entry["employee"]
        assessments = self.browse()
        for month, employees in by_month.items():
            assessments |= self._get_or_create(employees, month)
        index = {(a.employee_id.id, a.date_month): a for a in assessments}
        refs = {f"{entry['source']._name},{entry['source'].id}" for entry in entries}
        existing = Line.search(
            [("assessment_id", "in", assessments.ids), ("source_ref", "in", list(refs))]
        )
        known = {
            (line.assessment_id.id, line.item_id.id, line.source_ref): line
            for line in existing
        }
        found, vals_list, skipped = Line, [], defaultdict(list)
        for entry in entries:
            assessment = index[(entry["employee"].id, entry["date"].replace(day=1))]
            key = (assessment.id, entry["item"].id, entry["source"])
            if key in known:
                found |= known[key]
            elif assessment.state == "confirmed":
                skipped[assessment].append(entry["item"].name)
            else:
                known[key] = Line
                vals_list.append(
                    assessment._automatic_line_vals(
                        entry["item"],
                        entry["source"],
                        points=entry.get("points"),
                        date=entry["date"],
                        reason=entry.get("reason"),
                    )
                )
        for assessment, names in skipped.items():
            assessment.message_post(
                body=assessment.employee_id._property_kpi_env()._(
                    "Automatic line %(item)s not added: the assessment is confirmed.",
                    item=", ".join(names),
                )
            )
        return found | Line._property_internal().create(vals_list)

    @api.model
    def _remove_automatic_lines(self, sources):
        """Remove the automatic lines caused by ``sources`` (e.g. a cancelled record)
        from assessments that are not confirmed; a confirmed one only gets a note, a
        manager corrects it."""
        refs = [f"{source._name},{source.id}" for source in sources]
        lines = (
            self.env["property.kpi.line"]
            .sudo()
            .search([("source_ref", "in", refs), ("origin", "=", "automatic")])
        )
        locked = lines.filtered(lambda line: line.assessment_id.state == "confirmed")
        for assessment in locked.assessment_id:
            assessment.message_post(
                body=assessment.employee_id._property_kpi_env()._(
                    "The source of an automatic line was cancelled; the assessment is "
                    "confirmed, a manager may correct it."
                )
            )
        (lines - locked)._property_internal().unlink()
        return lines - locked
