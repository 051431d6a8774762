from . import property_settings, sms_composer, sms_resend
