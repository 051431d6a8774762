from . import (
    test_class,
    test_close,
    test_confidentiality,
    test_deadline,
    test_dispatch,
    test_escalation,
    test_online,
    test_register,
    test_review,
    test_suspension,
    test_tour,
    test_verdict,
)
