from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # The rule numbers of visitors and passes (RULES.md), per company: each default
    # is here and only here; read from the record's company.
    property_visitor_night_start_hour = fields.Float(string="Night Duty From", default=20.0)
    property_visitor_night_end_hour = fields.Float(string="Night Duty Until", default=8.0)
    property_visitor_max_stay_hours = fields.Float(string="Overstay After (hours)", default=8.0)
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
    property_visitor_temp_pass_fee = fields.Float(string="Temporary Pass Fee", default=10.0)
    property_visitor_temp_pass_deposit = fields.Float(string="Temporary Pass Deposit", default=50.0)
    property_visitor_resident_card_validity_days = fields.Integer(
        string="Resident Card Validity (days)", default=365
    )
    property_visitor_resident_card_fee = fields.Float(string="Resident Card Fee", default=0.0)
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
