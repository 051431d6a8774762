import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date, format_datetime

from ..tools.night import DEFAULT_TZ

FIELD_PATH = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$")


class PropertySmsProviderTemplateParam(models.Model):
    """One parameter of a provider template ({1}, {2}, … in the provider's text), in
    order: a field path of the record (``partner_id.name``) or an inline expression
    rendered like the SMS template's own text (``{{ object.name }}``)."""

    _name = "property.sms.provider.template.param"
    _inherit = ["property.input.mixin"]
    _description = "SMS Provider Template Parameter"
    _order = "provider_template_id, sequence, id"

    provider_template_id = fields.Many2one(
        "property.sms.provider.template",
        required=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Description")
    value_type = fields.Selection(
        [("field", "Field Path"), ("expression", "Expression")],
        string="Kind",
        required=True,
        default="field",
    )
    expression = fields.Char(
        string="Value",
        required=True,
        help="A field path such as partner_id.name, or an expression such as "
        "{{ object.name }}.",
    )

    @api.constrains("value_type", "expression")
    def _check_expression(self):
        for param in self:
            if param.value_type == "field" and not FIELD_PATH.match(
                param.expression or ""
            ):
                raise ValidationError(
                    self.env._(
                        "%(value)s is not a field path (such as partner_id.name).",
                        value=param.expression,
                    )
                )

    def _property_render(self, records):
        """{record id: text} of this parameter for ``records``."""
        self.ensure_one()
        if self.value_type == "expression":
            rendered = (
                self.env["mail.render.mixin"]
                .sudo()
                ._render_template(
                    self.expression,
                    records._name,
                    records.ids,
                    engine="inline_template",
                )
            )
            return {record.id: str(rendered[record.id] or "") for record in records}
        return {
            record.id: self._property_field_text(record.sudo()) for record in records
        }

    def _property_field_text(self, record):
        """The value at the end of the field path as people read it: a record's
        name, a selection's label, a date or a time in the company's time zone."""
        value, field = record, None
        for name in self.expression.split("."):
            if not isinstance(value, models.BaseModel) or name not in value._fields:
                return ""
            field = value._fields[name]
            value = value[:1][name]
        if isinstance(value, models.BaseModel):
            return ", ".join(value.mapped("display_name"))
        if value is False or value is None:
            return ""
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, value)
        if field.type == "date":
            return format_date(self.env, value)
        if field.type == "datetime":
            tz = self.env.company.partner_id.tz or DEFAULT_TZ
            return format_datetime(self.env, value, tz=tz, dt_format="short")
        return str(value)
