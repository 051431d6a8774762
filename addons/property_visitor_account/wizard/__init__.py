from . import property_pass_deposit_keep, property_settings
