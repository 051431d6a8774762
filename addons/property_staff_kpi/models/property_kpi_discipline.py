from collections import defaultdict

from odoo import api, fields, models

LEVELS = [
    ("verbal", "Verbal Warning"),
    ("written", "Written Warning (on file)"),
    ("dismissal", "Dismissal Proposed"),
]


class PropertyKpiDiscipline(models.Model):
    """The progressive discipline of an employee (K11): a first violation is a verbal
    warning, a second a written warning kept on file, the next ones propose dismissal
    (the levels and how long a light violation counts are the scheme's)."""

    _name = "property.kpi.discipline"
    _rec_name = "employee_id"  # breadcrumbs name the record, not the model (issue #19)
    _description = "Discipline Record"
    _inherit = ["property.input.mixin"]
    _order = "employee_id, sequence_number"

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="cascade"
    )
    employee_user_id = fields.Many2one(
        related="assessment_id.employee_user_id", store=True
    )
    line_id = fields.Many2one(
        "property.kpi.line", string="Violation", ondelete="set null"
    )
    assessment_id = fields.Many2one(
        "property.kpi.assessment", index=True, ondelete="set null"
    )
    assessor_user_id = fields.Many2one(
        related="assessment_id.assessor_user_id", store=True
    )
    approver_user_id = fields.Many2one(
        related="assessment_id.approver_user_id", store=True
    )
    date = fields.Date(required=True)
    kind = fields.Selection(related="line_id.kind", store=True, string="Violation Kind")
    sequence_number = fields.Integer(
        string="Violation No.",
        required=True,
        help="The violations that count on the ladder at its date, this one included.",
    )
    level = fields.Selection(LEVELS, required=True)
    description = fields.Text()
    todo_scheduled = fields.Boolean(
        string="To-do Scheduled",
        readonly=True,
        copy=False,
        help="The approver's to-do of a dismissal proposed is scheduled.",
    )

    @api.model
    def _record(self, lines):
        """One record per violation ``lines``: its number counts the violations of the
        employee that still count at its date under the scheme of its assessment."""
        history = defaultdict(list)
        for record in self.search([("employee_id", "in", lines.employee_id.ids)]):
            history[record.employee_id.id].append((record.date, record.kind))
        vals_list = []
        for line in lines.sorted(lambda line: (line.date, line.id)):
            scheme = line.assessment_id.scheme_id
            past = history[line.employee_id.id]
            number = 1 + sum(
                1
                for day, kind in past
                if scheme._discipline_counts(kind, day, line.date)
            )
            past.append((line.date, line.kind))
            vals_list.append(
                {
                    "employee_id": line.employee_id.id,
                    "line_id": line.id,
                    "assessment_id": line.assessment_id.id,
                    "date": line.date,
                    "sequence_number": number,
                    "level": scheme._discipline_level(number),
                    "description": f"{line.item_id.name}: {line.reason or ''}",
                }
            )
        return self.create(vals_list)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._activity_update()
        return records

    def _activity_update(self):
        """The to-dos of these records, in one place (anchor: hr_holidays'
        ``activity_update``), in batch: one to-do per dismissal proposed, on its
        assessment, for the approver. Each record's to-do is scheduled once
        (``todo_scheduled``): called again, it schedules nothing twice; the
        assessment's next step marks it done (its ``_activity_update``)."""
        todo = self.filtered(
            lambda r: (
                r.level == "dismissal" and r.assessment_id and not r.todo_scheduled
            )
        )
        if not todo:
            return
        # created in batches per approver (an assessment with several dismissals gets
        # one per batch: each batch has distinct assessments)
        batches = {}
        occurrences = {}
        for record in todo:
            assessment = record.assessment_id
            round_ = occurrences[assessment.id] = occurrences.get(assessment.id, -1) + 1
            user = assessment.approver_user_id or self.env.user
            batches.setdefault((round_, user), []).append(assessment.id)
        for (_round, user), assessment_ids in batches.items():
            self.env["property.kpi.assessment"].browse(
                assessment_ids
            ).activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.with_context(lang=user.lang).env._(
                    "Dismissal proposed after repeated violations"
                ),
                user_id=user.id,
            )
        todo.sudo().write({"todo_scheduled": True})
