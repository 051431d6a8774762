from . import property_complaint, property_kpi_assessment, property_kpi_complaint_rule
