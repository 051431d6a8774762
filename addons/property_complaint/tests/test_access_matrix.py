from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.property_base.tests.access_matrix import AccessMatrixMixin
from odoo.addons.property_base.tests.common import PropertyCase

from .common import ComplaintCase
from .test_confidentiality import CONTACT_FIELDS

P = "property_complaint.group_complaint_"
USER = ("base.group_user", "property_base.group_property_user")
# The roles of the suite as the demo users hold the complaint groups: the front desk
# registers complaints like an agent, the guard handles those dispatched to them.
ROLES = {
    "agent": (*USER, P + "agent"),
    "supervisor": (*USER, P + "supervisor"),
    "cs_manager": (*USER, P + "manager"),
    "pmc": (*USER, P + "pmc"),
    "quality": (*USER, P + "quality"),
    "handler": (*USER, P + "handler"),
    "frontdesk": (*USER, P + "agent"),
    "guard": (*USER, P + "handler"),
    "trainer": USER,
    "employee": USER,
    "site_admin": ("base.group_user", "property_base.group_property_manager"),
}
# row: (model, {role: allowed operations})   r read, w write, c create, u unlink.
# The handler row's complaint is dispatched to the handler; the guard, a handler too,
# has nothing dispatched: they see none of it (nor its dispatch lines, reviews and
# escalations). Deleting what the table allows is still refused by the records'
# own guards (nothing lost, see test_nothing_lost).
MATRIX = {
    "complaint": (
        "property.complaint",
        {
            "agent": "rwc",
            "supervisor": "rwc",
            "cs_manager": "rwc",
            "pmc": "rwc",
            "quality": "rwc",
            "handler": "rw",
            "frontdesk": "rwc",
        },
    ),
    "complaint (other site)": ("property.complaint", {"pmc": "rwc", "quality": "rwc"}),
    "transfer": (
        "property.complaint.transfer",
        {
            "agent": "r",
            "supervisor": "r",
            "cs_manager": "r",
            "pmc": "r",
            "quality": "r",
            "handler": "r",
            "frontdesk": "r",
        },
    ),
    "transfer (other site)": ("property.complaint.transfer", {"pmc": "r", "quality": "r"}),
    "callback": (
        "property.complaint.callback",
        {
            "agent": "rw",
            "supervisor": "rw",
            "cs_manager": "rw",
            "pmc": "rw",
            "quality": "rw",
            "frontdesk": "rw",
        },
    ),
    "callback (other site)": ("property.complaint.callback", {"quality": "rw"}),
    "review": (
        "property.complaint.review",
        {
            "agent": "r",
            "supervisor": "r",
            "cs_manager": "r",
            "pmc": "rwcu",
            "quality": "r",
            "handler": "r",
            "frontdesk": "r",
        },
    ),
    "review (other site)": ("property.complaint.review", {"pmc": "rwcu", "quality": "r"}),
    "escalation": (
        "property.complaint.escalation",
        {
            "agent": "r",
            "supervisor": "r",
            "cs_manager": "r",
            "pmc": "r",
            "quality": "r",
            "handler": "r",
            "frontdesk": "r",
        },
    ),
    "escalation (other site)": ("property.complaint.escalation", {"pmc": "r", "quality": "r"}),
    # another company's records: nobody, whatever their groups (multi-company rules)
    "complaint (other company)": ("property.complaint", {}),
    "transfer (other company)": ("property.complaint.transfer", {}),
    "callback (other company)": ("property.complaint.callback", {}),
    "review (other company)": ("property.complaint.review", {}),
    "escalation (other company)": ("property.complaint.escalation", {}),
    "statistics (other company)": ("property.complaint.statistics", {}),
    "statistics": (
        "property.complaint.statistics",
        {"supervisor": "r", "cs_manager": "r", "pmc": "r", "quality": "r"},
    ),
    "statistics (other site)": ("property.complaint.statistics", {"quality": "r"}),
    "channel": (
        "property.complaint.channel",
        {
            "agent": "r",
            "supervisor": "r",
            "cs_manager": "rwcu",
            "pmc": "r",
            "quality": "r",
            "handler": "r",
            "frontdesk": "r",
            "guard": "r",
        },
    ),
    "category": (
        "property.complaint.category",
        {
            "agent": "r",
            "supervisor": "r",
            "cs_manager": "rwcu",
            "pmc": "r",
            "quality": "r",
            "handler": "r",
            "frontdesk": "r",
            "guard": "r",
        },
    ),
    "stage": (
        "property.complaint.stage",
        {
            "agent": "r",
            "supervisor": "r",
            "cs_manager": "rwcu",
            "pmc": "r",
            "quality": "r",
            "handler": "r",
            "frontdesk": "r",
            "guard": "r",
        },
    ),
    "escalation level": (
        "property.complaint.escalation.level",
        {
            "agent": "r",
            "supervisor": "r",
            "cs_manager": "rwcu",
            "pmc": "r",
            "quality": "r",
            "handler": "r",
            "frontdesk": "r",
            "guard": "r",
        },
    ),
    "satisfaction level": (
        "property.complaint.satisfaction",
        {
            "agent": "r",
            "supervisor": "r",
            "cs_manager": "rwcu",
            "pmc": "r",
            "quality": "r",
            "handler": "r",
            "frontdesk": "r",
            "guard": "r",
        },
    ),
    "dispatch wizard": (
        "property.complaint.dispatch",
        {
            "agent": "rwc",
            "supervisor": "rwc",
            "cs_manager": "rwc",
            "pmc": "rwc",
            "quality": "rwc",
            "handler": "rwc",
            "frontdesk": "rwc",
            "guard": "rwc",
        },
    ),
    "reopen wizard": ("property.complaint.reopen", {"cs_manager": "rwc"}),
    "survey comment wizard": (
        "property.complaint.survey.comment",
        {
            "agent": "rwc",
            "supervisor": "rwc",
            "cs_manager": "rwc",
            "pmc": "rwc",
            "quality": "rwc",
            "frontdesk": "rwc",
        },
    ),
    "register print wizard": (
        "property.complaint.register.print",
        {
            "agent": "rwc",
            "supervisor": "rwc",
            "cs_manager": "rwc",
            "pmc": "rwc",
            "quality": "rwc",
            "frontdesk": "rwc",
        },
    ),
}


