from odoo import Command
from odoo.tests import TransactionCase


class PropertyCase(TransactionCase):
    """A site on Shanghai time with a Monday-Friday calendar, two buildings and users,
    built with the ORM (no demo data). The other addons' tests build on it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Test service-centre hours",
                "tz": "Asia/Shanghai",
                "company_id": cls.company.id,
                "global_leave_ids": [Command.clear()],
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"Day {day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": stop,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for start, stop, period in (
                        (8.5, 12.0, "morning"),
                        (13.5, 17.5, "afternoon"),
                    )
                ],
            }
        )
        cls.group_user = cls.env.ref("property_base.group_property_user")
        cls.group_manager = cls.env.ref("property_base.group_property_manager")
        cls.user_site_manager = cls._create_user("t_site_manager", cls.group_user)
        cls.site = cls.env["property.site"].create(
            {
                "name": "Test Site A",
                "code": "TA",
                "calendar_id": cls.calendar.id,
                "manager_id": cls.user_site_manager.id,
            }
        )
        cls.building = cls.env["property.building"].create(
            {
                "name": "Building 1",
                "code": "A1",
                "site_id": cls.site.id,
            }
        )
        cls.owner = cls.env["res.partner"].create({"name": "Test Owner"})
        cls.unit = cls.env["property.unit"].create(
            {
                "building_id": cls.building.id,
                "floor": 1,
                "number": "101",
                "owner_id": cls.owner.id,
            }
        )

    @classmethod
    def _create_user(cls, login, *groups, company=None):
        company = company or cls.env.company
        return (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": login.replace("_", " ").title(),
                    "login": login,
                    "email": f"{login}@example.com",
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                    "groups_id": [
                        Command.set(
                            [cls.env.ref("base.group_user").id] + [g.id for g in groups]
                        )
                    ],
                }
            )
        )
