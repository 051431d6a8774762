from . import test_night_duty_rpc
