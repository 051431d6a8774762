from . import (
    test_assessment,
    test_attendance_consequences,
    test_attendance_verdict,
    test_emergency_callout,
    test_exam,
    test_leave_rules,
    test_overtime,
    test_report,
    test_scheme,
    test_tour,
    test_workflow,
)
