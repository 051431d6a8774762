{
    "name": "Property Staff Assessment",
    "summary": "Monthly scoring ledger (考核) of customer-service staff: catalogue of "
    "bonus and deduction items, repeat and dismissal rules, approval and lock",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Property Service Suite",
    "depends": ["property_base", "hr", "survey", "mail"],
    "data": [
        "security/property_staff_kpi_security.xml",
        "security/ir.model.access.csv",
        "data/property_kpi_scheme_data.xml",
        "data/property_kpi_item_data.xml",
        "wizard/property_kpi_batch_views.xml",
        "wizard/property_kpi_correction_views.xml",
        "views/property_kpi_scheme_views.xml",
        "views/property_kpi_item_views.xml",
        "views/property_kpi_assignment_views.xml",
        "views/property_kpi_line_views.xml",
        "views/property_kpi_assessment_views.xml",
        "views/property_kpi_discipline_views.xml",
        "views/hr_employee_views.xml",
        "views/survey_survey_views.xml",
        "report/report_paperformat.xml",
        "report/property_kpi_assessment_report.xml",
        "report/property_kpi_team_report.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/property_staff_kpi_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "property_staff_kpi/static/tests/tours/*.js",
        ],
    },
}
