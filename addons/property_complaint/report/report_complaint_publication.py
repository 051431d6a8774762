from odoo import api, models


class ReportComplaintPublication(models.AbstractModel):
    """The monthly list of complaints to publish to the residents (C25): public areas,
    public interest, neighbour disputes and common problems, without personal data."""

    _name = "report.property_complaint.report_complaint_publication"
    _description = "Monthly Publication of Complaints"

    @api.model
    def _get_report_values(self, docids, data=None):
        month = self.env["report.property_complaint.report_complaint_monthly"]._month(
            data
        )
        sites = self.env["property.site"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "property.site",
            "docs": sites,
            "month": month,
            "lines": {site.id: site._complaints_to_publish(month) for site in sites},
        }
