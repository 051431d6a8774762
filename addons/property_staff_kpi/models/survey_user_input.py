from odoo import fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    def _mark_done(self):
        res = super()._mark_done()
        self._kpi_apply_exam_result()
        self._kpi_exam_schedules()._activity_update()
        return res

    def _kpi_exam_schedules(self):
        """K15: the schedules of the monthly exams these answers finish (their
        reminders close for whoever sat the exam)."""
        exams = self.sudo().filtered(
            lambda i: i.survey_id.kpi_exam and not i.test_entry
        )
        if not exams:
            return self.env["property.kpi.exam.schedule"]
        months = {
            fields.Date.to_date(i.end_datetime or fields.Datetime.now()).replace(day=1)
            for i in exams
        }
        return (
            self.env["property.kpi.exam.schedule"]
            .sudo()
            .search(
                [
                    ("survey_id", "in", exams.survey_id.ids),
                    ("date_month", "in", list(months)),
                ]
            )
        )

    def _kpi_apply_exam_result(self):
        """K15: full marks of the monthly skills exam add the K02 bonus, a score under
        the scheme's pass mark the K04 deduction, once per answer."""
        exams = self.sudo().filtered(
            lambda i: (
                i.survey_id.kpi_exam
                and i.survey_id.scoring_type != "no_scoring"
                and not i.test_entry
                and i.partner_id
            )
        )
        if not exams:
            return
        items = (
            self.env["property.kpi.item"]
            .sudo()
            .search([("auto_rule", "in", ["exam_full", "exam_fail"])])
        )
        item_full = items.filtered(lambda i: i.auto_rule == "exam_full")[:1]
        item_fail = items.filtered(lambda i: i.auto_rule == "exam_fail")[:1]
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    "|",
                    ("user_id.partner_id", "in", exams.partner_id.ids),
                    ("work_contact_id", "in", exams.partner_id.ids),
                ]
            )
        )
        assessments = self.env["property.kpi.assessment"].sudo()
        schemes = self.env["property.kpi.scheme"].sudo()
        entries, scheme_of = [], {}
        for answer in exams:
            employee = employees.filtered(
                lambda e, p=answer.partner_id: (
                    p in (e.user_id.partner_id | e.work_contact_id)
                )
            )[:1]
            if not employee:
                continue
            when = answer.end_datetime or fields.Datetime.now()
            site_key = (employee.property_site_id, employee.company_id)
            if site_key not in scheme_of:
                scheme_of[site_key] = schemes._for_site(*site_key)
            scheme = scheme_of[site_key]
            score = answer.scoring_percentage
            if score >= 100 and item_full:
                item = item_full
            elif score < scheme.exam_fail_score and item_fail:
                item = item_fail
            else:
                continue
            entries.append(
                {
                    "employee": employee,
                    "item": item,
                    "source": answer,
                    "date": fields.Date.context_today(answer, when),
                    "reason": employee._property_kpi_env()._(
                        "Skills exam %(exam)s: %(score)s%%",
                        exam=answer.survey_id.title,
                        score=round(score, 2),
                    ),
                }
            )
        assessments._add_automatic_lines(entries)
