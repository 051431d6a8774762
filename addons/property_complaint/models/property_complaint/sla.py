from odoo import api, fields, models

SLA_STATUS = [("ongoing", "Ongoing"), ("met", "Met"), ("failed", "Failed")]


class PropertyComplaintSlaMixin(models.AbstractModel):
    """The service level of a complaint (issue #21): the strictest matching policy,
    its response and resolution targets, whether they were met, and the time left.
    Internal targets, like the deadlines of C08/C09: the staff's fields."""

    _name = "property.complaint.sla.mixin"
    _description = "Complaint: Service Level"

    sla_id = fields.Many2one(
        "property.complaint.sla",
        string="Service Level",
        compute="_compute_sla",
        store=True,
        precompute=True,
        index="btree_not_null",
        tracking=True,
        help="The strictest service-level policy matching the complaint.",
        groups="base.group_user",
    )
    date_sla_response = fields.Datetime(
        string="Response Target",
        compute="_compute_sla",
        store=True,
        precompute=True,
        # the automation rules that record a missed target search by it
        index="btree_not_null",
        groups="base.group_user",
    )
    date_sla_resolution = fields.Datetime(
        string="Resolution Target",
        compute="_compute_sla",
        store=True,
        precompute=True,
        # the automation rules that record a missed target search by it
        index="btree_not_null",
        groups="base.group_user",
    )
    sla_response_status = fields.Selection(
        SLA_STATUS,
        string="Response Target Status",
        compute="_compute_sla_status",
        store=True,
        precompute=True,
        groups="base.group_user",
    )
    sla_resolution_status = fields.Selection(
        SLA_STATUS,
        string="Resolution Target Status",
        compute="_compute_sla_status",
        store=True,
        precompute=True,
        groups="base.group_user",
    )
    sla_time_left = fields.Char(
        string="Time Left",
        compute="_compute_sla_time_left",
        help="Time left to the next service-level target not met yet.",
        groups="base.group_user",
    )
    sla_color = fields.Selection(
        [("success", "On Time"), ("warning", "Soon Due"), ("danger", "Late")],
        string="Service-Level Colour",
        compute="_compute_sla_time_left",
        groups="base.group_user",
    )

    @api.depends(
        "date_received",
        "site_id",
        "company_id",
        "category_id",
        "complaint_class",
        "kind",
        "channel_id",
    )
    def _compute_sla(self):
        Sla = self.env["property.complaint.sla"]
        for complaint in self:
            policy, response, resolution = Sla._sla_for(complaint)
            complaint.sla_id = policy
            complaint.date_sla_response = response
            complaint.date_sla_resolution = resolution

    @api.depends(
        "date_sla_response",
        "date_sla_resolution",
        "date_customer_contacted",
        "responsible_user_id",
        "date_resolved",
    )
    def _compute_sla_status(self):
        """Met or failed once done; failed as soon as the target passes undone (the
        rules "Service level: … target missed" record it when it passes, see
        data/property_complaint_sla_automation_data.xml); ongoing before."""
        for complaint in self:
            responded = (
                complaint.responsible_user_id and complaint.date_customer_contacted
            )
            complaint.sla_response_status = self._sla_status(
                complaint.date_sla_response, responded
            )
            complaint.sla_resolution_status = self._sla_status(
                complaint.date_sla_resolution, complaint.date_resolved
            )

    @api.model
    def _sla_status(self, target, done):
        if not target:
            return False
        if not done:
            return "ongoing" if target >= fields.Datetime.now() else "failed"
        return "met" if done <= target else "failed"

    def _sla_next_target(self):
        """The next target not reached yet, passed or not (naive UTC), or False."""
        self.ensure_one()
        if self.is_closed or self.suspension_state == "suspended":
            return False
        if self.date_sla_response and not (
            self.responsible_user_id and self.date_customer_contacted
        ):
            return self.date_sla_response
        if self.date_sla_resolution and not self.date_resolved:
            return self.date_sla_resolution
        return False

    @api.depends(
        "sla_response_status",
        "sla_resolution_status",
        "date_sla_response",
        "date_sla_resolution",
        "is_closed",
        "suspension_state",
    )
    def _compute_sla_time_left(self):
        now = fields.Datetime.now()
        for complaint in self:
            target = complaint._sla_next_target()
            if not target:
                complaint.sla_time_left = False
                complaint.sla_color = False
                continue
            left = (target - now).total_seconds()
            whole = max((target - complaint.date_received).total_seconds(), 60.0)
            complaint.sla_time_left = (
                complaint._sla_duration_text(left)
                if left >= 0
                else self.env._("Late by %(time)s", time=self._sla_duration_text(-left))
            )
            if left < 0:
                complaint.sla_color = "danger"
            elif left < whole / 4:
                complaint.sla_color = "warning"
            else:
                complaint.sla_color = "success"

    @api.model
    def _sla_duration_text(self, seconds):
        minutes = int(seconds // 60)
        days, minutes = divmod(minutes, 24 * 60)
        hours, minutes = divmod(minutes, 60)
        if days:
            return self.env._("%(days)s d %(hours)s h", days=days, hours=hours)
        if hours:
            return self.env._(
                "%(hours)s h %(minutes)s min", hours=hours, minutes=minutes
            )
        return self.env._("%(minutes)s min", minutes=minutes)
