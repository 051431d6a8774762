import base64

from freezegun import freeze_time

from odoo import Command

from odoo.addons.property_complaint.tests.common import ComplaintCase
from odoo.addons.property_visitor.tests.common import VisitorCase

# a 1x1 PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgAAIA"
    "AAUAAXpeqz8AAAAASUVO"
    "RK5CYII="
)


class PortalCase(ComplaintCase, VisitorCase):
    """Two resident households on their own units, a tenant company with an
    authorised signatory who has portal access, and a second tenant company; every
    resident is a portal user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        Unit = cls.env["property.unit"]
        cls.resident_a = Partner.create(
            {"name": "Resident A", "email": "a@example.com"}
        )
        cls.resident_b = Partner.create(
            {"name": "Resident B", "email": "b@example.com"}
        )
        cls.unit_a = Unit.create(
            {
                "building_id": cls.building.id,
                "floor": 2,
                "number": "201",
                "owner_id": cls.resident_a.id,
            }
        )
        cls.unit_b = Unit.create(
            {"building_id": cls.building.id, "floor": 2, "number": "202"}
        )
        cls.unit_b.occupant_ids = [Command.link(cls.resident_b.id)]
        cls.portal_a = cls._create_portal_user("t_resident_a", cls.resident_a)
        cls.portal_b = cls._create_portal_user("t_resident_b", cls.resident_b)
        # tenant company (cls.tenant occupies cls.unit) and its signatory contact
        cls.tenant_contact = Partner.create(
            {
                "name": "Chen Jingli",
                "parent_id": cls.tenant.id,
                "email": "chen@example.com",
            }
        )
        cls.tenant_clerk = Partner.create(
            {"name": "Clerk Li", "parent_id": cls.tenant.id, "email": "li@example.com"}
        )
        cls.portal_signatory = cls._create_portal_user(
            "t_signatory", cls.tenant_contact
        )
        cls.portal_clerk = cls._create_portal_user("t_clerk", cls.tenant_clerk)
        cls.signatory = cls.env["property.tenant.signatory"].create(
            {
                "partner_id": cls.tenant.id,
                "name": "Chen Jingli",
                "portal_partner_id": cls.tenant_contact.id,
                "date_from": "2025-01-01",
            }
        )
        cls.tenant2 = Partner.create({"name": "Other Tenant Co.", "is_company": True})
        cls.tenant2_contact = Partner.create(
            {"name": "Wu Zong", "parent_id": cls.tenant2.id, "email": "wu@example.com"}
        )
        cls.portal_signatory2 = cls._create_portal_user(
            "t_signatory2", cls.tenant2_contact
        )
        cls.env["property.tenant.signatory"].create(
            {
                "partner_id": cls.tenant2.id,
                "site_id": cls.site.id,  # a tenant without units: its site is given
                "name": "Wu Zong",
                "portal_partner_id": cls.tenant2_contact.id,
                "date_from": "2025-01-01",
            }
        )
        cls.satisfied = cls.env.ref("property_complaint.satisfaction_satisfied")
        cls.dissatisfied = cls.env.ref("property_complaint.satisfaction_dissatisfied")

    @classmethod
    def _create_portal_user(cls, login, partner):
        return (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "login": login,
                    "password": login,
                    "partner_id": partner.id,
                    "company_id": cls.env.company.id,
                    "company_ids": [Command.set(cls.env.company.ids)],
                    "groups_id": [Command.set([cls.env.ref("base.group_portal").id])],
                }
            )
        )

    def _portal_complaint(self, user=None, **values):
        user = user or self.portal_a
        unit = user._property_portal_units()[:1]
        vals = {
            "unit_id": unit.id,
            "summary": "Water leak in the kitchen",
            "kind": "complaint",
        }
        vals.update(values)
        with freeze_time("2025-03-03 02:00:00"):
            return self.env["property.complaint"].with_user(user)._portal_create(vals)

    def _to_callback(self, complaint):
        """Dispatch, resolve and communicate the result: the callback is due."""
        complaint = complaint.sudo()
        self._dispatch(complaint, self.dep_engineering, self.handler)
        complaint.with_user(self.agent).write(
            {
                "validity_reason": "Repair late.",
                "responsible_department_id": self.dep_engineering.id,
                "resolution": "<p>Pipe replaced.</p>",
                "result_summary": "The leak is fixed.",
                "result_solution": "The pipe of the flat above was replaced.",
                "result_prevention": "Pipes checked every quarter.",
                "result_method": "online",
            }
        )
        complaint.with_user(self.agent).action_confirm_valid()
        with freeze_time("2025-03-05 02:00:00"):
            complaint.with_user(self.agent).action_communicate_result()
        return complaint

    def _goods_pass(self, tenant=None, **values):
        vals = {
            "site_id": self.site.id,
            "direction": "out",
            "tenant_partner_id": (tenant or self.tenant).id,
            "carrier_name": "Zhao Liu",
            "planned_date": "2025-03-03 02:00:00",
            "line_ids": [
                Command.create({"name": "Laptop", "quantity": 2, "uom_name": "台"}),
                Command.create({"name": "Files box", "quantity": 3}),
            ],
        }
        vals.update(values)
        return self.env["property.goods.pass"].with_user(self.frontdesk).create(vals)
