from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

CLASS_SELECTION = [
    ("1", "Class 1 (Major)"),
    ("2", "Class 2 (Important)"),
    ("3", "Class 3 (Ordinary)"),
]


class PropertyComplaintClassMixin(models.AbstractModel):
    """The class of a complaint (C05, C06, C07) and the class-1 notice."""

    _name = "property.complaint.class.mixin"
    _description = "Complaint: Class"

    # ------------------------------------------------------------------
    # Class (C05, C06, C07)
    # ------------------------------------------------------------------
    date_matter_arose = fields.Date(
        string="Matter Arose On",
        tracking=True,
        help="Day the matter complained about arose; a valid complaint still "
        "unresolved one month later becomes class 1. The day of receipt when "
        "empty.",
    )
    fact_media = fields.Boolean(
        string="Media Exposure (Actual or Likely)", tracking=True
    )
    fact_reputation = fields.Boolean(
        string="Serious Damage to the Reputation", tracking=True
    )
    fact_injury_loss = fields.Boolean(
        string="Personal Injury or Major Economic Loss", tracking=True
    )
    fact_legal_claim = fields.Boolean(
        string="Lawyer's Letter or Compensation Claim", tracking=True
    )
    fact_lawsuit = fields.Boolean(string="Lawsuit", tracking=True)
    fact_unresolved_month = fields.Boolean(
        string="Unresolved One Month by Our Fault",
        readonly=True,
        copy=False,
        tracking=True,
        help="Set by the daily check: the complaint is valid and still unresolved one "
        "month after the matter arose.",
    )
    fact_service_level = fields.Boolean(
        string="About the Overall Service Level", tracking=True
    )
    fact_staff_conduct = fields.Boolean(
        string="About Staff Attitude, Ethics or Integrity", tracking=True
    )
    fact_second_complaint = fields.Boolean(string="Second Complaint", tracking=True)
    fact_government = fields.Boolean(
        string="Referred by a Government Body", tracking=True
    )
    computed_class = fields.Selection(
        CLASS_SELECTION,
        string="Class from the Facts",
        compute="_compute_computed_class",
        store=True,
        precompute=True,
    )
    class_override = fields.Selection(
        CLASS_SELECTION,
        string="Class Set by a Manager",
        tracking=True,
        copy=False,
        help="Overrides the class computed from the facts; a reason is required.",
    )
    class_override_reason = fields.Text(
        string="Reason of the Class Override", tracking=True
    )
    complaint_class = fields.Selection(
        CLASS_SELECTION,
        string="Class",
        compute="_compute_complaint_class",
        store=True,
        precompute=True,
        index=True,
        tracking=True,
    )
    date_class1_notified = fields.Datetime(
        string="Class 1 Notified On", readonly=True, copy=False
    )

    # ------------------------------------------------------------------
    # Class
    # ------------------------------------------------------------------
    @api.depends(
        "kind",
        "co_complainant_count",
        "customer_count",
        "fact_media",
        "fact_reputation",
        "fact_injury_loss",
        "fact_legal_claim",
        "fact_lawsuit",
        "fact_unresolved_month",
        "fact_service_level",
        "fact_staff_conduct",
        "fact_second_complaint",
        "is_written",
        "fact_government",
    )
    def _compute_computed_class(self):
        for complaint in self:
            threshold = complaint.company_id._property_numbers()[
                "property_complaint_group_threshold"
            ]
            if complaint.kind != "complaint":
                complaint.computed_class = False
            elif (
                # C05: N customers in all, the complainant and the co-complainants,
                # or the customers of its group (see group.py)
                complaint.customer_count >= threshold
                or complaint.fact_media
                or complaint.fact_reputation
                or complaint.fact_injury_loss
                or complaint.fact_legal_claim
                or complaint.fact_lawsuit
                or complaint.fact_unresolved_month
            ):
                complaint.computed_class = "1"
            elif (
                complaint.fact_service_level
                or complaint.fact_staff_conduct
                or complaint.fact_second_complaint
                or complaint.is_written
                or complaint.fact_government
            ):
                complaint.computed_class = "2"
            else:
                complaint.computed_class = "3"

    @api.depends("kind", "computed_class", "class_override")
    def _compute_complaint_class(self):
        for complaint in self:
            if complaint.kind != "complaint":
                complaint.complaint_class = False
            else:
                complaint.complaint_class = (
                    complaint.class_override or complaint.computed_class
                )

    @api.constrains("date_received", "date_matter_arose")
    def _check_dates(self):
        """The complaint cannot be received in the future (the deadlines start from
        it) and the matter cannot have arisen after it was received nor absurdly long
        before (the class of an unresolved complaint counts from it)."""
        now = fields.Datetime.now()
        for complaint in self:
            numbers = (complaint.company_id or self.env.company)._property_numbers()
            tolerance = timedelta(
                minutes=numbers["property_complaint_received_future_minutes"]
            )
            years = numbers["property_complaint_matter_arose_max_years"]
            received = complaint.date_received
            if received and received > now + tolerance:
                raise ValidationError(
                    self.env._(
                        "The complaint cannot be received in the future (%(date)s); "
                        "enter the date and time it was received.",
                        date=fields.Datetime.to_string(received),
                    )
                )
            arose = complaint.date_matter_arose
            if not (arose and received and complaint.site_id):
                continue
            received_day = complaint.site_id._local_date(received)
            if arose > received_day:
                raise ValidationError(
                    self.env._(
                        "The matter cannot have arisen (%(arose)s) after the "
                        "complaint was received (%(received)s).",
                        arose=fields.Date.to_string(arose),
                        received=fields.Date.to_string(received_day),
                    )
                )
            if arose < received_day - relativedelta(years=years):
                raise ValidationError(
                    self.env._(
                        "The matter cannot have arisen (%(arose)s) more than "
                        "%(years)s years before the complaint was received.",
                        arose=fields.Date.to_string(arose),
                        years=years,
                    )
                )

    @api.constrains("class_override", "class_override_reason")
    def _check_class_override_reason(self):
        for complaint in self:
            if (
                complaint.class_override
                and not (complaint.class_override_reason or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Give the reason for setting the class of %(number)s by hand.",
                        number=complaint.name,
                    )
                )

    @api.model
    def _cron_raise_unresolved_class(self):
        """C05: a valid complaint still unresolved one month after the matter arose
        becomes class 1."""
        today = fields.Date.context_today(self)
        # the limit of each company's rules
        arose_before = expression.OR(
            [
                [
                    ("company_id", "=", company.id),
                    (
                        "date_matter_arose",
                        "<=",
                        today
                        - relativedelta(
                            months=company.property_complaint_unresolved_months
                        ),
                    ),
                ]
                for company in self.env["res.company"].sudo().search([])
            ]
        )
        domain = [
            ("kind", "=", "complaint"),
            ("validity", "=", "valid"),
            ("is_closed", "=", False),
            ("date_resolved", "=", False),
            ("fact_unresolved_month", "=", False),
            *arose_before,
        ]
        complaints = self.search(domain)
        # a fact of the class: the class-1 notice follows (_property_activity_fields)
        complaints._write_action({"fact_unresolved_month": True})
        return complaints