@tagged("post_install", "-at_install")
class TestComplaintAccessMatrix(AccessMatrixMixin, PropertyCase):
    ROLES = ROLES
    MATRIX = MATRIX

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site_b = cls.env["property.site"].create(
            {"name": "Other Site", "code": "OB", "calendar_id": cls.calendar.id}
        )
        cls.other_company = cls.env["res.company"].create({"name": "Other Property Co."})
        cls.site_c = cls.env["property.site"].create(
            {
                "name": "Other Company's Site",
                "code": "OC",
                "company_id": cls.other_company.id,
                "calendar_id": cls.calendar.id,
            }
        )
        cls._matrix_setup()

    @classmethod
    def _complaint(cls, site, **vals):
        values = {
            "site_id": site.id,
            "summary": "Water leak",
            "channel_id": cls.env.ref("property_complaint.channel_phone").id,
            "complainant_name": "Mr Zhang",
            "partner_phone": "13800138000",
            "date_received": "2025-03-03 02:00:00",
        }
        values.update(vals)
        with freeze_time("2025-03-03 02:00:00"):
            return cls.env["property.complaint"].create(values)

    @classmethod
    def _matrix_record(cls, row):
        if "complaint" not in cls.__dict__:  # own records: a subclass runs with its own
            handler = cls.matrix_users["handler"]
            cls.complaint = cls._complaint(cls.site, handler_id=handler.id)
            cls.complaint_b = cls._complaint(cls.site_b)
            cls.complaint_c = cls._complaint(cls.site_c)
            level = cls.env.ref("property_complaint.escalation_level_supervisor")
            cls.children = {}
            for key, complaint in (
                ("", cls.complaint),
                (" (other site)", cls.complaint_b),
                (" (other company)", cls.complaint_c),
            ):
                cls.children["transfer" + key] = cls.env["property.complaint.transfer"].create(
                    {"complaint_id": complaint.id, "to_handler_id": handler.id}
                )
                cls.children["callback" + key] = cls.env["property.complaint.callback"].create(
                    {"complaint_id": complaint.id, "date_due": "2025-03-20"}
                )
                cls.children["review" + key] = cls.env["property.complaint.review"].create(
                    {"complaint_id": complaint.id, "solution": "Replace the riser"}
                )
                cls.children["escalation" + key] = cls.env["property.complaint.escalation"].create(
                    {"complaint_id": complaint.id, "level_id": level.id}
                )
                cls.env.flush_all()
                cls.children["statistics" + key] = cls.env["property.complaint.statistics"].search(
                    [("complaint_id", "=", complaint.id)]
                )
        ref = cls.env.ref
        return {
            "complaint": cls.complaint,
            "complaint (other site)": cls.complaint_b,
            "complaint (other company)": cls.complaint_c,
            **cls.children,
            "channel": ref("property_complaint.channel_phone"),
            "category": ref("property_complaint.category_engineering"),
            "stage": cls.env["property.complaint.stage"].search([], limit=1),
            "escalation level": ref("property_complaint.escalation_level_supervisor"),
            "satisfaction level": ref("property_complaint.satisfaction_satisfied"),
        }.get(row) or super()._matrix_record(row)


