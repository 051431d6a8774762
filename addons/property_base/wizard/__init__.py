from . import property_holiday_import, property_settings
