from odoo import Command

from odoo.addons.property_base.tests.common import PropertyCase

ID_OK = "11010519491231002X"
ID_OK_2 = "310101199001011234"
ID_BAD = "110105194912310021"


class VisitorCase(PropertyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.group_frontdesk = ref("property_visitor.group_visitor_frontdesk")
        cls.group_supervisor = ref(
            "property_visitor.group_visitor_frontdesk_supervisor"
        )
        cls.group_guard = ref("property_visitor.group_visitor_guard")
        cls.group_security = ref("property_visitor.group_visitor_security_manager")
        cls.frontdesk = cls._create_user("t_frontdesk", cls.group_frontdesk)
        cls.supervisor = cls._create_user("t_fd_supervisor", cls.group_supervisor)
        cls.guard = cls._create_user("t_guard", cls.group_guard)
        cls.security = cls._create_user("t_security", cls.group_security)
        cls.night_officer = cls._create_user("t_night_officer", cls.group_frontdesk)
        cls.site.user_ids = [
            Command.set(
                (
                    cls.frontdesk
                    | cls.supervisor
                    | cls.guard
                    | cls.security
                    | cls.night_officer
                ).ids
            )
        ]
        cls.tenant = cls.env["res.partner"].create(
            {"name": "Tenant Co.", "is_company": True}
        )
        cls.unit.occupant_ids = [Command.link(cls.tenant.id)]

    def _visit_vals(self, **kwargs):
        vals = {
            "site_id": self.site.id,
            "visitor_name": "Wang Wei",
            "id_number_masked": ID_OK,
            "phone_masked": "13812345678",
            "company_name": "Courier Ltd",
            "purpose": "Delivery",
            "host_unit_id": self.unit.id,
            "host_partner_id": self.tenant.id,
            "host_person": "Ms Zhang",
        }
        vals.update(kwargs)
        return vals

    def _contact_vals(self):
        return {
            "contact_person": "Ms Zhang",
            "contact_method": "phone",
            "contact_time": "2025-03-03 02:00:00",
            "contact_answer": "agreed",
        }
