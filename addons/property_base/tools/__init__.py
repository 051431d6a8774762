from .internal_call import INTERNAL, internal, is_internal
