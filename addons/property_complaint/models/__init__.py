from . import (
    property_complaint,
    property_complaint_callback,
    property_complaint_category,
    property_complaint_channel,
    property_complaint_followup,
    property_complaint_satisfaction,
    property_complaint_stage,
    property_complaint_transfer,
    property_site,
    property_unit,
    res_config_settings_callback,
    res_partner,
)
