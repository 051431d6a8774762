from . import test_complaint_lines, test_deduction_rules_rpc, test_settings_rpc
