from . import (
    hr_employee,
    property_kpi_assessment,
    property_kpi_assignment,
    property_kpi_discipline,
    property_kpi_item,
    property_kpi_line,
    property_kpi_scheme,
    survey_survey,
    survey_user_input,
)
