import re

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.property_base.tools import is_internal

# Mainland plates: province character, letter, 5 characters (6 for new-energy plates).
# a group larger than this is registered as an event, not typed in as one visit
MAX_PEOPLE = 500
PLATE_PATTERN = re.compile(
    r"^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领]"
    r"[A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]$"
)
FROZEN_FIELDS = {
    "site_id",
    "visitor_id",
    "visitor_name",
    "id_type",
    "id_number",
    "id_number_masked",
    "phone",
    "phone_masked",
    "company_name",
    "people_count",
    "vehicle_plate",
    "purpose",
    "appointment",
    "host_unit_id",
    "host_partner_id",
    "host_person",
    "visit_area_id",
    "contact_person",
    "contact_method",
    "contact_time",
    "contact_answer",
    "arrival_time",
    "departure_time",
    "registrar_id",
    "registrar_role",
    "host_override_reason",
}
# set only by the action methods
STAMPED_FIELDS = {
    "state",
    "approval_state",
    "approved_by_id",
    "checked_in_by_id",
    "closed_time",
    "overstay",
    "anonymized",
    # V02: the host's answer from the link of their SMS (property.visit.host.mixin)
    "host_answer",
    "host_answer_time",
    "host_answer_note",
}
# V02: the host's answer, recorded by the front desk only
CONSENT_FIELDS = {
    "contact_person",
    "contact_method",
    "contact_time",
    "contact_answer",
    "host_override_reason",
}