@tagged("post_install", "-at_install")
class TestComplaintContactFields(ComplaintCase):
    """C22: the complainant's contacts through every way out of the database, as a
    department handler the complaint is dispatched to (refused) and as an agent
    (allowed)."""

    PHONE = "+86 138 0013 8000"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        export = cls.env.ref("base.group_allow_export")
        (cls.handler | cls.agent).groups_id = [Command.link(export.id)]
        cls.complaint = cls._new_complaint(
            cls,
            partner_email="zhang@example.com",
            id_number="11010519491231002X",
            handler_id=cls.handler.id,
            department_id=cls.dep_engineering.id,
        )

    def _as(self, user):
        self.env.invalidate_all()
        return self.complaint.with_user(user)

    def test_c22_contacts_refused_to_the_handler(self):
        complaint = self._as(self.handler)
        self.assertEqual(complaint.read(["summary"])[0]["summary"], "Water leak")
        for fname in CONTACT_FIELDS:
            with self.subTest(field=fname):
                with self.assertRaises(AccessError):
                    self._as(self.handler).read([fname])
                with self.assertRaises(AccessError):
                    self.env["property.complaint"].with_user(self.handler).search_read(
                        [("id", "=", complaint.id)], [fname]
                    )
                with self.assertRaises(AccessError):
                    self._as(self.handler).export_data([fname])
        # everything the handler may read carries no contact
        values = self._as(self.handler).search_read([("id", "=", complaint.id)])[0]
        self.assertNotIn(self.PHONE, str(values))
        self.assertNotIn("zhang@example.com", str(values))

    def test_c22_contacts_given_to_the_agent(self):
        self.assertEqual(
            self._as(self.agent).read(["partner_phone"])[0]["partner_phone"], self.PHONE
        )
        rows = self._as(self.agent).export_data(["partner_phone", "id_number"])["datas"]
        self.assertEqual(rows, [[self.PHONE, "11010519491231002X"]])

    def test_c22_printed_forms_carry_no_contact(self):
        report = self.env["ir.actions.report"]
        for xmlid in ("property_complaint.report_complaint_form",):
            with self.subTest(report=xmlid):
                html = (
                    report.with_user(self.handler)
                    ._render_qweb_html(xmlid, self.complaint.ids)[0]
                    .decode()
                )
                self.assertIn(self.complaint.name, html)
                for secret in (
                    self.PHONE,
                    "13800138000",
                    "zhang@example.com",
                    "11010519491231002X",
                ):
                    self.assertNotIn(secret, html)
