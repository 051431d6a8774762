from . import test_access_matrix, test_work_order_rpc, test_work_order_tour
