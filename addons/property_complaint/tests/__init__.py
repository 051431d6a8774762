from . import (
    test_callback,
    test_close,
    test_confidentiality,
    test_dispatch,
    test_monthly,
    test_online,
    test_register,
    test_reports,
    test_statistics,
    test_survey,
    test_tour,
    test_verdict,
)
