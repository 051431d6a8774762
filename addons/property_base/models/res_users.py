from collections import defaultdict

from odoo import api, fields, models

# Administration rights of the HR apps that Odoo puts in the Default User Template
# (hr, hr_attendance, hr_holidays give it their manager groups): no role of the suite
# gets them from the template; whoever needs them is given them by name.
TEMPLATE_EXCLUDED_GROUPS = (
    "hr.group_hr_manager",
    "hr.group_hr_user",
    "hr_attendance.group_hr_attendance_manager",
    "hr_attendance.group_hr_attendance_officer",
    "hr_holidays.group_hr_holidays_manager",
    "hr_holidays.group_hr_holidays_user",
    "hr_holidays.group_hr_holidays_responsible",
)


RESTRICTED_PARAM = "property_base.roles_restricted_groups"

# Keys of a res.users write that change its groups (the user form writes the reified
# fields of the groups, sel_groups_* and in_group_*).
GROUP_KEYS = ("groups_id", "sel_groups_", "in_group_")


class ResUsers(models.Model):
    _inherit = "res.users"

    property_site_ids = fields.Many2many(
        "property.site",
        "property_site_member_rel",
        "user_id",
        "site_id",
        string="Property Sites",
        readonly=True,
        help="Sites whose records this user sees (as manager, supervisor or staff).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._property_update_home_action()
        return users

    def write(self, vals):
        res = super().write(vals)
        if any(key.startswith(GROUP_KEYS) for key in vals):
            self._property_update_home_action()
        return res

    @api.model
    def _property_home_actions(self):
        """The home screens of the suite's roles: (sequence, group xmlid, action xmlid).
        A user lands on the screen of the role with the lowest sequence among their
        groups; each addon adds its roles."""
        return []

    def _property_update_home_action(self):
        """Set the home action (``action_id``) of these users after their roles: the
        screen of their main role, none once they have no role any more. A home
        action chosen by hand (not one of the roles' screens) is kept."""
        homes = []
        for _sequence, group_xmlid, action_xmlid in sorted(
            self._property_home_actions()
        ):
            group = self.env.ref(group_xmlid, raise_if_not_found=False)
            action = self.env.ref(action_xmlid, raise_if_not_found=False)
            if group and action:
                homes.append((group.sudo(), action.sudo()))
        home_ids = {action.id for _group, action in homes}
        by_target = defaultdict(list)
        for user in self.sudo().with_context(active_test=False):
            if user.share or (user.action_id and user.action_id.id not in home_ids):
                continue
            target = next(
                (action.id for group, action in homes if group in user.groups_id), False
            )
            if user.action_id.id != target:
                by_target[target].append(user.id)
        # one write per screen
        Users = self.sudo().with_context(active_test=False)
        for target, user_ids in by_target.items():
            Users.browse(user_ids).write({"action_id": target})
        return True

    @api.model
    def _property_update_home_actions(self):
        """Every user of the suite's roles (when an addon is installed or updated)."""
        role = self.env.ref("property_base.group_property_user")
        role.sudo().with_context(active_test=False).users._property_update_home_action()

    @api.model
    def _property_template_excluded_groups(self):
        groups = self.env["res.groups"]
        for xmlid in TEMPLATE_EXCLUDED_GROUPS:
            groups |= self.env.ref(xmlid, raise_if_not_found=False) or groups
        return groups.sudo()

    @api.model
    def _default_groups(self):
        """The template's groups without the HR apps' administration (a new user, a
        user created by ticking a role of the suite, and the existing users when an
        app adds a group to the template)."""
        return super()._default_groups() - self._property_template_excluded_groups()

    @api.model
    def _property_restrict_roles(self):
        """Take the HR apps' administration out of the Default User Template and, once
        per database, from the users of the suite's roles who got it from there (not
        from the Odoo administrators; whoever is given it by name afterwards keeps
        it). Called when the addons using the HR apps are installed or updated."""
        excluded = self._property_template_excluded_groups()
        if not excluded:
            return
        template = self.env.ref("base.default_user", raise_if_not_found=False)
        if template and template.sudo().groups_id & excluded:
            # removing groups from the template adds none to the other users
            template.sudo().write(
                {
                    "groups_id": [
                        fields.Command.unlink(g.id)
                        for g in template.sudo().groups_id & excluded
                    ]
                }
            )
        params = self.env["ir.config_parameter"].sudo()
        done = set((params.get_param(RESTRICTED_PARAM) or "").split(","))
        todo = excluded.filtered(lambda g: g.get_external_id()[g.id] not in done)
        if not todo:
            return
        role = self.env.ref("property_base.group_property_user")
        admin = self.env.ref("base.group_system")
        users = role.sudo().users - admin.sudo().users
        for group in todo:
            stray = group.sudo().users & users
            if stray:
                group.sudo().write(
                    {"users": [fields.Command.unlink(u.id) for u in stray]}
                )
        done |= set(todo.get_external_id().values())
        params.set_param(RESTRICTED_PARAM, ",".join(sorted(done - {""})))
