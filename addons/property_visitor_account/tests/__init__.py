from . import test_move_out_overdue_rpc, test_pass_account_rpc
