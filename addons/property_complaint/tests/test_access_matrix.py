from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.property_base.tests.access_matrix import (
    AccessMatrixMixin,
    IntegrityPathsMixin,
    same_for,
    suite_roles,
)
from odoo.addons.property_base.tests.common import PropertyCase

from .common import ComplaintCase
from .test_confidentiality import CONTACT_FIELDS

# The roles of the suite as the demo users hold the complaint groups: the front desk
# registers complaints like an agent, the guard handles those dispatched to them.
ROLES = suite_roles(
    "property_complaint.group_complaint_",
    {
        "agent": "agent",
        "supervisor": "supervisor",
        "cs_manager": "manager",
        "pmc": "pmc",
        "quality": "quality",
        "handler": "handler",
        "frontdesk": "agent",
        "guard": "handler",
    },
)
# customer service (the contacts' readers), and everybody with a complaint role
CS = "agent supervisor cs_manager pmc quality frontdesk"
ALL = CS + " handler guard"
# row: (model, {role: allowed operations})   r read, w write, c create, u unlink.
# The handler row's complaint is dispatched to the handler; the guard, a handler too,
# has nothing dispatched: they see none of it (nor its dispatch lines, reviews and
# escalations). Deleting what the table allows is still refused by the records'
# own guards (nothing lost, see test_nothing_lost).
MATRIX = {
    "complaint": ("property.complaint", same_for("rwc", CS, handler="rw")),
    "complaint (other site)": ("property.complaint", {"pmc": "rwc", "quality": "rwc"}),
    "transfer": ("property.complaint.transfer", same_for("r", CS + " handler")),
    "transfer (other site)": (
        "property.complaint.transfer",
        {"pmc": "r", "quality": "r"},
    ),
    "callback": ("property.complaint.callback", same_for("rw", CS)),
    "callback (other site)": ("property.complaint.callback", {"quality": "rw"}),
    "review": ("property.complaint.review", same_for("r", CS + " handler", pmc="rwcu")),
    "review (other site)": (
        "property.complaint.review",
        {"pmc": "rwcu", "quality": "r"},
    ),
    "escalation": ("property.complaint.escalation", same_for("r", CS + " handler")),
    # the hotline's calls (C23): callers' numbers, for customer service only
    "hotline call": ("property.complaint.call", same_for("rwc", CS)),
    "escalation (other site)": (
        "property.complaint.escalation",
        {"pmc": "r", "quality": "r"},
    ),
    # C22: the complainant's partner is read by customer service (and the site
    # administrators), not by the handlers, the guards or the other roles
    "complainant's partner": ("res.partner", same_for("r", CS, site_admin="r")),
    # another company's records: nobody, whatever their groups (multi-company rules)
    "complaint (other company)": ("property.complaint", {}),
    "transfer (other company)": ("property.complaint.transfer", {}),
    "callback (other company)": ("property.complaint.callback", {}),
    "review (other company)": ("property.complaint.review", {}),
    "escalation (other company)": ("property.complaint.escalation", {}),
    "statistics (other company)": ("property.complaint.statistics", {}),
    "statistics": (
        "property.complaint.statistics",
        same_for("r", "supervisor cs_manager pmc quality"),
    ),
    "statistics (other site)": ("property.complaint.statistics", {"quality": "r"}),
    # the catalogues: read by every complaint role, kept by the service-centre manager
    "channel": ("property.complaint.channel", same_for("r", ALL, cs_manager="rwcu")),
    "category": ("property.complaint.category", same_for("r", ALL, cs_manager="rwcu")),
    "stage": ("property.complaint.stage", same_for("r", ALL, cs_manager="rwcu")),
    "escalation level": (
        "property.complaint.escalation.level",
        same_for("r", ALL, cs_manager="rwcu"),
    ),
    "satisfaction level": (
        "property.complaint.satisfaction",
        same_for("r", ALL, cs_manager="rwcu"),
    ),
    "dispatch wizard": ("property.complaint.dispatch", same_for("rwc", ALL)),
    "reopen wizard": ("property.complaint.reopen", {"cs_manager": "rwc"}),
    "survey comment wizard": ("property.complaint.survey.comment", same_for("rwc", CS)),
    "register print wizard": ("property.complaint.register.print", same_for("rwc", CS)),
}

