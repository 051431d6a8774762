# The complaint (property.complaint) in rooms: each room is an abstract model holding
# one concern (its fields and methods), and ``register`` declares the complaint on top
# of all of them, so it is imported last. Each method is defined in one room only.
from . import (
    access,
    activity,
    auto_dispatch,
    board,
    closing,
    complaint_class,
    contact,
    deadline,
    escalation,
    followup,
    group,
    handling,
    lifecycle,
    link,
    merge,
    notify,
    online,
    sla,
    suspension,
    verdict,
)

# isort: split
from . import register
from .complaint_class import CLASS_SELECTION

__all__ = ["CLASS_SELECTION"]
