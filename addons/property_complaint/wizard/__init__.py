from . import (
    property_complaint_dispatch,
    property_complaint_merge,
    property_complaint_month_print,
    property_complaint_register_print,
    property_complaint_reopen,
    property_complaint_review_advice,
    property_complaint_summary_print,
    property_complaint_survey_comment,
    property_settings,
)
