from odoo import models


class ResGroups(models.Model):
    _inherit = "res.groups"

    def write(self, vals):
        """A role given or taken through the group (its users, or a group it
        implies) moves its users' home screen too."""
        if "users" not in vals and "implied_ids" not in vals:
            return super().write(vals)
        before = self.sudo().with_context(active_test=False).users
        res = super().write(vals)
        users = before | self.sudo().with_context(active_test=False).users
        users._property_update_home_action()
        return res
