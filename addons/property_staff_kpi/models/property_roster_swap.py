from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyRosterSwap(models.Model):
    """Two shifts of two employees exchanged on request (issue #23), approved by the
    site's customer-service supervisor through the suite's approval rules
    (``property.approval.mixin``): nobody approves their own swap, and a shift that has
    begun is no longer swapped."""

    _name = "property.roster.swap"
    _description = "Shift Swap"
    _inherit = ["property.approval.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _rec_name = "line_id"
    # the two shifts are given when the swap is asked, never changed after
    _property_create_fields = frozenset({"line_id", "other_line_id"})

    line_id = fields.Many2one(
        "property.roster.line",
        string="Shift Given",
        required=True,
        readonly=True,
        ondelete="cascade",
        index=True,
    )
    other_line_id = fields.Many2one(
        "property.roster.line",
        string="Shift Taken",
        required=True,
        readonly=True,
        ondelete="cascade",
        index=True,
    )
    employee_id = fields.Many2one(
        related="line_id.employee_id", store=True, string="Employee"
    )
    other_employee_id = fields.Many2one(
        related="other_line_id.employee_id", store=True, string="Colleague"
    )
    site_id = fields.Many2one(related="line_id.site_id", store=True, index=True)
    company_id = fields.Many2one(related="line_id.company_id", store=True)
    reason = fields.Text()
    done = fields.Boolean(string="Swapped", readonly=True, copy=False)
    state = fields.Selection(
        [("pending", "To Approve"), ("done", "Swapped"), ("refused", "Refused")],
        compute="_compute_state",
        store=True,
    )
    supervisor_user_ids = fields.Many2many(
        "res.users",
        compute="_compute_supervisor_user_ids",
        string="Approved by",
        help="The site's customer-service supervisors, but neither of the two "
        "employees.",
    )

    @api.depends("approval_state", "done")
    def _compute_state(self):
        for swap in self:
            swap.state = (
                "done"
                if swap.done
                else ("refused" if swap.approval_state == "refused" else "pending")
            )

    @api.depends("site_id.supervisor_ids", "employee_id", "other_employee_id")
    def _compute_supervisor_user_ids(self):
        for swap in self:
            swap.supervisor_user_ids = swap.sudo().site_id.supervisor_ids - (
                swap.employee_id.user_id | swap.other_employee_id.user_id
            )

    @api.model_create_multi
    def create(self, vals_list):
        swaps = super().create(vals_list)
        swaps._check_swappable()
        if not self.env.su:
            swaps._check_requester()
        free = swaps._approval_request()
        free._swap()
        return swaps

    def _check_requester(self):
        """An employee asks for the swap of their own shift; the site's supervisors
        and manager may ask on an employee's behalf."""
        user = self.env.user
        for swap in self.sudo():
            site = swap.site_id
            if user not in swap.employee_id.user_id | site.supervisor_ids | (
                site.manager_id
            ):
                raise UserError(
                    self.env._("You can only ask for a swap of your own shift.")
                )

    def _check_swappable(self):
        now = fields.Datetime.now()
        for swap in self.sudo():
            lines = swap.line_id | swap.other_line_id
            if len(lines) != 2 or swap.employee_id == swap.other_employee_id:
                raise UserError(
                    self.env._("A swap exchanges the shifts of two employees.")
                )
            if swap.line_id.site_id != swap.other_line_id.site_id or any(
                line.state != "published" for line in lines
            ):
                raise UserError(
                    self.env._(
                        "A swap exchanges two shifts of published rosters of the same "
                        "site."
                    )
                )
            clash = (
                self.env["property.roster.line"]
                .sudo()
                .search_count(
                    [
                        "|",
                        "&",
                        ("employee_id", "=", swap.employee_id.id),
                        ("date", "=", swap.other_line_id.date),
                        "&",
                        ("employee_id", "=", swap.other_employee_id.id),
                        ("date", "=", swap.line_id.date),
                        ("id", "not in", lines.ids),
                    ]
                )
            )
            if clash:
                raise UserError(
                    self.env._(
                        "After this swap an employee would work two shifts on one day."
                    )
                )
            if min(lines.mapped("start_datetime")) <= now:
                raise UserError(
                    self.env._(
                        "The shift of %(date)s has begun: it can no longer be swapped.",
                        date=min(lines.mapped("date")),
                    )
                )

    def action_approval_approve(self, comment=None):
        self._check_swappable()
        return super().action_approval_approve(comment)

    def _approval_approved(self):
        self._swap()

    def _swap(self):
        """Exchange the two shifts (roster, day and shift type) of the two employees:
        each line keeps its employee, so a same-day swap never has one employee twice
        on a day, even for a moment."""
        for swap in self.sudo():
            line, other = swap.line_id, swap.other_line_id
            values = [
                {
                    "roster_id": record.roster_id.id,
                    "date": record.date,
                    "shift_type_id": record.shift_type_id.id,
                }
                for record in (line, other)
            ]
            line._property_internal().write(values[1])
            other._property_internal().write(values[0])
            swap._property_internal().write({"done": True})
            swap.message_post(
                body=self.env._(
                    "Shifts swapped: %(employee)s now works on %(date)s, %(colleague)s "
                    "on %(other_date)s.",
                    employee=line.employee_id.name,
                    colleague=other.employee_id.name,
                    date=line.date,
                    other_date=other.date,
                )
            )
