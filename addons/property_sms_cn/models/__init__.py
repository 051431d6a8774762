from . import (
    mail_notification,
    mail_thread,
    property_sms_provider_template,
    property_sms_provider_template_param,
    res_company,
    sms_sms,
    sms_template,
)
