"""Context flags that only server code can raise.

The addons let their own action methods write fields that users may not write
(states, stamps, automatic lines) by passing a flag in the context. A client can
send any JSON context over RPC, so a flag that is a plain ``True`` could be
forged. ``INTERNAL`` is an instance of a ``str`` subclass: it travels through
``with_context``, ``sudo`` and ``with_user`` as it is, but a context that came
from JSON can only hold a plain ``str``, which ``is_internal`` refuses.
"""


class InternalCall(str):
    """The value of an internal context flag (see the module's docstring)."""

    __slots__ = ()


INTERNAL = InternalCall("internal")


def internal(records, *keys):
    """``records`` with the internal flags ``keys`` raised in their context."""
    return records.with_context(**dict.fromkeys(keys, INTERNAL))


def is_internal(env, key):
    """Whether server code raised the internal flag ``key`` in ``env``'s context."""
    return isinstance(env.context.get(key), InternalCall)
