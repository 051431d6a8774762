{
    "name": "Property Portal",
    "summary": "Residents and tenants in Odoo's portal: complaints and demands, "
    "callbacks, visitor invitations with a QR code and the tenant "
    "signatory's goods-pass approval",
    "version": "18.0.1.1.1",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Property Service Suite",
    "depends": ["portal", "property_complaint", "property_visitor"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_portal_security.xml",
        "data/mail_template_data.xml",
        "data/property_approval_rule_data.xml",
        "data/mail_activity_type_data.xml",
        "views/property_visit_views.xml",
        "views/property_goods_pass_views.xml",
        "views/property_tenant_signatory_views.xml",
        "views/property_complaint_views.xml",
        "wizard/property_gate_verify_views.xml",
        "views/portal_templates.xml",
        "views/portal_complaint_templates.xml",
        "views/portal_visit_templates.xml",
        "views/portal_goods_pass_templates.xml",
    ],
    "demo": ["demo/property_portal_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "property_portal/static/tests/tours/*.js",
        ],
    },
    "pre_init_hook": "pre_init_hook",
}
