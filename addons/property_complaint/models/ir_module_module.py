from odoo import models


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(
        self, modules, langs, overwrite=False, imported_module=False
    ):
        result = super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        # a language installed later: the escalation rules get their names in it too
        if "property_complaint" in modules:
            self.env["property.complaint.escalation.level"].with_context(
                active_test=False
            ).search([("automation_id", "!=", False)])._sync_automation_names()
        return result
