from odoo import fields, models

LEAVE_KINDS = [
    ("personal", "Personal Leave (事假)"),
    ("special_personal", "Special Personal Leave (特殊事假)"),
    ("sick", "Sick Leave (病假)"),
    ("official", "Official Leave (公假)"),
    ("in_lieu", "Time Off in Lieu (调休)"),
    ("outing", "Business Outing (外出)"),
]


class HrLeaveType(models.Model):
    """The leave rules of the regulation (A04, A06–A09, A11) as settings of each
    time off type; the seeded types carry the regulation's defaults."""

    _inherit = "hr.leave.type"

    property_kind = fields.Selection(
        LEAVE_KINDS,
        string="Regulation Kind",
        help="Which leave of the attendance regulation this type is.",
    )
    property_notice_hours = fields.Float(
        string="Notice (hours before the shift)",
        help="A request filed later than this many hours before the start of the "
        "employee's shift on the first day of the leave (from their working-time "
        "calendar) is flagged late notice and needs the direct manager's approval "
        "(A06). 0 means no notice is required.",
    )
    property_in_person_only = fields.Boolean(
        string="Requested in Person Only",
        help="Only the employee's own user may request this leave; nobody may file it "
        "on their behalf (A08).",
    )
    property_certificate_days = fields.Float(
        string="Medical Certificate From (days)",
        help="A leave of this many days or more needs a medical certificate covering "
        "its dates, handed in on the first day back (A09). 0 means never.",
    )
    property_strict_levels = fields.Boolean(
        string="Level by Level",
        help="With two approvals, the employee's direct manager (time off approver) "
        "always approves first: Time Off officers and administrators cannot skip that "
        "level, not even from the list; the approver must work in the employee's "
        "department or one above it (A07).",
    )
    property_approver_group_id = fields.Many2one(
        "res.groups",
        string="Approved by Group",
        help="Only members of this group may approve this leave, e.g. business outings "
        "approved by the customer-service manager (A11).",
    )
