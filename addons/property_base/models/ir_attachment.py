from collections import defaultdict

from odoo import api, models, tools

INTEGRITY = "property.integrity.mixin"


class IrAttachment(models.Model):
    """Files are evidence: the suite's integrity rules (``property.integrity.mixin``)
    decide whether a file may be added to, changed on or removed from one of its
    records — whether the file hangs on the record (``res_model``/``res_id``) or is
    linked to it by a many2many field (evidence fields). The files behind binary fields
    (``res_field``) follow the writes of their record instead."""

    _inherit = "ir.attachment"

    def _property_owners(self):
        """{record of the suite: its attachments among ``self``}."""
        owners = defaultdict(lambda: self.browse())
        for attachment in self.sudo().filtered(lambda a: not a.res_field):
            Model = self.env.get(attachment.res_model) if attachment.res_model else None
            if attachment.res_id and self._property_guarded(Model):
                owners[Model.browse(attachment.res_id)] |= attachment
        for Model in self._property_integrity_models():
            for field in Model._fields.values():
                if field.type == "many2many" and field.comodel_name == self._name:
                    for record in Model.sudo().search([(field.name, "in", self.ids)]):
                        owners[Model.browse(record.id)] |= record[field.name] & self
        return owners

    @api.model
    def _property_integrity_models(self):
        return [self.env[name] for name in self._property_integrity_model_names()]

    @api.model
    @tools.ormcache()
    def _property_integrity_model_names(self):
        """The models of the integrity layer (once per registry, not at every file
        removed: attachments are removed often, the web assets' among them)."""
        return tuple(
            name
            for name, Model in self.env.registry.items()
            if not Model._abstract and self._property_guarded(self.env[name])
        )

    @api.model
    def _property_guarded(self, Model):
        """Whether ``Model`` (a model or None) follows the suite's integrity rules."""
        return Model is not None and isinstance(Model, self.env.registry[INTEGRITY])

    def _property_check_integrity(self, operation):
        for record, attachments in self._property_owners().items():
            record = record.exists()
            if record:
                record._property_check_attachments(operation, attachments)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("res_field"):
                continue
            Model = self.env.get(vals.get("res_model") or "")
            if vals.get("res_id") and self._property_guarded(Model):
                record = Model.browse(vals["res_id"]).exists()
                if record:
                    record._property_check_attachments("create", self.browse())
        return super().create(vals_list)

    def write(self, vals):
        if {"res_model", "res_id", "datas", "raw", "db_datas", "url"} & vals.keys():
            self._property_check_integrity("write")
            Model = self.env.get(
                vals.get("res_model") or self.sudo()[:1].res_model or ""
            )
            if vals.get("res_id") and self._property_guarded(Model):
                record = Model.browse(vals["res_id"]).exists()
                if record:
                    record._property_check_attachments("write", self)
        return super().write(vals)

    def unlink(self):
        self._property_check_integrity("unlink")
        return super().unlink()
