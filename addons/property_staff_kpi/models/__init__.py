# the rooms of the assessment and of the time off come before the models that
# inherit them
from . import (
    hr_leave_certificate,
    property_kpi_assessment_appeal,
    property_kpi_assessment_rules,
    property_kpi_assessment_team,
    property_kpi_assessment_workflow,
)

# isort: split
from . import (
    hr_attendance,
    hr_employee,
    hr_leave,
    hr_leave_type,
    hr_work_location,
    property_attendance_verdict,
    property_emergency_callout,
    property_kpi_appeal,
    property_kpi_assessment,
    property_kpi_assignment,
    property_kpi_discipline,
    property_kpi_exam_schedule,
    property_kpi_item,
    property_kpi_line,
    property_kpi_scheme,
    property_kpi_spot_check,
    property_roster,
    property_roster_line,
    property_roster_swap,
    property_shift_type,
    res_company,
    res_users,
    resource_calendar_leaves,
    survey_survey,
    survey_user_input,
)
