from odoo import fields, models


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    kpi_exam = fields.Boolean(
        string="Monthly Skills Exam",
        help="Full marks add the exam bonus and a score under the pass mark the exam "
        "deduction to the employee's monthly assessment (K15).",
    )
