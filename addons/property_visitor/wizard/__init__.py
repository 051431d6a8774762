from . import property_visit_correct
