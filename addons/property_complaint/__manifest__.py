{
    "name": "Property Complaints and Demands",
    "summary": "Complaint and demand register (投诉/需求): registration, verdict, dispatch, "
    "result to the customer, closing and the history of each household",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Property Service Suite",
    "depends": ["property_base", "hr", "mail"],
    "external_dependencies": {"python": ["phonenumbers", "python-stdnum"]},
    "data": [
        "security/property_complaint_security.xml",
        "security/ir.model.access.csv",
        "data/property_complaint_channel_data.xml",
        "data/property_complaint_category_data.xml",
        "data/property_complaint_stage_data.xml",
        "data/mail_activity_type_data.xml",
        "wizard/property_complaint_dispatch_views.xml",
        "wizard/property_complaint_reopen_views.xml",
        "views/property_complaint_views.xml",
        "views/property_complaint_channel_views.xml",
        "views/property_complaint_category_views.xml",
        "views/property_complaint_stage_views.xml",
        "views/property_complaint_transfer_views.xml",
        "views/property_site_views.xml",
        "views/property_unit_views.xml",
        "views/res_partner_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/property_complaint_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "property_complaint/static/tests/tours/*.js",
        ],
    },
}
