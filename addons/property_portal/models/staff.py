"""``groups=`` of the staff's fields on the records shown in the portal.

The staff of the suite are internal users; residents and tenant contacts (portal
users) are not, so the ORM refuses them the fields declared with ``groups=STAFF`` on
every path (read, search, group by, export), while the portal pages show them what
concerns them (read in sudo by the page). A field declared in another addon is given
its ``groups`` by redefining it here, as Odoo's own addons do."""

from odoo import fields, models

STAFF = "base.group_user"


class PropertyPortalStaffChatter(models.AbstractModel):
    """The chatter, its followers and the activities of a record shown in the portal
    are the staff's: residents and tenant contacts read what concerns them on the
    portal's pages, never the internal notes, followers or to-dos."""

    _name = "property.portal.staff.chatter"
    _description = "Portal: The Staff's Chatter"
    _inherit = ["mail.thread", "mail.activity.mixin"]

    message_ids = fields.One2many(groups=STAFF)
    website_message_ids = fields.One2many(groups=STAFF)
    has_message = fields.Boolean(groups=STAFF)
    message_is_follower = fields.Boolean(groups=STAFF)
    message_needaction = fields.Boolean(groups=STAFF)
    message_needaction_counter = fields.Integer(groups=STAFF)
    message_has_error = fields.Boolean(groups=STAFF)
    message_has_error_counter = fields.Integer(groups=STAFF)
    activity_exception_decoration = fields.Selection(groups=STAFF)
    activity_exception_icon = fields.Char(groups=STAFF)
    activity_type_icon = fields.Char(groups=STAFF)
