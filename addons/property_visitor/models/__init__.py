from . import (
    property_duty_roster,
    property_personal_data_mixin,
    property_site,
    property_visit,
    property_visit_area,
    property_visitor,
    res_config_settings,
)
