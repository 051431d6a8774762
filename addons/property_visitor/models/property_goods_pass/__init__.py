# The goods pass (property.goods.pass) in rooms: each room is an abstract model holding
# one concern, and ``register`` declares the goods pass (its fields) on top of all of
# them, so it is imported last. Each method is defined in one room only.
from . import gate, stamp, validity

# isort: split
from . import register
from .register import APPROVAL_FIELDS, FROZEN_AFTER_CONFIRM, GOODS_STAMPED

__all__ = ["APPROVAL_FIELDS", "FROZEN_AFTER_CONFIRM", "GOODS_STAMPED"]
