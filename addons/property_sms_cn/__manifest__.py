{
    "name": "Property China SMS",
    "summary": "Tencent Cloud SMS behind Odoo's SMS sending: provider templates, "
    "signature, failures kept and retried, night hold and opt-out",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Property Service Suite",
    "depends": ["sms", "property_base"],
    "external_dependencies": {"python": ["tencentcloud-sdk-python-sms"]},
    "data": [
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "views/property_sms_provider_template_views.xml",
        "views/sms_template_views.xml",
        "views/sms_sms_views.xml",
        "wizard/property_settings_views.xml",
        "wizard/sms_resend_views.xml",
        "views/menus.xml",
    ],
}
