from odoo import api, fields, models

LEVELS = [
    ("verbal", "Verbal Warning"),
    ("written", "Written Warning (on file)"),
    ("dismissal", "Dismissal Proposed"),
]


class PropertyKpiDiscipline(models.Model):
    """The progressive discipline of an employee (K11): a first violation is a verbal
    warning, a second a written warning kept on file, the next ones propose dismissal."""

    _name = "property.kpi.discipline"
    _description = "Discipline Record"
    _inherit = ["property.input.mixin"]
    _order = "employee_id, sequence_number"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    employee_user_id = fields.Many2one(related="assessment_id.employee_user_id", store=True)
    line_id = fields.Many2one("property.kpi.line", string="Violation", ondelete="set null")
    assessment_id = fields.Many2one("property.kpi.assessment", index=True, ondelete="set null")
    assessor_user_id = fields.Many2one(related="assessment_id.assessor_user_id", store=True)
    approver_user_id = fields.Many2one(related="assessment_id.approver_user_id", store=True)
    date = fields.Date(required=True)
    sequence_number = fields.Integer(string="Violation No.", required=True)
    level = fields.Selection(LEVELS, required=True)
    description = fields.Text()

    @api.model
    def _level_for(self, number):
        if number <= 1:
            return "verbal"
        if number == 2:
            return "written"
        return "dismissal"

    @api.model
    def _record(self, lines):
        counts = dict(
            self._read_group(
                [("employee_id", "in", lines.employee_id.ids)], ["employee_id"], ["__count"]
            )
        )
        counts = {employee.id: count for employee, count in counts.items()}
        vals_list = []
        for line in lines.sorted(lambda line: (line.date, line.id)):
            number = counts.get(line.employee_id.id, 0) + 1
            counts[line.employee_id.id] = number
            vals_list.append(
                {
                    "employee_id": line.employee_id.id,
                    "line_id": line.id,
                    "assessment_id": line.assessment_id.id,
                    "date": line.date,
                    "sequence_number": number,
                    "level": self._level_for(number),
                    "description": f"{line.item_id.name}: {line.reason or ''}",
                }
            )
        records = self.create(vals_list)
        for record in records.filtered(lambda r: r.level == "dismissal"):
            assessment = record.assessment_id
            assessment.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Dismissal proposed after repeated violations"),
                user_id=(assessment.approver_user_id or self.env.user).id,
            )
        return records
