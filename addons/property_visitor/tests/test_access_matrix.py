from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.property_base.tests.access_matrix import (
    SITE_ADMIN,
    SUITE_ROLES,
    AccessMatrixMixin,
    IntegrityPathsMixin,
    same_for,
    suite_roles,
)
from odoo.addons.property_base.tests.common import PropertyCase

from .common import ID_OK, VisitorCase

# The roles of the suite as the demo users hold the visitor groups: the supervisor is
# the front-desk supervisor, the service-centre manager the security manager.
ROLES = suite_roles(
    "property_visitor.group_visitor_",
    {
        "supervisor": "frontdesk_supervisor",
        "cs_manager": "security_manager",
        "frontdesk": "frontdesk",
        "guard": "guard",
    },
)
# row: (model, {role: allowed operations})   r read, w write, c create, u unlink.
# A known visitor is seen by the users of the sites they visited. The visitor register
# is read by those who keep it (front desk, guards, their managers) and the site
# administrators, by no other role (V09).
MATRIX = {
    "visit": (
        "property.visit",
        {
            "supervisor": "rwcu",
            "cs_manager": "rw",
            "frontdesk": "rwc",
            "guard": "rw",
            "site_admin": "r",
        },
    ),
    "visit (other site)": ("property.visit", {"site_admin": "r"}),
    "visited area": (
        "property.visit.area",
        same_for(
            "r", SUITE_ROLES, supervisor="rwcu", cs_manager="rwcu", site_admin="rwcu"
        ),
    ),
    "visited area (other site)": ("property.visit.area", {"site_admin": "rwcu"}),
    "duty roster": (
        "property.duty.roster",
        same_for(
            "r", SUITE_ROLES, supervisor="rwcu", cs_manager="rwcu", site_admin="rwcu"
        ),
    ),
    "duty roster (other site)": ("property.duty.roster", {"site_admin": "rwcu"}),
    "pass": (
        "property.pass",
        {"supervisor": "rwcu", "cs_manager": "rw", "frontdesk": "rwc", "guard": "r"},
    ),
    "pass (other site)": ("property.pass", {}),
    "goods pass": (
        "property.goods.pass",
        {"supervisor": "rwcu", "cs_manager": "rw", "frontdesk": "rwc", "guard": "rw"},
    ),
    "goods pass (other site)": ("property.goods.pass", {}),
    "goods pass item": (
        "property.goods.pass.line",
        {"supervisor": "rwcu", "cs_manager": "rw", "frontdesk": "rwcu", "guard": "rw"},
    ),
    "goods pass item (other site)": ("property.goods.pass.line", {}),
    "moving slot": (
        "property.move.slot",
        {"supervisor": "rwcu", "cs_manager": "r", "frontdesk": "rwcu", "guard": "r"},
    ),
    "moving slot (other site)": ("property.move.slot", {}),
    "gate log": (
        "property.gate.log",
        {
            "supervisor": "r",
            "cs_manager": "r",
            "frontdesk": "r",
            "guard": "r",
            "site_admin": "r",
        },
    ),
    "gate log (other site)": ("property.gate.log", {"site_admin": "r"}),
    "found item": (
        "property.found.item",
        {
            "supervisor": "rwcu",
            "cs_manager": "rwcu",
            "frontdesk": "rwc",
            "guard": "rwc",
        },
    ),
    "found item (other site)": ("property.found.item", {}),
    "parcel": (
        "property.parcel",
        {"supervisor": "rwcu", "cs_manager": "r", "frontdesk": "rwc", "guard": "r"},
    ),
    "parcel (other site)": ("property.parcel", {}),
    "visitor": (
        "property.visitor",
        {"supervisor": "rwcu", "cs_manager": "rw", "frontdesk": "rwc", "guard": "r"},
    ),
    "visitor (other site)": ("property.visitor", {}),
    "tenant signatory": (
        "property.tenant.signatory",
        {"supervisor": "rwcu", "cs_manager": "r", "frontdesk": "rwc", "guard": "r"},
    ),
    "tenant signatory (other site)": ("property.tenant.signatory", {}),
    # C22: the tenant company (occupant of a unit) is read by the front desk and the
    # site administrators, not by the guards nor the security manager
    "tenant's partner": (
        "res.partner",
        {"supervisor": "r", "frontdesk": "r", "site_admin": "r"},
    ),
    # another company's records: nobody, whatever their groups (multi-company rules)
    "visit (other company)": ("property.visit", {}),
    "visited area (other company)": ("property.visit.area", {}),
    "duty roster (other company)": ("property.duty.roster", {}),
    "pass (other company)": ("property.pass", {}),
    "goods pass (other company)": ("property.goods.pass", {}),
    "goods pass item (other company)": ("property.goods.pass.line", {}),
    "moving slot (other company)": ("property.move.slot", {}),
    "gate log (other company)": ("property.gate.log", {}),
    "found item (other company)": ("property.found.item", {}),
    "parcel (other company)": ("property.parcel", {}),
    "visitor (other company)": ("property.visitor", {}),
    "tenant signatory (other company)": ("property.tenant.signatory", {}),
    "visit correction wizard": (
        "property.visit.correct",
        {"supervisor": "rwc", "frontdesk": "rwc"},
    ),
    "gate verification wizard": (
        "property.gate.verify",
        {"supervisor": "rwc", "cs_manager": "rwc", "frontdesk": "rwc", "guard": "rwc"},
    ),
    "visit register print wizard": (
        "property.visit.register.print",
        {"supervisor": "rwc", "cs_manager": "rwc", "frontdesk": "rwc"},
    ),
}

