from . import (
    report_complaint_monthly,
    report_complaint_publication,
    report_complaint_summary,
)
