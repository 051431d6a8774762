from . import (
    test_access_matrix_portal,
    test_portal_access,
    test_portal_bad_input,
    test_portal_complaint,
    test_portal_field_groups,
    test_portal_goods_pass,
    test_portal_invitation_integrity,
    test_portal_request_type,
    test_portal_signatory_rpc,
    test_portal_tour,
    test_portal_visit,
    test_portal_zh_cn,
)
