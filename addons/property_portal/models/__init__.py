# the mixin is defined before the models that inherit from it
from . import property_portal_field_mixin

# isort: split
from . import (
    property_complaint,
    property_complaint_callback,
    property_goods_pass,
    property_goods_pass_line,
    property_tenant_signatory,
    property_visit,
    res_users,
)
