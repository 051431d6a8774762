from . import property_gate_verify
