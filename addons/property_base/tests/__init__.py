from . import test_calendar, test_site_rules, test_tour, test_unit
