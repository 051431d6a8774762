"""C22 on paper: every printed form of the complaint addon, rendered as each role that
may print it. The complainant's contacts (phone, email, ID number, contact and its
address) never come out for a department handler, nor in the monthly figures and the
publication to residents (C25: no personal data at all); a role that may not read the
record cannot print it."""

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.access_matrix import PrintAccessMixin
from odoo.addons.property_base.tests.reports import pdf_text

from .common import ComplaintCase

ID_NUMBER = "11010519491231002X"
SECRETS = (
    "+8613800138000",
    "+86 138 0013 8000",
    "138 0013 8000",
    "13800138000",
    "zhang@example.com",
    ID_NUMBER,
    "88 Secret Road",  # the complainant contact's address
)
MONTH = {"month": "2025-03-01"}
PERIOD = {"period_type": "month", "date_from": "2025-03-01"}


@tagged("post_install", "-at_install")
class TestReportConfidentiality(PrintAccessMixin, HttpCase, ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site_b = cls.env["property.site"].create(
            {"name": "Other Site", "code": "OB", "calendar_id": cls.calendar.id}
        )
        cls.agent_b = cls._create_user("t_agent_b", cls.group_agent)
        cls.supervisor_b = cls._create_user("t_supervisor_b", cls.group_supervisor)
        cls.site_b.user_ids = [Command.set((cls.agent_b | cls.supervisor_b).ids)]
        # an employee of the site without any complaint role; the project management
        # and quality centres, members of the site, print its figures
        cls.employee = cls._create_user("t_employee", cls.group_user)
        cls.site.user_ids = [
            Command.link(u.id) for u in (cls.employee, cls.pmc, cls.quality)
        ]
        contact = cls.env["res.partner"].create(
            {"name": "Zhang San", "street": "88 Secret Road", "phone": "13800138000"}
        )
        cls.complaint = cls._new_complaint(
            cls,
            partner_id=contact.id,
            partner_email="zhang@example.com",
            id_number=ID_NUMBER,
            handler_id=cls.handler.id,
            department_id=cls.dep_engineering.id,
            publication_topic="public_area",
            summary="Leak in the lobby",
        )
        cls.callback = cls.env["property.complaint.callback"].create(
            {"complaint_id": cls.complaint.id, "date_due": "2025-03-20"}
        )
        cls.customer_service = (
            cls.agent | cls.supervisor | cls.cs_manager | cls.quality | cls.pmc
        )
        cls.statistics_readers = cls.supervisor | cls.cs_manager | cls.quality | cls.pmc

    def _check_report(
        self, xmlid, records, printers, refused, expected, data=None, hidden=()
    ):
        """Each printer gets the form with the ``expected`` texts, no contact of the
        complainant (nor the ``hidden`` texts); each refused user an AccessError."""
        for user in printers:
            with self.subTest(report=xmlid, user=user.login):
                html = self._print_html(user, xmlid, records, data)
                for text in expected:
                    self.assertIn(text, html)
                for secret in (*SECRETS, *hidden):
                    self.assertNotIn(secret, html)
        for user in refused:
            with self.subTest(report=xmlid, user=user.login, refused=True):
                self._assert_print_refused(user, xmlid, records, data)

    def test_c22_processing_form_carries_no_contact_for_any_printer(self):
        self._check_report(
            "property_complaint.report_complaint_form",
            self.complaint,
            printers=self.customer_service | self.handler,
            refused=self.handler2 | self.agent_b | self.supervisor_b | self.employee,
            expected=(self.complaint.name, "Leak in the lobby"),
        )

    def test_c22_review_form_carries_no_contact_for_any_printer(self):
        self._check_report(
            "property_complaint.report_complaint_review",
            self.complaint,
            printers=self.customer_service | self.handler,
            refused=self.handler2 | self.agent_b | self.employee,
            expected=(self.complaint.name,),
        )

    def test_c22_callback_record_only_for_customer_service(self):
        self._check_report(
            "property_complaint.report_complaint_callback",
            self.callback,
            printers=self.customer_service,
            # the callback is customer service's: not even the complaint's handler
            refused=self.handler | self.handler2 | self.agent_b | self.employee,
            expected=(self.complaint.name,),
        )

    def test_c22_register_carries_no_contact(self):
        self._check_report(
            "property_complaint.report_complaint_register",
            self.complaint,
            data={
                "site_name": self.site.name,
                "date_from": "2025-03-01",
                "date_to": "2025-03-31",
            },
            printers=self.customer_service | self.handler,
            refused=self.handler2 | self.agent_b | self.employee,
            expected=(self.complaint.name, "客户投诉登记表"),
        )

    def test_c26_monthly_report_only_for_the_statistics_readers(self):
        self._check_report(
            "property_complaint.report_complaint_monthly",
            self.site,
            data=MONTH,
            printers=self.statistics_readers,
            # the agent and the handler read no statistics; another site's supervisor
            # does not read this site
            refused=self.agent | self.handler | self.supervisor_b | self.employee,
            expected=("客户投诉/需求信息月报表", self.site.name),
            hidden=("Mr Zhang", "Zhang San"),
        )

    def test_c26_summary_only_for_the_statistics_readers(self):
        self._check_report(
            "property_complaint.report_complaint_summary",
            self.site,
            data=PERIOD,
            printers=self.statistics_readers,
            refused=self.agent | self.handler | self.supervisor_b | self.employee,
            expected=("客户投诉/需求统计汇总表",),
            hidden=("Mr Zhang", "Zhang San"),
        )

    def test_c25_publication_carries_no_personal_data(self):
        self._check_report(
            "property_complaint.report_complaint_publication",
            self.site,
            data=MONTH,
            printers=self.customer_service,
            refused=self.agent_b | self.supervisor_b,
            expected=("Leak in the lobby",),
            hidden=("Mr Zhang", "Zhang San"),
        )

    def test_c22_processing_form_pdf_as_the_handler(self):
        report = (
            self.env["ir.actions.report"]
            .with_user(self.handler)
            .with_context(force_report_rendering=True)
        )
        pdf, kind = report._render_qweb_pdf(
            "property_complaint.report_complaint_form", self.complaint.ids
        )
        self.assertEqual(kind, "pdf")
        text = pdf_text(pdf)
        self.assertIn(self.complaint.name, text)
        self.assertIn("Leak in the lobby", text)
        for secret in SECRETS:
            self.assertNotIn(secret, text)
