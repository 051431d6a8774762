from . import (
    base,
    ir_actions_report,
    property_building,
    property_site,
    property_unit,
    res_partner,
    res_users,
    resource_calendar,
    resource_calendar_attendance,
    resource_calendar_leaves,
)
