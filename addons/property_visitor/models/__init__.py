# the mixins first: the models below inherit them
from . import property_gate_token_mixin, property_personal_data_mixin

# isort: split
# the rooms of the visit before the visit
from . import property_visit_cron, property_visit_desk, property_visit_host

# isort: split
from . import (
    property_duty_roster,
    property_found_item,
    property_gate_log,
    property_goods_pass,
    property_goods_pass_line,
    property_move_slot,
    property_parcel,
    property_pass,
    property_personal_lookup,
    property_site,
    property_tenant_signatory,
    property_visit,
    property_visit_area,
    property_visitor,
    res_company,
    res_partner,
    res_users,
)
