from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.property_base.tools import internal, is_internal


class PropertyStampedMixin(models.AbstractModel):
    """A record of a site, numbered by the sequence of its model's code, whose state
    and stamps only its buttons write.

    The buttons write through ``_write_internal``, which raises the model's internal
    flag (see property_base/tools/internal_call.py); any other write of the
    ``_stamped_fields`` is refused, and so is a write of the ``_frozen_fields`` once a
    record has left its ``_editable_state``. The model gives the state's selection and
    default, and the messages: ``_stamped_error``, ``_frozen_error``, ``_state_error``.
    """

    _name = "property.stamped.mixin"
    _description = "Record Stamped by its Buttons"
    # the suite's integrity rules: the stamped fields are owned by the buttons
    _inherit = ["property.integrity.mixin"]
    # context key of the flag raised by _write_internal
    _internal_flag = None
    # fields written only by the buttons
    _stamped_fields = {"state"}
    # fields users may write only while the record is in _editable_state
    _frozen_fields = set()
    _editable_state = "draft"

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index=True
    )
    # each model redefines the field with the list of its states and its default
    state = fields.Selection(
        selection="_selection_state",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
        copy=False,
    )
    site_id = fields.Many2one(
        "property.site",
        required=True,
        index=True,
        default=lambda self: self.env.user.property_site_ids[:1],
    )
    company_id = fields.Many2one(related="site_id.company_id", store=True)

    def _selection_state(self):
        return []

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name) or "/"
        return super().create(vals_list)

    def write(self, vals):
        if not (self.env.su or is_internal(self.env, self._internal_flag)):
            if self._frozen_fields & vals.keys() and any(
                record.state != self._editable_state for record in self
            ):
                raise UserError(self._frozen_error())
        return super().write(vals)

    def _property_owned_fields(self):
        return super()._property_owned_fields() | self._stamped_fields

    def _property_owned_message(self, names):
        return self._stamped_error()

    def _write_internal(self, vals):
        """Write what users may not: the state, its stamps, the frozen fields."""
        return internal(self, self._internal_flag).write(vals)

    def _check_state(self, allowed, action_label=None):
        """Refuse, with ``_state_error``, unless every record is in an ``allowed`` state."""
        for record in self:
            if record.state not in allowed:
                raise UserError(record._state_error(action_label))

    def _state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _stamped_error(self):
        """The message refusing a user's write of a stamped field."""
        raise NotImplementedError

    def _frozen_error(self):
        """The message refusing a user's write of a frozen field."""
        raise NotImplementedError

    def _state_error(self, action_label):
        """The message refusing an action in the record's current state."""
        raise NotImplementedError
