from odoo import api, models
from odoo.exceptions import AccessError


class PropertyPortalFieldMixin(models.AbstractModel):
    """Portal users (residents, tenant contacts) read only the fields a model lists
    in ``_portal_field_names``: never the staff's notes, the verdicts or other
    people's contact data, even through the ORM (RPC)."""

    _name = "property.portal.field.mixin"
    _description = "Fields Readable in the Portal"

    @api.model
    def _portal_field_names(self):
        return {"id", "display_name"}

    def _portal_restricted(self):
        return not self.env.su and self.env.user._is_portal()

    def check_field_access_rights(self, operation, field_names):
        requested = field_names
        field_names = super().check_field_access_rights(operation, field_names)
        if self._portal_restricted():
            allowed = self._portal_field_names()
            if requested:
                refused = sorted(name for name in requested if name not in allowed)
                if refused:
                    raise AccessError(
                        self.env._(
                            "You cannot read these fields of %(model)s: %(fields)s.",
                            model=self._description,
                            fields=", ".join(refused),
                        )
                    )
            else:
                field_names = [name for name in field_names if name in allowed]
        return field_names

    def fetch(self, field_names):
        if field_names and self._portal_restricted():
            # the ORM prefetches every field of a group: keep the portal ones only
            allowed = self._portal_field_names()
            kept = [name for name in field_names if name in allowed]
            if kept:
                field_names = kept
        return super().fetch(field_names)
