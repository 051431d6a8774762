from . import (
    test_access_matrix,
    test_bad_input,
    test_concurrency,
    test_gate,
    test_goods_pass,
    test_logs,
    test_nothing_lost,
    test_pass,
    test_privacy,
    test_reports,
    test_tour,
    test_visit,
)