# row: (path, payload), refused to every role (see IntegrityPathsMixin): the fields the
# actions own, on create as on write; a closed complaint, its files and callbacks;
# records kept and open ones never archived
REGISTRATION = {
    "summary": "Water leak",
    "complainant_name": "Mr Zhang",
    "date_received": "2025-03-03 02:00:00",
}
PATHS = {
    "complaint created closed": ("create", dict(REGISTRATION, stage_id="closed")),
    "complaint created valid": ("create", dict(REGISTRATION, validity="valid")),
    "complaint created escalated": ("create", dict(REGISTRATION, is_escalated=True)),
    "complaint created with extra days": (
        "create",
        dict(REGISTRATION, resolution_extra_days=9),
    ),
    "complaint created as a second one": (
        "create",
        dict(REGISTRATION, parent_complaint_id=0),
    ),
    "complaint verdict written": ("write", {"validity": "valid"}),
    "complaint deadline written": (
        "write",
        {"date_deadline_resolution": "2030-01-01 00:00:00"},
    ),
    "complaint deleted": ("unlink", None),
    "open complaint archived": ("archive", None),
    "closed complaint edited": ("write", {"summary": "Rewritten"}),
    "closed complaint file added": ("attach", None),
    "closed complaint file removed": ("detach", None),
    "closed complaint's callback edited": ("write", {"comments": "Rewritten"}),
    "callback state written": ("write", {"state": "done"}),
    "callback deleted": ("unlink", None),
}


@tagged("post_install", "-at_install")
class TestComplaintAccessMatrix(IntegrityPathsMixin, AccessMatrixMixin, PropertyCase):
    ROLES = ROLES
    MATRIX = MATRIX
    PATHS = PATHS

    @classmethod
    def _paths_record(cls, row):
        if "closed" not in cls.__dict__:  # own records: a subclass runs with its own
            cls.closed = cls._complaint(cls.site)
            closed_stage = cls.env.ref("property_complaint.stage_closed")
            cls.closed_callback = cls.env["property.complaint.callback"].create(
                {
                    "complaint_id": cls.closed.id,
                    "date_due": "2025-03-20",
                    "comments": "OK",
                }
            )
            cls.closed_file = cls.env["ir.attachment"].create(
                {
                    "name": "photo.jpg",
                    "raw": b"photo",
                    "res_model": "property.complaint",
                    "res_id": cls.closed.id,
                }
            )
            cls.closed._property_internal().write({"stage_id": closed_stage.id})
            for _row, (path, vals) in PATHS.items():
                if path == "create":
                    vals.update(
                        site_id=cls.site.id,
                        channel_id=cls.env.ref("property_complaint.channel_phone").id,
                    )
                    if vals.get("stage_id") == "closed":
                        vals["stage_id"] = closed_stage.id
                    if "parent_complaint_id" in vals:
                        vals["parent_complaint_id"] = cls.closed.id
        if row.startswith("complaint created"):
            return cls.env["property.complaint"]
        if row.startswith("closed complaint's callback"):
            return cls.closed_callback
        if row.startswith("callback"):
            return cls.children["callback"]
        if row == "closed complaint file removed":
            return cls.closed_file
        if row.startswith("closed complaint"):
            return cls.closed
        return cls.complaint

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site_b = cls._matrix_other_site()
        cls.site_c = cls._matrix_other_company_site()
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
            cls.complainant = cls.env["res.partner"].create(
                {"name": "Complainant Li", "phone": "13912345678"}
            )
            cls.complaint = cls._complaint(
                cls.site, handler_id=handler.id, partner_id=cls.complainant.id
            )
            cls.complaint_b = cls._complaint(cls.site_b)
            cls.complaint_c = cls._complaint(cls.site_c)
            level = cls.env.ref("property_complaint.escalation_level_supervisor")
            cls.children = {}
            for key, complaint in (
                ("", cls.complaint),
                (" (other site)", cls.complaint_b),
                (" (other company)", cls.complaint_c),
            ):
                cls.children["transfer" + key] = cls.env[
                    "property.complaint.transfer"
                ].create({"complaint_id": complaint.id, "to_handler_id": handler.id})
                cls.children["callback" + key] = cls.env[
                    "property.complaint.callback"
                ].create({"complaint_id": complaint.id, "date_due": "2025-03-20"})
                cls.children["review" + key] = cls.env[
                    "property.complaint.review"
                ].create(
                    {"complaint_id": complaint.id, "solution": "Replace the riser"}
                )
                cls.children["escalation" + key] = cls.env[
                    "property.complaint.escalation"
                ].create({"complaint_id": complaint.id, "level_id": level.id})
                cls.env.flush_all()
                cls.children["statistics" + key] = cls.env[
                    "property.complaint.statistics"
                ].search([("complaint_id", "=", complaint.id)])
        ref = cls.env.ref
        return {
            "complaint": cls.complaint,
            "complaint (other site)": cls.complaint_b,
            "complaint (other company)": cls.complaint_c,
            "complainant's partner": cls.complainant,
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

    PHONE = "+8613800138000"

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
