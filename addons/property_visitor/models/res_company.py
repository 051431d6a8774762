import base64
import io
import math

from PIL import Image, ImageDraw

from odoo import fields, models

DEMO_TENANT_NAME = "深圳云帆科技有限公司"
DEMO_SIGNATORY = ("李明", "行政主管")


def _demo_seal_png():
    """A red round company seal (a ring, an inner ring and a five-pointed star) as
    base64 PNG: the demo tenant's seal on file."""
    size, red = 300, (200, 16, 16, 255)
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, size - 10, size - 10), outline=red, width=12)
    draw.ellipse((40, 40, size - 40, size - 40), outline=red, width=3)
    centre, outer, inner = size / 2, 60, 24
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.pi / 2 + i * math.pi / 5
        points.append(
            (centre + radius * math.cos(angle), centre - radius * math.sin(angle))
        )
    draw.polygon(points, fill=red)
    return _png(image)


def _demo_signature_png():
    """A handwritten-looking stroke as base64 PNG: the demo signatory's specimen."""
    image = Image.new("RGBA", (400, 150), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = [
        (20 + x, 75 + 35 * math.sin(x / 18) * math.cos(x / 47))
        for x in range(0, 360, 4)
    ]
    draw.line(points, fill=(20, 20, 90, 255), width=5, joint="curve")
    return _png(image)


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue())


class ResCompany(models.Model):
    _inherit = "res.company"

    # The rule numbers of visitors and passes (RULES.md), per company: each default
    # is here and only here; read from the record's company.
    property_visitor_night_start_hour = fields.Float(
        string="Night Duty From", default=20.0
    )
    property_visitor_night_end_hour = fields.Float(
        string="Night Duty Until", default=8.0
    )
    property_visitor_max_stay_hours = fields.Float(
        string="Overstay After (hours)", default=8.0
    )
    property_visitor_retention_days = fields.Integer(
        string="Keep Visitor ID and Phone (days)", default=180
    )
    property_visitor_invitation_max_days = fields.Integer(
        string="Invitation Window (days)",
        default=7,
        help="The longest time window of a visitor announced ahead (from its expected "
        "arrival to its end).",
    )
    property_visitor_temp_pass_validity_days = fields.Integer(
        string="Temporary Pass Validity (days)", default=30
    )
    property_visitor_temp_pass_fee = fields.Float(
        string="Temporary Pass Fee", default=10.0
    )
    property_visitor_temp_pass_deposit = fields.Float(
        string="Temporary Pass Deposit", default=50.0
    )
    property_visitor_resident_card_validity_days = fields.Integer(
        string="Resident Card Validity (days)", default=365
    )
    property_visitor_resident_card_fee = fields.Float(
        string="Resident Card Fee", default=0.0
    )
    property_visitor_resident_card_deposit = fields.Float(
        string="Resident Card Deposit", default=20.0
    )
    property_visitor_goods_pass_validity_days = fields.Integer(
        string="Goods Pass Extra Days",
        default=0,
        help="0: a goods pass is valid on its carrying day only.",
    )
    property_visitor_lookup_limit = fields.Integer(
        string="Look-ups by Phone or ID per Hour",
        default=30,
        help="How many visitors a user of the front desk or the gate may look up by a "
        "phone or an ID number in an hour (V09).",
    )

    def _property_demo_setup(self):
        """The demo tenant company with its seal and an authorised signatory on file,
        so that its goods passes can be confirmed (V05)."""
        res = super()._property_demo_setup()
        Partner = self.env["res.partner"].sudo()
        tenant = self.env.ref(
            "property_base.demo_tenant_company", raise_if_not_found=False
        )
        tenant = (
            tenant.sudo()
            if tenant
            else Partner.search(
                [("name", "=", DEMO_TENANT_NAME), ("is_company", "=", True)], limit=1
            )
        )
        if not tenant:
            tenant = Partner.create({"name": DEMO_TENANT_NAME, "is_company": True})
        if not tenant.property_seal_image:
            tenant.property_seal_image = _demo_seal_png()
        today = fields.Date.context_today(self)
        if not tenant.property_signatory_ids.filtered(lambda s: s._is_valid_on(today)):
            units = tenant.property_owned_unit_ids | tenant.property_occupied_unit_ids
            site = units.site_id[:1] or self.env["property.site"].sudo().search(
                [("company_id", "=", self.id)], limit=1
            )
            if site:
                self.env["property.tenant.signatory"].sudo().create(
                    {
                        "partner_id": tenant.id,
                        "site_id": site.id,
                        "name": DEMO_SIGNATORY[0],
                        "job_title": DEMO_SIGNATORY[1],
                        "date_from": today.replace(month=1, day=1),
                        "signature": _demo_signature_png(),
                    }
                )
        return res
