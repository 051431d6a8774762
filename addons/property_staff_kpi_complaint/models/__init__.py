from . import property_complaint, property_kpi_assessment
