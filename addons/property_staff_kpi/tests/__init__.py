from . import (
    test_access_matrix,
    test_assessment,
    test_attendance_verdict,
    test_bad_input,
    test_concurrency,
    test_exam,
    test_nothing_lost,
    test_report,
    test_scheme,
    test_tour,
    test_workflow,
)
