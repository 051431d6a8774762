# The attendance verdict (property.attendance.verdict) in rooms: each room is an
# abstract model holding one concern, and ``register`` declares the verdict on top of
# all of them, so it is imported last. Each method is defined in one room only.
from . import days, ledger, period, roster

# isort: split
from . import register
from .register import STATUSES
from .spans import _intersected, _merged_spans, _normalized, _span_minutes, _subtracted

__all__ = [
    "STATUSES",
    "_intersected",
    "_merged_spans",
    "_normalized",
    "_span_minutes",
    "_subtracted",
]
