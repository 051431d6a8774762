# the work order's rooms (abstract mixins) and lines first, then the models on them
from . import property_work_order_actions, property_work_order_line

# isort: split
from . import (
    property_complaint,
    property_work_order,
    property_work_order_statistics,
)
