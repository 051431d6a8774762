from . import test_complaint_lines, test_settings_rpc
