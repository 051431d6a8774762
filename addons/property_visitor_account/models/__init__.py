from . import res_company
from . import property_pass
from . import property_goods_pass
