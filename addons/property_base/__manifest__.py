{
    "name": "Property Base",
    "summary": "Sites (管理处), buildings, units (房号), households and tenants, "
    "and the Chinese working-day calendar shared by the property service addons",
    "version": "18.0.1.3.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Property Service Suite",
    "depends": ["base", "base_automation", "mail", "phone_validation", "resource"],
    "external_dependencies": {"python": ["chinesecalendar", "phonenumbers"]},
    "data": [
        "security/property_base_security.xml",
        "security/ir.model.access.csv",
        "data/ir_config_parameter_data.xml",
        "data/ir_cron_data.xml",
        "data/res_lang_data.xml",
        "wizard/property_holiday_import_views.xml",
        "views/property_site_views.xml",
        "views/property_building_views.xml",
        "views/property_unit_views.xml",
        "views/res_partner_views.xml",
        "views/resource_calendar_views.xml",
        "views/property_approval_views.xml",
        "wizard/property_settings_views.xml",
        "views/menus.xml",
        "views/signed_link_templates.xml",
    ],
    "demo": [
        "demo/property_base_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "property_base/static/tests/tours/*.js",
        ],
    },
    "application": True,
}
