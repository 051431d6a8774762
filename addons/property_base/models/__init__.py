# the mixins first: the models below inherit them
from . import property_input_mixin  # isort: skip
from . import property_integrity_mixin  # isort: skip
from . import property_stamped_mixin  # isort: skip
from . import property_approval_mixin  # isort: skip
from . import property_signed_link_mixin  # isort: skip
from . import property_todo_mixin  # isort: skip
from . import (
    base_automation,
    ir_actions_report,
    ir_actions_server,
    ir_attachment,
    property_approval_review,
    property_approval_rule,
    property_building,
    property_site,
    property_site_input,
    property_unit,
    res_company,
    res_groups,
    res_partner,
    res_users,
    resource_calendar,
    resource_calendar_attendance,
    resource_calendar_leaves,
)
