from . import property_pass_deposit_keep
from . import property_settings
