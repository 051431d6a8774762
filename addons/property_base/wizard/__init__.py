from . import property_holiday_import
