{
    "name": "Property Complaints - Paid Services in Accounting",
    "summary": "Repair work orders from demands (paid special services, in-home "
    "repairs): technician, times, materials and labour priced from a price list, "
    "invoiced to the household in Accounting or done free of charge with a reason",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Property Service Suite",
    "depends": ["property_portal", "account"],
    "data": [
        "security/property_complaint_account_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "views/property_work_order_views.xml",
        "views/property_complaint_views.xml",
        "views/property_work_order_statistics_views.xml",
        "views/menus.xml",
        "views/portal_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "property_complaint_account/static/tests/tours/*.js",
        ],
    },
}
