from . import (
    hr_attendance,
    hr_employee,
    property_attendance_verdict,
    property_kpi_assessment,
    property_kpi_assignment,
    property_kpi_discipline,
    property_kpi_item,
    property_kpi_line,
    property_kpi_scheme,
    res_config_settings,
    survey_survey,
    survey_user_input,
)
