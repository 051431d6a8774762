from . import (
    test_access_matrix,
    test_bad_input_rpc,
    test_calendar,
    test_date_style,
    test_i18n,
    test_input_guard,
    test_phone,
    test_privacy_rpc,
    test_site_rules,
    test_tour,
    test_unit,
    test_working_day_index,
)
