from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyStampedMixin(models.AbstractModel):
    """A record of a site, numbered by the sequence of its model's name
    (``ir.sequence`` whose code is the model's ``_name``), whose state and stamps only
    its buttons write: the integrity layer's owned fields and guard
    (``property.integrity.mixin``), with a state.

    The buttons write through ``_write_internal``, which raises the model's internal
    flag (``_internal_flag``, see ``tools/internal_call.py``); a client's write of the
    ``_stamped_fields`` is refused, and so is its write of the ``_frozen_fields`` once a
    record has left its ``_editable_state``. The model gives the state's selection and
    default, and may give its own messages: ``_stamped_error``, ``_frozen_error``,
    ``_state_error``.
    """

    _name = "property.stamped.mixin"
    _description = "Record Stamped by its Buttons"
    _inherit = ["property.integrity.mixin"]
    # context key of the flag raised by _write_internal (each model names its own)
    _internal_flag = None
    # fields written only by the buttons
    _stamped_fields = {"state"}
    # fields users may write only while the record is in _editable_state
    _frozen_fields = set()
    _editable_state = "draft"

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index=True,
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

    # ------------------------------------------------------------------
    # The integrity layer's checks of a client's write (see property.integrity.mixin)
    # ------------------------------------------------------------------
    def _property_owned_fields(self):
        return super()._property_owned_fields() | self._stamped_fields

    def _property_owned_message(self, names):
        return self._stamped_error()

    def _property_check_write(self, vals):
        res = super()._property_check_write(vals)
        if self._frozen_fields & vals.keys() and any(
            record.state != self._editable_state for record in self
        ):
            raise UserError(self._frozen_error())
        return res

    def _write_internal(self, vals):
        """Write what users may not: the state, its stamps, the frozen fields."""
        return self._property_internal().write(vals)

    def _check_state(self, allowed, action_label=None):
        """Refuse, with ``_state_error``, unless every record is in an ``allowed``
        state."""
        for record in self:
            if record.state not in allowed:
                raise UserError(record._state_error(action_label))

    def _state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    # ------------------------------------------------------------------
    # Messages (a model may word its own)
    # ------------------------------------------------------------------
    def _stamped_error(self):
        """The message refusing a client's write of a stamped field."""
        return self.env._(
            "%(model)s: the state and its dates are set by the record's buttons.",
            model=self._property_model_label(),
        )

    def _frozen_error(self):
        """The message refusing a client's write of a frozen field."""
        return self.env._(
            "%(model)s: these details can no longer be changed in this state.",
            model=self._property_model_label(),
        )

    def _state_error(self, action_label):
        """The message refusing an action in the record's current state."""
        self.ensure_one()
        return self.env._(
            "%(record)s is %(state)s: %(action)s is not possible now.",
            record=self.display_name,
            state=self._state_label(),
            action=action_label or self.env._("this action"),
        )
