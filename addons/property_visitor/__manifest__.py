{
    "name": "Property Visitors and Passes",
    "summary": "Visitor register (访客登记), temporary entry passes and resident cards, "
    "two-part goods passes (携物出入门证) and live gate verification",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Property Service Suite",
    "depends": ["property_base", "mail"],
    "external_dependencies": {"python": ["python-stdnum", "phonenumbers"]},
    "data": [
        "security/property_visitor_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/ir_config_parameter_data.xml",
        "data/ir_cron_data.xml",
        "wizard/property_visit_correct_views.xml",
        "views/property_visitor_views.xml",
        "views/property_visit_views.xml",
        "views/property_visit_area_views.xml",
        "views/property_duty_roster_views.xml",
        "views/property_site_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/property_visitor_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "property_visitor/static/tests/tours/*.js",
        ],
    },
}
