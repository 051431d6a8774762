"""V09 on paper: every printed form of the visitor addon, rendered as each role that
may print it. Visitors' ID numbers and phones never come out in clear for the front
desk, the guard or a plain site user (masked or absent); a role that may not read the
record cannot print it."""

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.access_matrix import PrintAccessMixin
from odoo.addons.property_base.tests.reports import pdf_text

from .common import ID_OK, VisitorCase

PHONE = "13812345678"
ID_MASKED = "110***********002X"
PHONE_MASKED = "138****5678"
CLEAR = (ID_OK, PHONE)


@tagged("post_install", "-at_install")
class TestReportPrivacy(PrintAccessMixin, HttpCase, VisitorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a plain user of the site (agent, handler...) and the front desk of another
        # site
        cls.site_user = cls._create_user("t_site_user", cls.group_user)
        cls.site_b = cls.env["property.site"].create(
            {"name": "Other Site", "code": "OB", "calendar_id": cls.calendar.id}
        )
        cls.frontdesk_b = cls._create_user("t_frontdesk_b", cls.group_frontdesk)
        cls.supervisor_b = cls._create_user("t_fd_supervisor_b", cls.group_supervisor)
        cls.site.user_ids = [Command.link(cls.site_user.id)]
        cls.site_b.user_ids = [Command.set((cls.frontdesk_b | cls.supervisor_b).ids)]
        personal = {"id_number_masked": ID_OK, "phone_masked": PHONE}
        cls.visit = cls.env["property.visit"].create(cls._visit_vals(cls))
        cls.card = cls.env["property.pass"].create(
            {
                "site_id": cls.site.id,
                "holder_name": "Li Gong",
                "holder_category": "decoration",
                "date_from": "2025-03-03",
                **personal,
            }
        )
        cls.goods = cls.env["property.goods.pass"].create(
            {
                "site_id": cls.site.id,
                "direction": "in",
                "tenant_partner_id": cls.tenant.id,
                "carrier_name": "Zhao Liu",
                "planned_date": "2025-03-03 02:00:00",
                "line_ids": [Command.create({"name": "Printer", "quantity": 1})],
                **personal,
            }
        )
        cls.privileged = cls.supervisor | cls.security

    def _check_report(self, xmlid, records, printers, refused, expected, masked=()):
        """Each printer gets the form with ``expected`` texts and the ``masked``
        values, never a clear value unless privileged; each refused user gets an
        AccessError."""
        self.assertEqual(
            records.sudo().id_number, ID_OK, "the record holds the clear ID"
        )
        for user in printers:
            with self.subTest(report=xmlid, user=user.login):
                html = self._print_html(user, xmlid, records)
                for text in (*expected, *masked):
                    self.assertIn(text, html)
                if user not in self.privileged:
                    for secret in CLEAR:
                        self.assertNotIn(secret, html)
        for user in refused:
            with self.subTest(report=xmlid, user=user.login, refused=True):
                self._assert_print_refused(user, xmlid, records)

    def test_v09_visit_register_masks_id_and_phone_for_every_reader(self):
        self._check_report(
            "property_visitor.report_visit_register",
            self.visit,
            printers=self.frontdesk | self.guard | self.privileged,
            # the register is kept by the front desk and the guards: a plain site user
            # does not read it (V09)
            refused=self.site_user | self.frontdesk_b | self.supervisor_b,
            expected=("Wang Wei",),
            masked=(ID_MASKED, PHONE_MASKED),
        )

    def test_v09_visitor_pass_prints_neither_id_number_nor_phone(self):
        self._check_report(
            "property_visitor.report_visit_pass",
            self.visit,
            printers=self.frontdesk | self.guard | self.privileged,
            refused=self.site_user | self.frontdesk_b | self.supervisor_b,
            expected=("访客通行单", "Wang Wei", self.visit.name, "Delivery"),
        )

    def test_v09_pass_card_prints_no_id_number_for_guard_and_front_desk(self):
        self._check_report(
            "property_visitor.report_pass_card",
            self.card,
            printers=self.frontdesk | self.guard | self.privileged,
            # a plain site user has no right on passes; another site's staff neither
            refused=self.site_user | self.frontdesk_b | self.supervisor_b,
            expected=("Li Gong", self.card.name),
        )

    def test_v09_goods_pass_masks_the_carrier_id_for_guard_and_front_desk(self):
        self._check_report(
            "property_visitor.report_goods_pass",
            self.goods,
            printers=self.frontdesk | self.guard | self.privileged,
            refused=self.site_user | self.frontdesk_b | self.supervisor_b,
            expected=("Zhao Liu", "Printer"),
            masked=(ID_MASKED,),
        )

    def test_v09_goods_pass_pdf_masks_the_carrier_id_for_the_guard(self):
        report = (
            self.env["ir.actions.report"]
            .with_user(self.guard)
            .with_context(force_report_rendering=True)
        )
        pdf, kind = report._render_qweb_pdf(
            "property_visitor.report_goods_pass", self.goods.ids
        )
        self.assertEqual(kind, "pdf")
        text = pdf_text(pdf)
        self.assertIn("Zhao Liu", text)
        self.assertIn(ID_MASKED, text)
        for secret in CLEAR:
            self.assertNotIn(secret, text)
