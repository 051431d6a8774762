"""``groups=`` of the staff's fields on the records shown in the portal.

The staff of the suite are internal users; residents and tenant contacts (portal
users) are not, so the ORM refuses them the fields declared with ``groups=STAFF`` on
every path (read, search, group by, export), while the portal pages show them what
concerns them (read in sudo by the page). A field declared in another addon is given
its ``groups`` by redefining it here, as Odoo's own addons do."""

STAFF = "base.group_user"