class PropertyVisit(models.Model):
    """One visit registered at the front desk (访客登记单, V01)."""

    _name = "property.visit"
    _description = "Visit"
    _inherit = [
        "property.visit.desk.mixin",
        "property.visit.host.mixin",
        "property.visit.cron.mixin",
        "property.stamped.mixin",
        "property.approval.mixin",
        "property.personal.data.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    # the suite's integrity rules (property_base/models/property_integrity_mixin.py)
    _property_keep = True
    _order = "id desc"
    _internal_flag = "property_visit_internal"
    _stamped_fields = STAMPED_FIELDS
    _frozen_fields = FROZEN_FIELDS
    _editable_state = "planned"

    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("checked_in", "On Site"),
            ("checked_out", "Left"),
            ("cancelled", "Cancelled"),
            ("refused", "Refused"),
        ],
        default="planned",
    )
    site_id = fields.Many2one(tracking=True)
    company_id = fields.Many2one(index=True)
    visitor_id = fields.Many2one("property.visitor", string="Known Visitor", index=True)
    visitor_name = fields.Char(string="Visitor", required=True, tracking=True)
    id_type = fields.Selection(tracking=True)
    id_number = fields.Char(tracking=True)
    phone = fields.Char(tracking=True)
    company_name = fields.Char(string="Visitor Company", tracking=True)
    people_count = fields.Integer(string="Number of People", default=1, tracking=True)
    vehicle_plate = fields.Char(tracking=True)
    purpose = fields.Char(required=True, tracking=True)
    appointment = fields.Boolean(string="By Appointment", tracking=True)
    planned_time = fields.Datetime(string="Expected At", tracking=True)
    host_unit_id = fields.Many2one(
        "property.unit",
        tracking=True,
        domain="[('site_id', '=', site_id)]",
    )
    host_partner_id = fields.Many2one(
        "res.partner",
        string="Host Household / Tenant",
        tracking=True,
        help="The resident household or the tenant company visited.",
    )
    host_person = fields.Char(string="Person Visited", tracking=True)
    visit_area_id = fields.Many2one(
        "property.visit.area",
        string="Area Visited",
        tracking=True,
        domain="[('site_id', '=', site_id)]",
    )
    area_restricted = fields.Boolean(related="visit_area_id.restricted")
    # V08: the area's responsible approves (property.approval.mixin; the rule is data,
    # data/property_approval_rule_data.xml)
    area_responsible_id = fields.Many2one(related="visit_area_id.responsible_id")
    approval_state = fields.Selection(string="Area Approval", tracking=True)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    # V02: how the host was contacted before the visitor was let in
    contact_person = fields.Char(string="Host Contacted", tracking=True)
    contact_method = fields.Selection(
        [
            ("phone", "Phone"),
            ("intercom", "Intercom"),
            ("in_person", "In Person"),
            ("message", "Message"),
        ],
        string="Contacted By",
        tracking=True,
    )
    contact_time = fields.Datetime(string="Contacted At", tracking=True)
    contact_answer = fields.Selection(
        [
            ("agreed", "Agreed to Receive"),
            ("declined", "Declined"),
            ("unreachable", "Unreachable"),
        ],
        string="Host Answer",
        tracking=True,
    )
    arrival_time = fields.Datetime(readonly=True, tracking=True, copy=False, index=True)
    departure_time = fields.Datetime(readonly=True, tracking=True, copy=False)
    registrar_id = fields.Many2one(
        "res.users", readonly=True, tracking=True, copy=False
    )
    registrar_role = fields.Selection(
        [("front_desk", "Front Desk"), ("night_duty", "Night Duty Officer")],
        readonly=True,
        copy=False,
    )
    checked_in_by_id = fields.Many2one("res.users", readonly=True)
    refusal_reason = fields.Char(tracking=True, copy=False)
    closed_time = fields.Datetime(readonly=True, copy=False, index=True)
    overstay = fields.Boolean(readonly=True, copy=False, index=True)
    anonymized = fields.Boolean(readonly=True, copy=False)
    note = fields.Text()

    _sql_constraints = [
        (
            "people_count_positive",
            "CHECK(people_count >= 1)",
            "A visit has at least one person.",
        )
    ]

    # ------------------------------------------------------------------
    # Create / write
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        # the suite's input guard ran first (property.integrity.mixin)
        for vals in vals_list:
            if vals.get("vehicle_plate"):
                vals["vehicle_plate"] = self._normalize_plate(vals["vehicle_plate"])
        visits = super().create(vals_list)
        visits._update_approval_need()
        visits._fill_from_visitor()
        # V02: the host is asked by SMS, with the link where they answer
        visits._notify_host("registered")
        return visits

    def _fill_from_visitor(self):
        """Copy the known visitor's ID number and phone onto the visits lacking them."""
        for visit in self.sudo().filtered("visitor_id"):
            vals = {}
            if not visit.id_number and visit.visitor_id.id_number:
                # the number with its document type (a passport is not a resident ID)
                vals["id_type"] = visit.visitor_id.id_type
                vals["id_number"] = visit.visitor_id.id_number
            if not visit.phone and visit.visitor_id.phone:
                vals["phone"] = visit.visitor_id.phone
            if vals:
                visit._write_internal(vals)

    def write(self, vals):
        if (
            CONSENT_FIELDS & vals.keys()
            and not (self.env.su or is_internal(self.env, self._internal_flag))
            and not self.env.user.has_group("property_visitor.group_visitor_frontdesk")
        ):
            raise AccessError(
                self.env._("Only the front desk records the host's answer.")
            )
        if vals.get("vehicle_plate"):
            vals["vehicle_plate"] = self._normalize_plate(vals["vehicle_plate"])
        res = super().write(vals)
        if "visit_area_id" in vals:
            self._update_approval_need()
        return res

    def _stamped_error(self):
        return self.env._("The status of a visit changes only through its buttons.")

    def _frozen_error(self):
        return self.env._(
            "A registration cannot be altered after check-in. Use Correct, "
            "with a reason, to fix a mistake."
        )

    def _state_error(self, action_label):
        return self.env._(
            "Visit %(visit)s is %(state)s: it cannot be %(action)s.",
            visit=self.name,
            state=self._state_label(),
            action=action_label,
        )

    def _update_approval_need(self):
        """The area decides (V08): a new or changed area withdraws the request under way
        and asks again when the area is restricted."""
        concerned = self.filtered(lambda v: v.area_restricted or v.approval_state)
        if not concerned:
            return
        concerned._approval_cancel()
        cleared = concerned.filtered(
            lambda v: v.approval_state and not v.area_restricted
        )
        if cleared:
            cleared.sudo()._write_internal(
                {"approval_state": False, "approved_by_id": False}
            )
        concerned.filtered("area_restricted")._approval_request()

    def _approval_approved(self):
        for visit in self:
            decided = visit._approval_reviews().filtered(
                lambda r: r.state == "approved"
            )
            visit.sudo()._write_internal(
                {"approved_by_id": decided[-1:].reviewer_id.id}
            )

    def _approval_refused(self, comment):
        self.sudo()._write_internal({"approved_by_id": self.env.user.id})

    @api.model
    def _normalize_plate(self, plate):
        return re.sub(r"[\s·\-]", "", plate or "").upper()

    @api.constrains("people_count")
    def _check_people_count(self):
        if any(not 1 <= visit.people_count <= MAX_PEOPLE for visit in self):
            raise ValidationError(
                self.env._(
                    "A visit has at least one person and at most %(max)s.",
                    max=MAX_PEOPLE,
                )
            )

    @api.constrains("vehicle_plate")
    def _check_vehicle_plate(self):
        for visit in self:
            if visit.vehicle_plate and not PLATE_PATTERN.match(visit.vehicle_plate):
                raise ValidationError(
                    self.env._(
                        "%(plate)s is not a mainland vehicle plate (e.g. 沪A12345 or "
                        "沪AD12345).",
                        plate=visit.vehicle_plate,
                    )
                )

    # ------------------------------------------------------------------
    # Onchanges: prefill a repeat visitor
    # ------------------------------------------------------------------
    @api.onchange("phone_masked", "id_number_masked")
    def _onchange_find_repeat_visitor(self):
        if self.visitor_id or self.state != "planned":
            return
        phone = not self._property_is_masked(self.phone_masked) and self.phone_masked
        number = (
            not self._property_is_masked(self.id_number_masked)
            and self.id_number_masked
        )
        visitor = self.env["property.visitor"]._find_repeat_visitor(
            phone, number, self.id_type
        )
        if visitor:
            self.visitor_id = visitor

    @api.onchange("visitor_id")
    def _onchange_visitor_id(self):
        # a repeat visitor known at another site of the company: prefilled all the same
        visitor = self.visitor_id.sudo()
        if not visitor:
            return
        self.visitor_name = visitor.name
        self.company_name = self.company_name or visitor.company_name
        self.vehicle_plate = self.vehicle_plate or visitor.vehicle_plate
        self.id_type = visitor.id_type
        # only the masked values reach the browser; the clear ones are copied on save
        self.id_number_masked = self.id_number_masked or visitor.id_number_masked
        self.phone_masked = self.phone_masked or visitor.phone_masked

    @api.onchange("host_unit_id")
    def _onchange_host_unit_id(self):
        unit = self.host_unit_id
        if unit and self.host_partner_id not in (unit.owner_id | unit.occupant_ids):
            self.host_partner_id = (unit.occupant_ids or unit.owner_id)[:1]

    @api.model
    def _invitation_max_days(self):
        """The longest time window of a visit announced ahead (setting of the
        company)."""
        company = self[:1].company_id or self.env.company
        return max(company.property_visitor_invitation_max_days, 1)
