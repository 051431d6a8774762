from . import test_gate, test_goods_pass, test_pass, test_privacy, test_visit
