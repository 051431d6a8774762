from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty


class PropertyComplaintHandlingMixin(models.AbstractModel):
    """Acceptance, dispatch (C11) and the handling steps of a complaint (C08, C12)."""

    _name = "property.complaint.handling.mixin"
    _description = "Complaint: Handling"

    # ------------------------------------------------------------------
    # Dispatch (C11)
    # ------------------------------------------------------------------
    department_id = fields.Many2one(
        "hr.department",
        string="Handling Department",
        tracking=True,
        readonly=True,
        copy=False,
        index=True,
    )
    handler_id = fields.Many2one(
        "res.users", tracking=True, readonly=True, copy=False, index=True
    )
    transfer_ids = fields.One2many(
        "property.complaint.transfer",
        "complaint_id",
        string="Dispatches",
        readonly=True,
    )
    transfer_count = fields.Integer(compute="_compute_transfer_count")
    is_customer_service = fields.Boolean(
        compute="_compute_is_customer_service",
        help="Whether the current user may edit the registration (customer service).",
    )

    # ------------------------------------------------------------------
    # Life cycle
    # ------------------------------------------------------------------
    def action_accept(self):
        """Accept (受理) a new complaint: the day of acceptance starts the deadlines."""
        self._check_group("property_complaint.group_complaint_agent")
        self._check_open()
        for complaint in self:
            if complaint.date_accepted:
                raise UserError(
                    self.env._(
                        "Complaint %(number)s is already accepted.",
                        number=complaint.name,
                    )
                )
        self._accept()
        self._activity_update()
        return True

    def _accept(self):
        to_accept = self.filtered(lambda c: not c.date_accepted)
        if to_accept:
            to_accept._write_action(
                {
                    "date_accepted": fields.Datetime.now(),
                    "state": "progress",
                }
            )
        return to_accept

    def action_dispatch(self):
        """Open the dispatch wizard (派单/转派)."""
        self.ensure_one()
        self._check_open()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaint.property_complaint_dispatch_action"
        )
        action["context"] = {"default_complaint_id": self.id}
        return action

    def _dispatch(self, department, handler, reason, update_activities=True, rule=None):
        """Assign the complaint to ``department`` and ``handler`` (C11): write the
        transfer line (naming the dispatch ``rule`` when automatic), accept it when
        new and (unless the caller does it for a batch, ``update_activities``) bring
        its to-dos up to date: the handler's to-do."""
        self.ensure_one()
        self._check_open()
        is_transfer = bool(self.department_id or self.handler_id)
        if is_transfer and not (reason or "").strip():
            raise UserError(
                self.env._(
                    "Complaint %(number)s is already dispatched: give the reason of "
                    "the transfer.",
                    number=self.name,
                )
            )
        if not department and not handler:
            raise UserError(
                self.env._("Choose the department or the handler to dispatch to.")
            )
        if handler and not handler.has_group(
            "property_complaint.group_complaint_handler"
        ):
            raise UserError(
                self.env._(
                    "%(user)s is not a complaint handler and cannot receive "
                    "complaints.",
                    user=handler.name,
                )
            )
        # The rights were checked; the dispatcher may lose sight of the complaint.
        complaint = self.sudo()
        complaint.env["property.complaint.transfer"].create(
            {
                "complaint_id": complaint.id,
                "user_id": self.env.user.id,
                "from_department_id": complaint.department_id.id,
                "from_handler_id": complaint.handler_id.id,
                "to_department_id": department.id,
                "to_handler_id": handler.id,
                "is_transfer": is_transfer,
                "reason": reason,
                "rule_id": rule.id if rule else False,
            }
        )
        complaint._write_action(
            {"department_id": department.id, "handler_id": handler.id}
        )
        complaint._accept()
        if handler:
            complaint.message_subscribe(partner_ids=handler.partner_id.ids)
        if update_activities:
            # the handler's to-do moves with the complaint (a transfer to the same
            # handler keeps the one already scheduled)
            complaint._activity_update()
            # the complainant hears who handles it
            complaint._notify_customer("dispatch")

    # ------------------------------------------------------------------
    # Response, reply, handling (C08, C12)
    # ------------------------------------------------------------------
    responsible_user_id = fields.Many2one(
        "res.users",
        string="Person in Charge",
        tracking=True,
        index=True,
        domain="[('share', '=', False)]",
        help="First responsible person: the service-centre manager of the site "
        "(项目总), then whoever takes the complaint over.",
    )
    date_customer_contacted = fields.Datetime(
        string="Customer Contacted On", readonly=True, copy=False, tracking=True
    )
    date_replied = fields.Datetime(
        string="Replied On", readonly=True, copy=False, tracking=True
    )
    investigation = fields.Html(help="Investigation and evidence.")
    date_investigated = fields.Datetime(
        string="Investigated On", readonly=True, copy=False, tracking=True
    )
    cause_analysis = fields.Text()
    proposed_solution = fields.Text()
    date_solution_proposed = fields.Datetime(
        string="Solution Proposed On", readonly=True, copy=False, tracking=True
    )
    date_solution_started = fields.Datetime(
        string="Solution Carried Out From", readonly=True, copy=False, tracking=True
    )
    review_ids = fields.One2many(
        "property.complaint.review",
        "complaint_id",
        string="Solution Reviews",
        readonly=True,
    )
    needs_review = fields.Boolean(
        compute="_compute_needs_review",
        help="A major escalated complaint: its solution needs an internal review.",
    )
    is_solution_reviewed = fields.Boolean(compute="_compute_needs_review")

    # ------------------------------------------------------------------
    # Response, reply, handling (C08, C12)
    # ------------------------------------------------------------------
    def action_record_contact(self):
        """The customer was contacted (C08); the response is met once the person in
        charge is named too."""

        def check(complaint):
            if complaint.date_customer_contacted:
                raise UserError(
                    self.env._(
                        "The contact with the customer of %(number)s is already "
                        "recorded.",
                        number=complaint.name,
                    )
                )
            if not complaint.responsible_user_id:
                raise UserError(
                    self.env._(
                        "Name the person in charge of %(number)s before recording the "
                        "contact.",
                        number=complaint.name,
                    )
                )

        return self._run_handling_step(
            {"date_customer_contacted": fields.Datetime.now()},
            check,
            group="property_complaint.group_complaint_handler",
        )

    def action_record_reply(self):
        """The customer received a reply (C08, 24 hours by default)."""

        def check(complaint):
            if complaint.date_replied:
                raise UserError(
                    self.env._(
                        "The reply of %(number)s is already recorded.",
                        number=complaint.name,
                    )
                )

        return self._run_handling_step({"date_replied": fields.Datetime.now()}, check)

    def action_record_investigation(self):
        """Investigation and cause analysis are recorded (C12)."""

        def check(complaint):
            if (
                is_html_empty(complaint.investigation)
                or not (complaint.cause_analysis or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "Record the investigation and the cause analysis of "
                        "%(number)s.",
                        number=complaint.name,
                    )
                )

        return self._run_handling_step(
            {"date_investigated": fields.Datetime.now()}, check
        )

    def action_propose_solution(self):
        """The proposed solution is recorded (C08: 3 working days by default)."""

        def check(complaint):
            if not complaint.date_investigated:
                raise UserError(
                    self.env._(
                        "Record the investigation of %(number)s first.",
                        number=complaint.name,
                    )
                )
            if not (complaint.proposed_solution or "").strip():
                raise UserError(
                    self.env._(
                        "Write the proposed solution of %(number)s.",
                        number=complaint.name,
                    )
                )

        return self._run_handling_step(
            {"date_solution_proposed": fields.Datetime.now()}, check
        )

    @api.depends(
        "complaint_class",
        "is_escalated",
        "proposed_solution",
        "review_ids.state",
        "review_ids.solution",
    )
    def _compute_needs_review(self):
        for complaint in self:
            complaint.needs_review = (
                complaint.is_escalated and complaint.complaint_class == "1"
            )
            # reviewed: an approved review of the solution proposed now (one changed
            # after its approval needs a new review)
            solution = (complaint.proposed_solution or "").strip()
            complaint.is_solution_reviewed = bool(solution) and any(
                review.state == "approved"
                and (review.solution or "").strip() == solution
                for review in complaint.sudo().review_ids
            )

    def action_carry_out_solution(self):
        """The service centre carries out the proposed solution (C12); a major
        escalated complaint needs an approved internal review first."""

        def check(complaint):
            if not complaint.date_solution_proposed:
                raise UserError(
                    self.env._(
                        "Propose a solution for %(number)s first.",
                        number=complaint.name,
                    )
                )
            if complaint.date_solution_started:
                raise UserError(
                    self.env._(
                        "The solution of %(number)s is already carried out.",
                        number=complaint.name,
                    )
                )
            if complaint.needs_review and not complaint.is_solution_reviewed:
                raise UserError(
                    self.env._(
                        "%(number)s is a major escalated complaint: its solution must "
                        "pass the internal review of the project management centre "
                        "first.",
                        number=complaint.name,
                    )
                )

        return self._run_handling_step(
            {"date_solution_started": fields.Datetime.now()},
            check,
            group="property_complaint.group_complaint_agent",
            may_handle=False,
        )

    def action_request_review(self):
        """Open a solution review (C12) for this complaint."""
        self.ensure_one()
        self._check_open()
        if not self.date_solution_proposed:
            raise UserError(
                self.env._("Propose a solution for %(number)s first.", number=self.name)
            )
        solution = (self.proposed_solution or "").strip()
        # the review of this solution still under way, or a new one
        review = self.sudo().review_ids.filtered(
            lambda r: (
                r.state in ("draft", "advised")
                and (r.solution or "").strip() == solution
            )
        )[:1] or self.env["property.complaint.review"].sudo().create(
            {"complaint_id": self.id, "solution": self.proposed_solution}
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.complaint.review",
            "res_id": review.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # Smart buttons
    # ------------------------------------------------------------------
    def action_view_transfers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaint.property_complaint_transfer_action"
        )
        action["domain"] = [("complaint_id", "=", self.id)]
        return action
