from . import test_complaint_lines
