from odoo import fields, models
from odoo.exceptions import UserError

SUPERVISORS = "property_complaint.group_complaint_supervisor"


class PropertySiteComplaintOverview(models.AbstractModel):
    """The complaint numbers of a site on the supervisors' and managers' overview:
    each counted for all the sites shown in one ``_read_group`` per number, under the
    reader's own access (their sites, their companies), and each opening its list."""

    _name = "property.site.complaint.overview"
    _description = "Site: Complaint Overview"

    overview_late_count = fields.Integer(
        string="Late", compute="_compute_complaint_overview", groups=SUPERVISORS
    )
    overview_due_today_count = fields.Integer(
        string="Due Today", compute="_compute_complaint_overview", groups=SUPERVISORS
    )
    overview_escalated_count = fields.Integer(
        string="Escalated", compute="_compute_complaint_overview", groups=SUPERVISORS
    )
    overview_suspension_count = fields.Integer(
        string="Suspensions to Approve",
        compute="_compute_complaint_overview",
        groups=SUPERVISORS,
    )
    overview_review_count = fields.Integer(
        string="Reviews Waiting",
        compute="_compute_complaint_overview",
        groups=SUPERVISORS,
    )
    overview_callback_count = fields.Integer(
        string="Callbacks Due",
        compute="_compute_complaint_overview",
        groups=SUPERVISORS,
    )

    def _complaint_overview_lists(self):
        """{number: (model, domain, action xmlid)}: what each number counts and the
        list its button opens (the domain is the list's, the site's added)."""
        today = fields.Date.context_today(self)
        open_ = [("is_closed", "=", False)]
        register = "property_complaint.property_complaint_action"
        return {
            "late": ("property.complaint", [*open_, ("is_late", "=", True)], register),
            "due_today": (
                "property.complaint",
                [*open_, ("is_due_today", "=", True)],
                register,
            ),
            "escalated": (
                "property.complaint",
                [*open_, ("is_escalated", "=", True)],
                register,
            ),
            "suspension": (
                "property.complaint",
                [("suspension_ids.state", "=", "to_approve")],
                register,
            ),
            "review": (
                "property.complaint.review",
                [("state", "in", ("draft", "advised"))],
                "property_complaint.property_complaint_review_action",
            ),
            "callback": (
                "property.complaint.callback",
                [("state", "=", "todo"), ("date_due", "<=", today)],
                "property_complaint.property_complaint_callback_action",
            ),
        }

    def _compute_complaint_overview(self):
        for key, (model, domain, _action) in self._complaint_overview_lists().items():
            counts = dict(
                self.env[model]._read_group(
                    [("site_id", "in", self.ids), *domain], ["site_id"], ["__count"]
                )
            )
            for site in self:
                site[f"overview_{key}_count"] = counts.get(site, 0)

    def action_open_complaint_overview(self):
        """The list behind one number of the site's card (``overview`` in the
        context)."""
        self.ensure_one()
        self.env["property.complaint"]._check_group(SUPERVISORS)
        key = self.env.context.get("overview")
        lists = self._complaint_overview_lists()
        if key not in lists:
            raise UserError(
                self.env._("Unknown number of the overview: %(key)s.", key=key)
            )
        _model, domain, xmlid = lists[key]
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        label = self._fields[f"overview_{key}_count"]._description_string(self.env)
        name = self.env._("%(site)s: %(list)s", site=self.display_name, list=label)
        action.update(
            {
                "name": name,
                "display_name": name,
                "domain": [("site_id", "=", self.id), *domain],
                "context": {"create": False},
                "views": [(False, "list"), (False, "form")],
                "view_mode": "list,form",
            }
        )
        return action
