from odoo import api, models

COMPLAINT_SEQUENCE = "property.complaint"


class IrSequence(models.Model):
    """A site's complaint sequence, as drawing a number keeps it in memory
    (``property.site._complaint_sequence_state``): a change clears that memory in
    every worker."""

    _inherit = "ir.sequence"

    def write(self, vals):
        result = super().write(vals)
        if any(seq.code == COMPLAINT_SEQUENCE for seq in self):
            self.env.registry.clear_cache()
        return result

    def unlink(self):
        complaint = any(seq.code == COMPLAINT_SEQUENCE for seq in self)
        result = super().unlink()
        if complaint:
            self.env.registry.clear_cache()
        return result


class IrSequenceDateRange(models.Model):
    _inherit = "ir.sequence.date_range"

    def _property_complaint_ranges(self):
        return any(r.sequence_id.code == COMPLAINT_SEQUENCE for r in self)

    @api.model_create_multi
    def create(self, vals_list):
        ranges = super().create(vals_list)
        if ranges._property_complaint_ranges():
            self.env.registry.clear_cache()
        return ranges

    def write(self, vals):
        result = super().write(vals)
        if self._property_complaint_ranges():
            self.env.registry.clear_cache()
        return result

    def unlink(self):
        complaint = self._property_complaint_ranges()
        result = super().unlink()
        if complaint:
            self.env.registry.clear_cache()
        return result
