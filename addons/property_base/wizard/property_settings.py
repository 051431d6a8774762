from odoo import api, fields, models
from odoo.exceptions import AccessError


class PropertySettings(models.TransientModel):
    """The suite's Settings: the regulation numbers of one company.

    Each setting is a field of ``res.company`` (with its default there, the one place
    of each default) that the addons read from the record's company. Each addon adds
    here a ``related="company_id.<field>", readonly=False`` field with ``groups=`` of
    its manager group, and a block to the form. The managers have no write right on
    ``res.company``: the record checks that the company is one of the user's and that
    the user may write each field given, then writes through sudo.
    """

    _name = "property.settings"
    _inherit = ["property.input.mixin"]
    _description = "Property Service Settings"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
    )

    # the links without login (property.signed.link.mixin)
    property_signed_link_hours = fields.Integer(
        related="company_id.property_signed_link_hours",
        readonly=False,
        groups="property_base.group_property_manager",
    )

    @api.depends("company_id")
    def _compute_display_name(self):
        for settings in self:
            settings.display_name = self.env._(
                "Settings of %(company)s", company=settings.company_id.name or ""
            )

    def _setting_fields(self):
        """Names of the settings: the fields related to a field of the company."""
        return {
            name
            for name, field in self._fields.items()
            if field.related and field.related.split(".")[0] == "company_id"
        }

    def _check_settings_vals(self, vals, companies):
        """Refuse (nothing written) a company that is not one of the user's, or a
        field the user may not write."""
        if self.env.su:
            return
        user = self.env.user
        if companies - user.company_ids:
            raise AccessError(
                self.env._("You may change the settings of your own companies only.")
            )
        settings = self._setting_fields()
        for name in vals:
            if name == "company_id":
                continue
            field = self._fields.get(name)
            if name not in settings or (
                field.groups and not user.has_groups(field.groups)
            ):
                raise AccessError(
                    self.env._(
                        "You may not change the setting %(setting)s.",
                        setting=field._description_string(self.env) if field else name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            company = self.env["res.company"].browse(
                vals.get("company_id") or self.env.company.id
            )
            self._check_settings_vals(vals, company)
        self.check_access("create")
        records = super(PropertySettings, self.sudo()).create(vals_list)
        return records.sudo(self.env.su)

    def write(self, vals):
        companies = self.mapped("company_id")
        if vals.get("company_id"):
            companies |= self.env["res.company"].browse(vals["company_id"])
        self._check_settings_vals(vals, companies)
        self.check_access("write")
        return super(PropertySettings, self.sudo()).write(vals)

    def action_save(self):
        """The form's button: the values are written when the record is saved."""
        return True
