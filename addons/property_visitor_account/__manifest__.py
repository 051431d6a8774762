{
    "name": "Property Visitors: Pass Fees and Deposits in Accounting",
    "summary": "Pass fees and deposits invoiced and refunded through Accounting, the "
    "overdue check of large move-outs (V04, V07)",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Property Service Suite",
    "depends": ["property_visitor", "account"],
    "data": [
        "security/ir.model.access.csv",
        "data/product_data.xml",
        "wizard/property_pass_deposit_keep_views.xml",
        "wizard/property_settings_views.xml",
        "views/property_pass_views.xml",
        "views/property_goods_pass_views.xml",
        "views/menus.xml",
    ],
}
