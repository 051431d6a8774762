from . import test_sms_night, test_sms_settings_rpc, test_sms_tencent_rpc