# row: (path, payload), refused to every role (see IntegrityPathsMixin): the records the
# front desk and the gate keep, the items of a confirmed goods pass, what only the gate
# writes
PATHS = {
    "visit deleted": ("unlink", None),
    "visit state written": ("write", {"state": "checked_out"}),
    "goods pass deleted": ("unlink", None),
    "goods pass created confirmed": ("create", {"state": "confirmed"}),
    "confirmed goods pass item added": ("create", {"name": "Printer", "quantity": 1}),
    "confirmed goods pass item changed": ("write", {"quantity": 20}),
    "confirmed goods pass item counted": ("write", {"quantity_seen": 2}),
    "confirmed goods pass item removed": ("unlink", None),
    "gate log line forged": ("create", {"result": "valid", "holder_name": "Nobody"}),
    "gate log line deleted": ("unlink", None),
    "parcel deleted": ("unlink", None),
    "found item deleted": ("unlink", None),
}


@tagged("post_install", "-at_install")
class TestVisitorAccessMatrix(IntegrityPathsMixin, AccessMatrixMixin, PropertyCase):
    ROLES = ROLES
    MATRIX = MATRIX
    PATHS = PATHS

    @classmethod
    def _paths_record(cls, row):
        if "confirmed_goods" not in cls.__dict__:  # own records, as for the matrix
            goods = cls.rows["goods pass"]
            cls.confirmed_goods = goods.copy({"carrier_name": "Zhao Liu"})
            cls.confirmed_goods._write_internal({"state": "confirmed"})
            for _row, (path, vals) in PATHS.items():
                if path == "create":
                    vals["site_id"] = cls.site.id
            PATHS["goods pass created confirmed"][1].update(
                tenant_partner_id=cls.tenant.id,
                carrier_name="Zhao Liu",
                planned_date="2025-03-03 02:00:00",
            )
            PATHS["confirmed goods pass item added"][1].pop("site_id", None)
            PATHS["confirmed goods pass item added"][1]["goods_pass_id"] = (
                cls.confirmed_goods.id
            )
        Models = {
            "gate log line forged": "property.gate.log",
            "goods pass created confirmed": "property.goods.pass",
            "confirmed goods pass item added": "property.goods.pass.line",
        }
        if row in Models:
            return cls.env[Models[row]]
        if row.startswith("confirmed goods pass item"):
            return cls.confirmed_goods.line_ids
        kept = {
            "visit deleted": "visit",
            "visit state written": "visit",
            "goods pass deleted": "goods pass",
            "gate log line deleted": "gate log",
            "parcel deleted": "parcel",
            "found item deleted": "found item",
        }
        return cls.rows[kept[row]]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site_b = cls._matrix_other_site()
        cls.site_c = cls._matrix_other_company_site()
        cls.tenant = cls.env["res.partner"].create(
            {"name": "Tenant Co.", "is_company": True}
        )
        cls.unit.occupant_ids = [Command.link(cls.tenant.id)]
        cls._matrix_setup()

    @classmethod
    def _matrix_record(cls, row):
        if "rows" not in cls.__dict__:  # own records: a subclass runs with its own
            cls.rows = {}
            cls.matrix_sites = {
                "": cls.site,
                " (other site)": cls.site_b,
                " (other company)": cls.site_c,
            }
            for key, site in cls.matrix_sites.items():
                visit = cls.env["property.visit"].create(
                    {
                        "site_id": site.id,
                        "visitor_name": "Wang Wei",
                        "id_number_masked": ID_OK,
                        "phone_masked": "13812345678",
                        "purpose": "Delivery",
                        "host_person": "Ms Zhang",
                    }
                )
                goods = cls.env["property.goods.pass"].create(
                    {
                        "site_id": site.id,
                        "direction": "out",
                        "tenant_partner_id": cls.tenant.id,
                        "carrier_name": "Zhao Liu",
                        "planned_date": "2025-03-03 02:00:00",
                        "line_ids": [Command.create({"name": "Laptop", "quantity": 2})],
                    }
                )
                cls.rows.update(
                    {
                        "visit" + key: visit,
                        "visited area" + key: cls.env["property.visit.area"].create(
                            {"name": "Archive", "site_id": site.id}
                        ),
                        "duty roster" + key: cls.env["property.duty.roster"].create(
                            {
                                "site_id": site.id,
                                "date": "2025-03-03",
                                "user_id": cls.matrix_users["frontdesk"].id,
                            }
                        ),
                        "pass" + key: cls.env["property.pass"].create(
                            {
                                "site_id": site.id,
                                "holder_name": "Li Gong",
                                "holder_category": "decoration",
                                "date_from": "2025-03-03",
                            }
                        ),
                        "goods pass" + key: goods,
                        "goods pass item" + key: goods.line_ids,
                        "moving slot" + key: cls.env["property.move.slot"].create(
                            {
                                "site_id": site.id,
                                "start": "2025-03-03 01:00:00",
                                "stop": "2025-03-03 03:00:00",
                            }
                        ),
                        "gate log" + key: cls.env["property.gate.log"].create(
                            {
                                "site_id": site.id,
                                "company_id": site.company_id.id,
                                "result": "invalid",
                            }
                        ),
                        "found item" + key: cls.env["property.found.item"].create(
                            {
                                "name": "Umbrella",
                                "site_id": site.id,
                                "found_place": "Lobby",
                                "found_by": "Guard",
                            }
                        ),
                        "parcel" + key: cls.env["property.parcel"].create(
                            {"site_id": site.id, "recipient_name": "Ms Zhang"}
                        ),
                    }
                )
            for key in cls.matrix_sites:
                visitor = cls.env["property.visitor"].create(
                    {"name": "Wang Wei", "phone_masked": "13812345678"}
                )
                cls.rows["visit" + key].visitor_id = visitor
                cls.rows["visitor" + key] = visitor
            for key, site in cls.matrix_sites.items():
                cls.rows["tenant signatory" + key] = cls.env[
                    "property.tenant.signatory"
                ].create(
                    {
                        "partner_id": cls.tenant.id,
                        "site_id": site.id,
                        "name": "Chen Jingli",
                        "date_from": "2025-01-01",
                    }
                )
        cls.rows["tenant's partner"] = cls.tenant
        return cls.rows.get(row) or super()._matrix_record(row)

    def test_v09_company_admin_reads_no_other_company_record(self):
        """Every site of the company and every visitor group: the records of the
        company's other site, none of another company's (multi-company rules)."""
        groups = (
            *SITE_ADMIN,
            "property_visitor.group_visitor_frontdesk_supervisor",
            "property_visitor.group_visitor_security_manager",
        )
        admin = (
            self.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "Company Admin",
                    "login": f"matrix_{type(self).__name__.lower()}_company_admin",
                    "groups_id": [
                        Command.set([self.env.ref(xmlid).id for xmlid in groups])
                    ],
                }
            )
        )
        for row, (model, _allowed) in self.MATRIX.items():
            if not row.endswith(" (other company)"):
                continue
            with self.subTest(row=row):
                own = self.matrix_records[row.replace("other company", "other site")]
                other = self.matrix_records[row]
                self.assertTrue(own.with_user(admin).has_access("read"))
                self.assertFalse(other.with_user(admin).has_access("read"))
                with self.assertRaises(AccessError):
                    other.with_user(admin).read(["display_name"])
                found = (
                    self.env[model]
                    .with_user(admin)
                    .search([("id", "in", (own | other).ids)])
                )
                self.assertEqual(found, own)


