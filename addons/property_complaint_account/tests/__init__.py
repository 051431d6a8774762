from . import test_work_order_rpc, test_work_order_tour
