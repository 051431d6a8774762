{
    "name": "Property Staff Assessment - Complaints",
    "summary": "Valid complaints naming an employee deduct from their monthly "
    "assessment; a month without valid complaints earns the bonus (K13)",
    "version": "18.0.1.1.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Property Service Suite",
    "depends": ["property_staff_kpi", "property_complaint"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_staff_kpi_complaint_security.xml",
        "data/ir_cron_data.xml",
        "data/property_kpi_complaint_rule_data.xml",
        "views/property_kpi_complaint_rule_views.xml",
    ],
    "auto_install": True,
}
