from odoo import models
from odoo.http import request


class PropertyComplaintLinkMixin(models.AbstractModel):
    """The complaint's page without login (property_base's
    ``property.signed.link.mixin``): the link of the messages to the complainant
    opens this one complaint (purpose ``"complaint"``)."""

    _name = "property.complaint.link.mixin"
    _inherit = ["property.signed.link.mixin"]
    _description = "Complaint: Page Without Login"
    _signed_link_purposes = ("complaint",)

    def _signed_link_page(self, purpose, token, form=None):
        if purpose != "complaint":
            return super()._signed_link_page(purpose, token, form)
        self.ensure_one()
        return request.render(
            "property_complaint.complaint_link_page",
            {"complaint": self, "token": token, "title": self.name},
        )
