import datetime

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestSurvey(ComplaintCase):
    def _comment(self, user=None):
        wizard = (
            self.env["property.complaint.survey.comment"]
            .with_user(user or self.agent)
            .create(
                {
                    "site_id": self.site.id,
                    "unit_id": self.unit.id,
                    "complainant_name": "Ms Li",
                    # Friday 7 March 2025, 10:00 Shanghai
                    "date_survey": "2025-03-07 02:00:00",
                    "comment": "The lobby lights stay on all day.\nPlease fix.",
                    "department_id": self.dep_security.id,
                }
            )
        )
        action = wizard.action_confirm()
        return self.env["property.complaint"].browse(action["res_id"])

    def test_c28_survey_comment_becomes_a_routed_demand(self):
        demand = self._comment()
        self.assertEqual(demand.kind, "demand")
        self.assertTrue(demand.is_survey_comment)
        self.assertEqual(demand.department_id, self.dep_security)
        self.assertEqual(
            demand.channel_id, self.env.ref("property_complaint.channel_survey")
        )
        self.assertEqual(demand.summary, "The lobby lights stay on all day.")
        # 2 working days: Tuesday 11 March; 3 more: Friday 14 March (end of day,
        # Shanghai)
        self.assertEqual(
            demand.survey_forward_deadline, datetime.datetime(2025, 3, 11, 15, 59, 59)
        )
        self.assertEqual(
            demand.survey_answer_deadline, datetime.datetime(2025, 3, 14, 15, 59, 59)
        )
        self.assertEqual(demand.survey_callback_deadline, datetime.date(2025, 3, 21))
        # the head of the department is asked for written measures
        activity = demand.activity_ids.filtered(lambda a: a.user_id == self.head)
        self.assertEqual(activity.date_deadline, datetime.date(2025, 3, 14))
        # the callback is due within the 2 weeks
        self._resolve_and_communicate(demand)
        self.assertEqual(demand.callback_ids.date_due, datetime.date(2025, 3, 21))

    def test_c28_deadlines_are_settings(self):
        self.env["property.settings"].create(
            {
                "company_id": self.site.company_id.id,
                "property_complaint_survey_forward_days": 1,
                "property_complaint_survey_answer_days": 2,
                "property_complaint_survey_callback_days": 7,
            }
        )
        settings = self.env["property.settings"].create(
            {"company_id": self.site.company_id.id}
        )
        self.assertEqual(settings.property_complaint_survey_answer_days, 2)
        demand = self._comment()
        # Friday 7 March: 1 working day -> Monday 10; 2 more -> Wednesday 12; 7 days ->
        # 14
        self.assertEqual(
            demand.survey_forward_deadline, datetime.datetime(2025, 3, 10, 15, 59, 59)
        )
        self.assertEqual(
            demand.survey_answer_deadline, datetime.datetime(2025, 3, 12, 15, 59, 59)
        )
        self.assertEqual(demand.survey_callback_deadline, datetime.date(2025, 3, 14))

    def test_c28_refused_for_a_handler(self):
        with self.assertRaises(AccessError):
            self._comment(user=self.handler)
