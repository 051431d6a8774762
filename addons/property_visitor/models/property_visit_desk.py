from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.property_base.tools.date_style import zh_date


class PropertyVisitDeskMixin(models.AbstractModel):
    """What the front desk does with a visit: check-in and check-out, refusal, the area
    approval (V08), corrections, and who registers at night (V03)."""

    _name = "property.visit.desk.mixin"
    _description = "Visit: Front Desk"

    # ------------------------------------------------------------------
    # Night duty (V03)
    # ------------------------------------------------------------------
    @api.model
    def _night_hours(self):
        company = self[:1].company_id or self.env.company
        return (
            company.property_visitor_night_start_hour,
            company.property_visitor_night_end_hour,
        )

    def _registrar_for(self, now):
        """(user, role) who registers this visit at ``now`` (naive UTC)."""
        self.ensure_one()
        site = self.site_id
        local = pytz.utc.localize(now).astimezone(site._site_tz())
        start, end = self._night_hours()
        hour = local.hour + local.minute / 60.0
        is_night = hour >= start or hour < end if start > end else start <= hour < end
        if not is_night:
            return self.env.user, "front_desk"
        duty_date = local.date() - timedelta(days=1) if hour < end else local.date()
        officer = self.env["property.duty.roster"]._night_officer(site, duty_date)
        if not officer:
            raise UserError(
                self.env._(
                    "Between %(start)s and %(end)s visitors are registered by the "
                    "night duty officer, and the duty roster of %(site)s names nobody "
                    "for the night of %(date)s. Enter the officer in the duty roster "
                    "first.",
                    start=_hour_label(start),
                    end=_hour_label(end),
                    site=site.display_name,
                    date=duty_date,
                )
            )
        return officer, "night_duty"

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _check_desk_user(self):
        if not self.env.user.has_group("property_visitor.group_visitor_frontdesk"):
            raise AccessError(self.env._("Only the front desk registers visitors."))

    def action_check_in(self):
        self._check_desk_user()
        self._check_state(("planned",), self.env._("checked in"))
        now = fields.Datetime.now()
        for visit in self:
            missing = [
                label
                for field, label in (
                    ("contact_person", self.env._("who was contacted")),
                    ("contact_method", self.env._("how")),
                    ("contact_time", self.env._("when")),
                    ("contact_answer", self.env._("the answer")),
                )
                if not visit[field]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Contact the host before letting %(visitor)s in, and record "
                        "%(missing)s.",
                        visitor=visit.visitor_name,
                        missing=", ".join(missing),
                    )
                )
            if visit.contact_answer != "agreed":
                raise UserError(
                    self.env._(
                        "The host did not agree to receive %(visitor)s: refuse the "
                        "visit instead.",
                        visitor=visit.visitor_name,
                    )
                )
            if visit.host_answer == "refused" and not visit.host_override_reason:
                raise UserError(
                    self.env._(
                        "The host refused %(visitor)s from the link of their SMS: "
                        "give the reason for letting the visitor in all the same.",
                        visitor=visit.visitor_name,
                    )
                )
            if visit.area_restricted and visit.approval_state != "approved":
                raise UserError(
                    self.env._(
                        "%(area)s is a restricted staff area: its responsible must "
                        "approve the visit before check-in.",
                        area=visit.visit_area_id.display_name,
                    )
                )
            registrar, role = visit._registrar_for(now)
            visit._ensure_visitor()
            visit._write_internal(
                {
                    "state": "checked_in",
                    "arrival_time": now,
                    "registrar_id": registrar.id,
                    "registrar_role": role,
                    "checked_in_by_id": self.env.user.id,
                }
            )
        # V02: the host hears that their visitor arrived
        self._notify_host("arrived")
        return True

    def action_walk_in_check_in(self):
        """The walk-in in one action (V02): the front desk has called the host, who
        agreed; the answer is stamped now, on the person visited (or the household or
        tenant of the unit), and the visitor is checked in. The form then shows the
        visitor's pass, ready to print."""
        self._check_desk_user()
        self._check_state(("planned",), self.env._("checked in"))
        now = fields.Datetime.now()
        for visit in self:
            # V01: the visitor's ID document is registered (a repeat visitor's comes
            # from the visitor on save)
            if not visit.sudo().id_number:
                raise UserError(
                    self.env._(
                        "Register the ID document of %(visitor)s before letting them "
                        "in.",
                        visitor=visit.visitor_name,
                    )
                )
            # who answered: as typed by the desk, else the person visited or household
            host = visit.contact_person or visit._walk_in_host()
            if not host:
                raise UserError(
                    self.env._(
                        "Name the person visited or the unit's household before "
                        "recording that the host agreed to receive %(visitor)s.",
                        visitor=visit.visitor_name,
                    )
                )
            visit._write_internal(
                {
                    "host_partner_id": visit.host_partner_id.id
                    or visit._walk_in_partner().id,
                    "contact_person": host,
                    "contact_method": visit.contact_method or "phone",
                    "contact_time": now,
                    "contact_answer": "agreed",
                }
            )
        return self.action_check_in()

    def _walk_in_partner(self):
        """The household or tenant of the host unit (its occupant, else its owner)."""
        self.ensure_one()
        unit = self.host_unit_id.sudo()
        return (unit.occupant_ids or unit.owner_id)[:1]

    def _walk_in_host(self):
        """Who answered for the host: the person visited, else the unit's household."""
        self.ensure_one()
        partner = self.host_partner_id or self._walk_in_partner()
        return self.host_person or partner.sudo().name or False

    def action_print_visit_pass(self):
        """The visitor's pass of a visit on site (访客通行单)."""
        self._check_state(("checked_in",), self.env._("printed as a pass"))
        return self.env.ref("property_visitor.action_report_visit_pass").report_action(
            self
        )

    def _ensure_visitor(self):
        """Link the visit to its repeat-visitor record, creating it the first time."""
        self.ensure_one()
        if self.visitor_id:
            return
        clear = self.sudo()
        Visitor = self.env["property.visitor"]
        visitor = Visitor._find_repeat_visitor(
            clear.phone, clear.id_number, self.id_type
        )
        if not visitor:
            visitor = Visitor.sudo().create(
                {
                    "name": self.visitor_name,
                    "company_name": self.company_name,
                    "vehicle_plate": self.vehicle_plate,
                    "id_type": self.id_type,
                    "id_number": clear.id_number,
                    "phone": clear.phone,
                }
            )
        self._write_internal({"visitor_id": visitor.id})

    def action_check_out(self):
        if not self.env.user.has_group(
            "property_visitor.group_visitor_frontdesk"
        ) and not self.env.user.has_group("property_visitor.group_visitor_guard"):
            raise AccessError(
                self.env._("Only the front desk or a guard checks visitors out.")
            )
        self._check_state(("checked_in",), self.env._("checked out"))
        self._write_internal(
            {
                "state": "checked_out",
                "departure_time": fields.Datetime.now(),
                "closed_time": fields.Datetime.now(),
                "overstay": False,
            }
        )
        return True

    def action_cancel(self):
        self._check_desk_user()
        self._check_state(("planned",), self.env._("cancelled"))
        self._write_internal(
            {"state": "cancelled", "closed_time": fields.Datetime.now()}
        )
        return True

    def action_refuse(self):
        self._check_desk_user()
        self._check_state(("planned",), self.env._("refused"))
        for visit in self:
            if not visit.refusal_reason:
                raise UserError(self.env._("Give the reason for refusing the visitor."))
        self._write_internal({"state": "refused", "closed_time": fields.Datetime.now()})
        return True

    def action_request_area_approval(self):
        """Remind the area's responsible (V08): a to-do unless one is waiting
        already."""
        self._check_state(("planned",), self.env._("sent for approval"))
        self.filtered(lambda v: v.approval_state == "pending")._approval_schedule()
        return True

    def action_approve_area(self):
        return self.action_approval_approve()

    def action_refuse_area(self):
        return self.action_approval_refuse()

    def action_open_correct(self):
        self.ensure_one()
        if not self.env.user.has_group("property_visitor.group_visitor_frontdesk"):
            raise AccessError(self.env._("Only the front desk corrects registrations."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Correct the Registration"),
            "res_model": "property.visit.correct",
            "view_mode": "form",
            "target": "new",
            "context": {"default_visit_id": self.id},
        }

    # ------------------------------------------------------------------
    # Printed register
    # ------------------------------------------------------------------
    def _register_time(self, field_name):
        """HH:MM of a datetime field in the site's time zone, for the printed
        register."""
        self.ensure_one()
        value = self[field_name]
        if not value:
            return ""
        return (
            pytz.utc.localize(value)
            .astimezone(self.site_id._site_tz())
            .strftime("%H:%M")
        )

    def _register_days(self):
        days = {
            visit.site_id._local_date(visit.arrival_time)
            for visit in self
            if visit.arrival_time
        }
        return [zh_date(day) for day in sorted(days)]

    def _register_contact(self):
        self.ensure_one()
        if not self.contact_answer:
            return ""
        method = {
            "phone": "电话",
            "intercom": "对讲",
            "in_person": "当面",
            "message": "短信",
        }.get(self.contact_method, "")
        return f"{self.contact_person or ''} {method}".strip()


def _hour_label(hour):
    return f"{int(hour):02d}:{round((hour % 1) * 60):02d}"
