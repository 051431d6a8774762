from . import client_context
from .internal_call import INTERNAL, internal, is_internal

client_context.install()