@tagged("post_install", "-at_install")
class TestVisitorPersonalFields(VisitorCase):
    """V09: visitors' ID numbers and phones in clear through every way out of the
    database: refused to the front desk and the guard, given to the supervisor."""

    CLEAR = (ID_OK, "13812345678")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        export = cls.env.ref("base.group_allow_export")
        (cls.frontdesk | cls.guard | cls.supervisor).groups_id = [
            Command.link(export.id)
        ]
        cls.visit = (
            cls.env["property.visit"]
            .with_user(cls.frontdesk)
            .create(cls._visit_vals(cls))
        )
        cls.visitor = cls.env["property.visitor"].create(
            {
                "name": "Wang Wei",
                "id_number_masked": ID_OK,
                "phone_masked": "13812345678",
            }
        )
        cls.visit.visitor_id = cls.visitor

    def _as(self, records, user):
        self.env.invalidate_all()
        return records.with_user(user)

    def test_v09_clear_values_refused_to_front_desk_and_guard(self):
        for user in (self.frontdesk, self.guard):
            for records in (self.visit, self.visitor):
                for fname in ("id_number", "phone"):
                    with self.subTest(
                        user=user.login, model=records._name, field=fname
                    ):
                        with self.assertRaises(AccessError):
                            self._as(records, user).read([fname])
                        with self.assertRaises(AccessError):
                            self.env[records._name].with_user(user).search_read(
                                [("id", "=", records.id)], [fname]
                            )
                        with self.assertRaises(AccessError):
                            self._as(records, user).export_data([fname])
                with self.subTest(user=user.login, model=records._name, field="all"):
                    values = str(
                        self.env[records._name]
                        .with_user(user)
                        .search_read([("id", "=", records.id)])
                    )
                    values += str(
                        self._as(records, user).export_data(
                            ["id_number_masked", "phone_masked"]
                        )
                    )
                    self.assertIn("138****5678", values)
                    for secret in self.CLEAR:
                        self.assertNotIn(secret, values)

    def test_v09_clear_values_given_to_the_supervisor(self):
        rows = self._as(self.visit, self.supervisor).export_data(["id_number", "phone"])
        self.assertEqual(rows["datas"], [[ID_OK, "+8613812345678"]])

    def test_v09_visit_register_printed_masked(self):
        report = self.env["ir.actions.report"].with_user(self.frontdesk)
        html = report._render_qweb_html(
            "property_visitor.report_visit_register", self.visit.ids
        )[0].decode()
        self.assertIn("Wang Wei", html)
        self.assertIn("138****5678", html)
        for secret in self.CLEAR:
            self.assertNotIn(secret, html)


