from . import property_gate_verify, property_visit_correct
