from odoo import SUPERUSER_ID, fields, models
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.property_base.tools import internal
from odoo.addons.property_base.tools.date_style import zh_date

# the answers a resident posts from the page of the link (the form's "answer" value)
LINK_ANSWERS = ("confirm", "dispute", "callback")
# longest reason or comment accepted from the page
LINK_TEXT_MAX = 2000


class PropertyComplaintLinkMixin(models.AbstractModel):
    """The complaint's page without login (property_base's
    ``property.signed.link.mixin``): the link of the messages to the complainant
    opens this one complaint (purpose ``"complaint"``). The resident follows it
    (number, class, state, the expected date, the result once communicated, C14/C24),
    confirms or disputes the result, and answers the callback (C15) on the
    satisfaction scale with a comment: the callback is recorded with the method
    "link" through its own action, and a dissatisfied answer opens the second
    complaint as any callback does (C17). The page writes nothing but through these
    actions, in sudo with the complaint's internal flag; the values posted are read
    one by one, never written as they come."""

    _name = "property.complaint.link.mixin"
    _inherit = ["property.signed.link.mixin"]
    _description = "Complaint: Page Without Login"
    _signed_link_purposes = ("complaint",)

    date_result_confirmed = fields.Datetime(
        string="Result Confirmed by the Customer On",
        readonly=True,
        copy=False,
        tracking=True,
    )
    date_result_disputed = fields.Datetime(
        string="Result Disputed by the Customer On",
        readonly=True,
        copy=False,
        tracking=True,
    )
    result_dispute_reason = fields.Text(
        string="Customer's Reason for Disputing", readonly=True, copy=False
    )

    # ------------------------------------------------------------------
    # What the page shows and offers
    # ------------------------------------------------------------------
    def _link_callback_due(self):
        """The callback the resident may answer from the link (one to do)."""
        self.ensure_one()
        return self.sudo().callback_ids.filtered(lambda c: c.state == "todo")[:1]

    def _link_may_answer_result(self):
        """The result was communicated and the resident has not answered it yet."""
        self.ensure_one()
        return bool(
            self.date_result_communicated
            and not self.date_result_confirmed
            and not self.date_result_disputed
            and not self.is_closed
        )

    def _link_page_values(self, token, notice=None, error=None):
        self.ensure_one()
        complaint = self.sudo()
        expected = complaint.date_deadline_resolution
        Satisfaction = self.env["property.complaint.satisfaction"].sudo()
        return {
            "complaint": complaint,
            "token": token,
            "title": complaint.name,
            "expected_date": zh_date(complaint.site_id._local_date(expected))
            if expected and not complaint.date_resolved
            else "",
            "result_date": zh_date(
                complaint.site_id._local_date(complaint.date_result_communicated)
            )
            if complaint.date_result_communicated
            else "",
            "may_answer_result": complaint._link_may_answer_result(),
            "callback": complaint._link_callback_due(),
            "levels": Satisfaction.search([("active", "=", True)], limit=20),
            "notice": notice,
            "error": error,
        }

    def _signed_link_page(self, purpose, token, form=None):
        if purpose != "complaint":
            return super()._signed_link_page(purpose, token, form)
        self.ensure_one()
        notice = error = None
        status = 200
        if form is not None:
            try:
                with self.env.cr.savepoint():
                    notice = self._link_answer(form)
            except UserError as refusal:
                error, status = refusal.args[0], 400
        return request.render(
            "property_complaint.complaint_link_page",
            self._link_page_values(token, notice=notice, error=error),
            status=status,
        )

    # ------------------------------------------------------------------
    # The resident's answers (POST of the page's forms)
    # ------------------------------------------------------------------
    def _link_text(self, form, name, label, required=True):
        value = form.get(name)
        value = value.strip() if isinstance(value, str) else ""
        if required and not value:
            raise UserError(self.env._("Please write %(what)s.", what=label))
        if len(value) > LINK_TEXT_MAX:
            raise UserError(
                self.env._(
                    "%(what)s is too long (%(max)s characters at most).",
                    what=label,
                    max=LINK_TEXT_MAX,
                )
            )
        return value

    def _link_answer(self, form):
        """The resident's answer posted from the page; the message shown back."""
        self.ensure_one()
        answer = form.get("answer")
        if answer not in LINK_ANSWERS:
            raise UserError(self.env._("This answer is not possible here."))
        if answer == "confirm":
            self._link_confirm_result()
            return self.env._("Thank you: you confirmed the result.")
        if answer == "dispute":
            reason = self._link_text(form, "reason", self.env._("your reason"))
            self._link_dispute_result(reason)
            return self.env._(
                "Your objection is recorded: the service centre will contact you."
            )
        level = form.get("satisfaction_id")
        # an id PostgreSQL can read (a longer number is no level)
        level = (
            int(level)
            if isinstance(level, str) and level.isdigit() and len(level) < 10
            else 0
        )
        comment = self._link_text(
            form, "comment", self.env._("your comment"), required=False
        )
        seconds = self._link_answer_callback(level, comment)
        if seconds:
            return self.env._(
                "Thank you for your answer. We are sorry: your dissatisfaction is "
                "registered as complaint %(number)s and the service centre will "
                "contact you.",
                number=seconds[0].name,
            )
        return self.env._("Thank you for your answer.")

    def _link_check_result_open(self):
        if not self._link_may_answer_result():
            raise UserError(
                self.env._(
                    "The result of %(number)s cannot be answered now.",
                    number=self.name,
                )
            )

    def _link_as(self, user):
        """``self`` in sudo as ``user`` (the agent in charge; else the superuser):
        what the action records as done by its user is done by them."""
        return self.with_user(user.id or SUPERUSER_ID).sudo()

    def _link_confirm_result(self):
        """The resident confirms the result communicated (C14)."""
        self.ensure_one()
        complaint = self._link_as(self.sudo().user_id)
        complaint._link_check_result_open()
        complaint._write_action({"date_result_confirmed": fields.Datetime.now()})
        complaint.message_post(
            body=self.env._("The customer confirmed the result through the link."),
            subtype_xmlid="mail.mt_note",
            author_id=complaint.partner_id.id or None,
        )

    def _link_dispute_result(self, reason):
        """The resident disputes the result communicated: the reason is recorded on
        the complaint and in its chatter, and its agent is told; the callback, still
        to do, is where the resident says how satisfied they are (a dissatisfied
        answer opens the second complaint, C17)."""
        self.ensure_one()
        complaint = self._link_as(self.sudo().user_id)
        complaint._link_check_result_open()
        complaint._write_action(
            {
                "date_result_disputed": fields.Datetime.now(),
                "result_dispute_reason": reason,
            }
        )
        complaint.message_post(
            body=self.env._(
                "The customer disputed the result through the link: %(reason)s",
                reason=reason,
            ),
            subtype_xmlid="mail.mt_comment",
            author_id=complaint.partner_id.id or None,
            partner_ids=complaint.user_id.partner_id.ids,
        )

    def _link_answer_callback(self, level_id, comment):
        """The resident answers the callback due (C15): recorded by the callback's own
        action with the method "link", answered by the complainant; a dissatisfied
        level opens the second complaint (C17). Returns the second complaints."""
        self.ensure_one()
        complaint = self.sudo()
        callback = complaint._link_callback_due()
        if not callback:
            raise UserError(
                self.env._(
                    "The callback of %(number)s is already recorded.",
                    number=complaint.name,
                )
            )
        level = (
            self.env["property.complaint.satisfaction"].sudo().browse(level_id).exists()
        )
        if not level or not level.active:
            raise UserError(self.env._("Please choose how satisfied you are."))
        # recorded as by the agent in charge of the callback
        callback = callback.with_user(
            callback.user_id.id or complaint.user_id.id or SUPERUSER_ID
        ).sudo()
        internal(callback, "property_complaint_action").write(
            {
                "method": "link",
                "satisfaction_id": level.id,
                "comments": comment or False,
                "answered_by": complaint.complainant_name or False,
                "date_done": fields.Datetime.now(),
            }
        )
        seconds_before = callback.second_complaint_id
        callback.action_done()
        return callback.second_complaint_id - seconds_before