@tagged("post_install", "-at_install")
class TestSignatorySite(VisitorCase):
    """V05: a tenant's authorised signatory is filed at a site: its staff see and edit
    it, the staff of another site neither read nor write it (the record rule)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site_b = cls.env["property.site"].create(
            {"name": "Other Site", "code": "OB", "calendar_id": cls.calendar.id}
        )
        cls.frontdesk_b = cls._create_user("t_frontdesk_b", cls.group_frontdesk)
        cls.supervisor_b = cls._create_user("t_fd_supervisor_b", cls.group_supervisor)
        cls.site_b.user_ids = [Command.set((cls.frontdesk_b | cls.supervisor_b).ids)]
        # all sites of the company, member of none, front-desk supervisor
        cls.site_admin = cls._create_user(
            "t_site_admin", cls.group_manager, cls.group_supervisor
        )
        # cls.tenant occupies cls.unit, of cls.site: its signatory is filed there
        cls.signatory = cls.env["property.tenant.signatory"].create(
            {
                "partner_id": cls.tenant.id,
                "name": "Chen Jingli",
                "date_from": "2025-01-01",
            }
        )

    def test_v05_signatory_filed_at_the_tenant_site(self):
        self.assertEqual(self.signatory.site_id, self.site)
        # a tenant without units: the site of the front-desk officer who files it
        newcomer = self.env["res.partner"].create(
            {"name": "New Tenant", "is_company": True}
        )
        signatory = (
            self.env["property.tenant.signatory"]
            .with_user(self.frontdesk_b)
            .create(
                {
                    "partner_id": newcomer.id,
                    "name": "Wu Zong",
                    "date_from": "2025-01-01",
                }
            )
        )
        self.assertEqual(signatory.site_id, self.site_b)

    def test_v05_signatory_refused_to_another_site(self):
        for user in (self.frontdesk_b, self.supervisor_b):
            with self.subTest(user=user.login):
                Signatory = self.env["property.tenant.signatory"].with_user(user)
                self.assertFalse(
                    Signatory.search([("partner_id", "=", self.tenant.id)])
                )
                with self.assertRaises(AccessError):
                    self.signatory.with_user(user).read(["name"])
                with self.assertRaises(AccessError):
                    self.signatory.with_user(user).write({"date_to": "2025-12-31"})
                with self.assertRaises(AccessError):
                    Signatory.create(
                        {
                            "partner_id": self.tenant.id,
                            "site_id": self.site.id,
                            "name": "Forged",
                            "date_from": "2025-01-01",
                        }
                    )
        with self.assertRaises(AccessError):
            self.signatory.with_user(self.supervisor_b).unlink()
        self.assertTrue(self.signatory.exists())

    def test_v05_signatory_given_to_its_site_and_the_managers(self):
        for user in (self.frontdesk, self.supervisor, self.guard):
            with self.subTest(user=user.login):
                Signatory = self.env["property.tenant.signatory"].with_user(user)
                self.assertEqual(
                    Signatory.search([("partner_id", "=", self.tenant.id)]),
                    self.signatory,
                )
        self.signatory.with_user(self.frontdesk).write({"date_to": "2025-12-31"})
        self.assertEqual(str(self.signatory.date_to), "2025-12-31")
        # the administrator of all the company's sites finds it, member of none
        self.assertEqual(
            self.env["property.tenant.signatory"]
            .with_user(self.site_admin)
            .search([("site_id", "=", self.site.id)]),
            self.signatory,
        )
