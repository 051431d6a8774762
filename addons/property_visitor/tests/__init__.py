from . import test_privacy, test_visit
