# The complaint (property.complaint) in rooms, one concern each. ``register`` declares
# the model and comes first; every other room extends it, and each method is defined in
# one room only, so their order does not change the behaviour.
from . import register

# isort: split
from . import (
    access,
    closing,
    complaint_class,
    contact,
    deadline,
    escalation,
    followup,
    handling,
    online,
    suspension,
    verdict,
)
from .complaint_class import CLASS_SELECTION

__all__ = ["CLASS_SELECTION"]
