from . import (
    property_complaint,
    property_complaint_callback,
    property_goods_pass,
    property_goods_pass_line,
    property_tenant_signatory,
    property_visit,
    res_users,
)
