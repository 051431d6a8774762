from . import property_goods_pass, property_pass, res_company
