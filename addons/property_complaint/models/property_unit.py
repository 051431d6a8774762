from odoo import fields, models


class PropertyUnit(models.Model):
    _inherit = "property.unit"

    complaint_ids = fields.One2many(
        "property.complaint", "unit_id", string="Complaints"
    )
    complaint_count = fields.Integer(
        compute="_compute_complaint_count",
        groups="property_complaint.group_complaint_handler",
    )

    def _compute_complaint_count(self):
        counts = dict(
            self.env["property.complaint"]
            .with_context(active_test=False)
            ._read_group([("unit_id", "in", self.ids)], ["unit_id"], ["__count"])
        )
        for unit in self:
            unit.complaint_count = counts.get(unit, 0)

    def action_view_complaints(self):
        """The full history of the household (一户一档), archived records included."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaint.property_complaint_action"
        )
        action["domain"] = [("unit_id", "=", self.id), ("active", "in", (True, False))]
        action["context"] = {
            "default_unit_id": self.id,
            "default_site_id": self.site_id.id,
        }
        action["view_mode"] = "list,form,kanban,calendar,pivot,graph"
        action["views"] = [(False, v) for v in action["view_mode"].split(",")]
        return action
