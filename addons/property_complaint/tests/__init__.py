from . import (
    test_close,
    test_confidentiality,
    test_dispatch,
    test_online,
    test_register,
    test_tour,
    test_verdict,
)
