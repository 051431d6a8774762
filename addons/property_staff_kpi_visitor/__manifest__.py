{
    "name": "Property Staff Assessment - Visitors",
    "summary": "The night duty officer who registers visitors (V03) is read from the "
    "published shift rosters where one exists",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Property Service Suite",
    "depends": ["property_staff_kpi", "property_visitor"],
    "auto_install": True,
}
