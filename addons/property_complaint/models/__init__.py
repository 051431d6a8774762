from . import (
    property_complaint,
    property_complaint_category,
    property_complaint_channel,
    property_complaint_escalation,
    property_complaint_escalation_level,
    property_complaint_review,
    property_complaint_stage,
    property_complaint_transfer,
    property_site,
    property_unit,
    res_config_settings,
    res_partner,
)
