from . import (
    test_access_matrix,
    test_calendar,
    test_i18n,
    test_site_rules,
    test_tour,
    test_unit,
)
