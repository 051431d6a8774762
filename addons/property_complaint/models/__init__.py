from . import (
    property_complaint,
    property_complaint_category,
    property_complaint_channel,
    property_complaint_stage,
    property_complaint_transfer,
    property_site,
    property_unit,
    res_partner,
)
