from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from ..property_complaint_group import count_customers

AGENT = "property_complaint.group_complaint_agent"


class PropertyComplaintGroupMixin(models.AbstractModel):
    """Group complaints (C05, issue #21): the related complaints proposed at
    registration, and the group an agent links them into, whose distinct customers
    make the class of each of its complaints.

    Related: the open complaints (and those closed within the window) of the same
    company and category, about the same unit — or any unit of the same building when
    the category is a building-wide matter (``is_building_wide``) — received within
    the company's window (72 hours) before or after. A complaint without a category or
    a unit has none.

    Customers counted for C05: in a group, the distinct complainants of its complaints
    and their co-complainants (the same customer by contact or phone), or, when more,
    the most customers one complaint was registered with (1 + its typed
    co-complainants): a caller's "we are five" is not lost, and the neighbours who
    then call themselves are not counted twice. Out of a group, as before: the
    complainant and the typed co-complainants (or the named co-complainants kept by a
    merge, when more)."""

    _name = "property.complaint.group.mixin"
    _description = "Complaint: Group Complaint"

    group_id = fields.Many2one(
        "property.complaint.group",
        string="Group Complaint",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        tracking=True,
    )
    customer_count = fields.Integer(
        string="Customers",
        compute="_compute_customer_count",
        store=True,
        precompute=True,
        help="C05: the customers of the complaint — those of its group when linked "
        "(distinct complainants by contact or phone), else the complainant and the "
        "co-complainants.",
    )
    co_complainant_ids = fields.One2many(
        "property.complaint.complainant",
        "complaint_id",
        string="Named Co-complainants",
        readonly=True,
        groups=AGENT,
    )
    related_complaint_ids = fields.Many2many(
        "property.complaint",
        string="Related Complaints",
        compute="_compute_related_complaints",
        help="Complaints of the same category about the same unit (or building, for "
        "a building-wide category) received within the window of the settings: "
        "perhaps a group complaint.",
    )
    related_complaint_count = fields.Integer(
        string="Related", compute="_compute_related_complaints"
    )

    # ------------------------------------------------------------------
    # Customers (C05)
    # ------------------------------------------------------------------
    @api.depends(
        "co_complainant_count",
        "partner_id",
        "partner_phone",
        "co_complainant_ids.partner_id",
        "co_complainant_ids.phone",
        "group_id.customer_count",
    )
    def _compute_customer_count(self):
        for complaint in self:
            if complaint.group_id:
                complaint.customer_count = complaint.group_id.customer_count
            else:
                complaint.customer_count = max(
                    1 + complaint.co_complainant_count,
                    count_customers(complaint.sudo()),
                )

    # ------------------------------------------------------------------
    # Related complaints: one search for the whole batch
    # ------------------------------------------------------------------
    @api.depends("company_id", "category_id", "unit_id", "date_received", "group_id")
    @api.depends_context("uid")
    def _compute_related_complaints(self):
        proposals = self._related_proposals()
        for complaint in self:
            related = proposals.get(complaint.id, self.browse())
            complaint.related_complaint_ids = related
            complaint.related_complaint_count = len(related)

    def _related_proposals(self):
        """{complaint id: the related complaints the user can see}, found in one
        search for all of ``self``."""
        records = self.filtered(
            lambda c: (
                c.id
                and c.category_id
                and c.unit_id
                and c.date_received
                and not c.merged_into_id
            )
        )
        if not records:
            return {}
        windows = {
            company: timedelta(hours=company.property_complaint_group_window_hours)
            for company in records.company_id.sudo()
        }
        widest = max(windows.values())
        start = min(records.mapped("date_received")) - widest
        end = max(records.mapped("date_received")) + widest
        wide = records.filtered("category_id.is_building_wide")
        place = [("unit_id", "in", records.unit_id.ids)]
        if wide:
            place = expression.OR(
                [place, [("unit_id.building_id", "in", wide.unit_id.building_id.ids)]]
            )
        candidates = self.search(
            expression.AND(
                [
                    [
                        ("company_id", "in", records.company_id.ids),
                        ("category_id", "in", records.category_id.ids),
                        ("merged_into_id", "=", False),
                        ("date_received", ">=", start),
                        ("date_received", "<=", end),
                        "|",
                        ("is_closed", "=", False),
                        ("date_closed", ">=", start),
                    ],
                    place,
                ]
            ),
            order="date_received, id",
        )
        proposals = {}
        for complaint in records:
            window = windows[complaint.company_id.sudo()]
            low = complaint.date_received - window
            high = complaint.date_received + window
            building = (
                complaint.unit_id.building_id
                if complaint.category_id.is_building_wide
                else None
            )
            proposals[complaint.id] = candidates.filtered(
                lambda o, c=complaint, b=building, lo=low, hi=high: (
                    o.id != c.id
                    and o.company_id == c.company_id
                    and o.category_id == c.category_id
                    and (o.unit_id == c.unit_id or (b and o.unit_id.building_id == b))
                    and lo <= o.date_received <= hi
                    and (not o.is_closed or (o.date_closed and o.date_closed >= lo))
                    and not (c.group_id and o.group_id == c.group_id)
                )
            )
        return proposals

    def action_view_related(self):
        """The related complaints proposed for this one."""
        self.ensure_one()
        return self._complaints_action(
            self.related_complaint_ids, self.env._("Related Complaints")
        )

    def action_view_group(self):
        """The complaints of this one's group."""
        self.ensure_one()
        return self._complaints_action(
            self.group_id.complaint_ids, self.env._("Group Complaint")
        )

    def _complaints_action(self, complaints, name):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaint.property_complaint_action"
        )
        action.update(
            {
                "name": name,
                "domain": [("id", "in", complaints.ids)],
                "context": {"create": False},
                "view_mode": "list,form",
                "views": [(False, "list"), (False, "form")],
            }
        )
        return action

    # ------------------------------------------------------------------
    # Link as a group
    # ------------------------------------------------------------------
    def action_link_related(self):
        """Link this complaint and its open related complaints as one group."""
        self.ensure_one()
        others = self.related_complaint_ids.filtered(lambda c: not c.is_closed)
        if not others:
            raise UserError(
                self.env._(
                    "No open related complaint to link with %(number)s.",
                    number=self.name,
                )
            )
        return (self | others).action_link_group()

    def action_link_group(self):
        """Link these complaints (and the groups they are already in) as one group
        complaint (C05): its main complaint is the first received; the class of every
        complaint of the group follows its customers."""
        self._check_group(AGENT)
        if len(self | self.group_id.complaint_ids) < 2:
            raise UserError(
                self.env._("Choose at least two complaints to link as a group.")
            )
        if len(self.site_id) > 1:
            raise UserError(
                self.env._("The complaints of a group must be of the same site.")
            )
        self._check_open()
        groups = self.group_id
        members = self | groups.complaint_ids
        main = members.sorted(lambda c: (c.date_received, c.id))[:1]
        group = groups.filtered(lambda g: g.main_complaint_id == main)[:1] or groups[:1]
        joining = members - group.complaint_ids
        joining._check_open()
        if not group:
            group = (
                self.env["property.complaint.group"]
                .sudo()
                .create({"main_complaint_id": main.id})
            )
        joining._write_action({"group_id": group.id})
        group.sudo().main_complaint_id = main
        (groups - group).sudo().unlink()
        # the class of every member follows the group: the class-1 notice with it
        members._activity_update()
        for complaint in joining:
            complaint.message_post(
                body=self.env._(
                    "Linked to the group complaint %(group)s: %(count)s customers in "
                    "%(complaints)s complaints.",
                    group=group.name,
                    count=group.customer_count,
                    complaints=group.complaint_count,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True
