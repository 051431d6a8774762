from freezegun import freeze_time

from odoo import Command

from odoo.addons.property_base.tests.common import PropertyCase


class ComplaintCase(PropertyCase):
    """A site with a customer-service team, two departments and their employees."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.group_handler = ref("property_complaint.group_complaint_handler")
        cls.group_agent = ref("property_complaint.group_complaint_agent")
        cls.group_supervisor = ref("property_complaint.group_complaint_supervisor")
        cls.group_cs_manager = ref("property_complaint.group_complaint_manager")
        cls.group_quality = ref("property_complaint.group_complaint_quality")
        cls.agent = cls._create_user("t_agent", cls.group_agent)
        cls.supervisor = cls._create_user("t_supervisor", cls.group_supervisor)
        cls.cs_manager = cls._create_user("t_cs_manager", cls.group_cs_manager)
        cls.quality = cls._create_user("t_quality", cls.group_quality)
        cls.group_pmc = ref("property_complaint.group_complaint_pmc")
        cls.pmc = cls._create_user("t_pmc", cls.group_pmc)
        cls.handler = cls._create_user("t_handler", cls.group_handler)
        cls.handler2 = cls._create_user("t_handler2", cls.group_handler)
        cls.head = cls._create_user("t_head", cls.group_handler)
        cls.site.write(
            {
                "supervisor_ids": [Command.link(cls.supervisor.id)],
                "user_ids": [
                    Command.link(u.id)
                    for u in (
                        cls.agent,
                        cls.cs_manager,
                        cls.handler,
                        cls.handler2,
                        cls.head,
                    )
                ],
            }
        )
        cls.site.write(
            {
                "manager_id": cls.cs_manager.id,
                "quality_user_ids": [Command.link(cls.quality.id)],
            }
        )
        cls.dep_engineering = cls.env["hr.department"].create({"name": "Engineering"})
        cls.dep_security = cls.env["hr.department"].create({"name": "Security"})
        Employee = cls.env["hr.employee"]
        cls.emp_handler = Employee.create(
            {
                "name": "Handler",
                "user_id": cls.handler.id,
                "department_id": cls.dep_engineering.id,
            }
        )
        cls.emp_handler2 = Employee.create(
            {
                "name": "Handler 2",
                "user_id": cls.handler2.id,
                "department_id": cls.dep_security.id,
            }
        )
        cls.emp_head = Employee.create(
            {
                "name": "Head",
                "user_id": cls.head.id,
                "department_id": cls.dep_security.id,
            }
        )
        cls.emp_guard = Employee.create(
            {"name": "Guard", "department_id": cls.dep_security.id}
        )
        cls.dep_security.manager_id = cls.emp_head
        cls.channel_phone = cls.env.ref("property_complaint.channel_phone")
        cls.channel_online = cls.env.ref("property_complaint.channel_online")
        cls.channel_visit = cls.env.ref("property_complaint.channel_visit")
        cls.category_engineering = cls.env.ref(
            "property_complaint.category_engineering"
        )

    @classmethod
    def _complaint_vals(cls, **vals):
        """The values of a phone complaint on the test site, as a client sends them."""
        return dict(
            {
                "site_id": cls.site.id,
                "summary": "Water leak",
                "channel_id": cls.channel_phone.id,
                "complainant_name": "Mr Zhang",
                "partner_phone": "13800138000",
                "unit_id": cls.unit.id,
                "date_received": "2025-03-03 02:00:00",
            },
            **vals,
        )

    def _new_complaint(self, user=None, **vals):
        values = self._complaint_vals(**vals)
        # registered when received (a complaint cannot be received in the future)
        with freeze_time(max("2025-03-03 02:00:00", str(values["date_received"]))):
            return (
                self.env["property.complaint"]
                .with_user(user or self.agent)
                .create(values)
            )

    def _dispatch(self, complaint, department, handler, reason=False, user=None):
        wizard = (
            self.env["property.complaint.dispatch"]
            .with_user(user or self.agent)
            .create(
                {
                    "complaint_id": complaint.id,
                    "department_id": department.id,
                    "handler_id": handler.id,
                    "reason": reason,
                }
            )
        )
        return wizard.action_confirm()

    def _resolve_and_communicate(self, complaint, user=None):
        complaint = complaint.with_user(user or self.agent)
        complaint.write(
            {
                "resolution": "<p>Pipe replaced.</p>",
                "result_summary": "The leak is fixed.",
                "result_solution": "The pipe of the flat above was replaced.",
                "result_prevention": "Pipes of the building checked every quarter.",
                "result_method": "phone",
            }
        )
        complaint.action_communicate_result()
        # C15 (issue 6): the customer is called back, satisfied, before closing
        self._callback_done(complaint)

    def _callback_done(
        self, complaint, level="property_complaint.satisfaction_satisfied"
    ):
        callback = complaint.callback_ids.filtered(lambda c: c.state == "todo")
        callback = callback.with_user(self.agent)
        callback.write(
            {
                "date_done": "2025-03-10 02:00:00",
                "method": "phone",
                "answered_by": "Mr Zhang",
                "satisfaction_id": self.env.ref(level).id,
                "comments": "Thank you.",
            }
        )
        callback.action_done()
        return callback

    def _set_setting(self, key, value):
        """The setting ``key`` of the site's company (a field of the company)."""
        self.site.company_id.sudo()[f"property_complaint_{key}"] = value
