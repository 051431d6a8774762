from . import (
    base,
    ir_actions_report,
    ir_attachment,
    property_building,
    property_integrity_mixin,
    property_site,
    property_unit,
    res_partner,
    res_users,
    resource_calendar,
    resource_calendar_attendance,
    resource_calendar_leaves,
)
