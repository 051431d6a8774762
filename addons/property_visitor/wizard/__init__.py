from . import (
    property_gate_verify,
    property_goods_check,
    property_settings,
    property_visit_correct,
    property_visit_register_print,
)
