from odoo import SUPERUSER_ID, api, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from ..tools import internal, is_internal

# the fields of every model that only the ORM writes
MAGIC_FIELDS = {
    "id",
    "create_uid",
    "create_date",
    "write_uid",
    "write_date",
    "display_name",
}


class PropertyIntegrityMixin(models.AbstractModel):
    """The suite's integrity rules, declared by a model and held on every path a
    client can take (create, write, copy, import, unlink, archive, one2many
    commands, attachments), whatever the context it sends:

    - **owned fields** (``_property_owned_fields``: the model's list, its
      read-only and
      computed fields) are written only by the model's actions, which raise the
      model's internal flag (``_internal_flag``, see ``tools/internal_call.py``); a
      client's create may only give them their default, its write not at all;
    - **group fields** (``_property_group_fields``: field -> group) are written
      only by
      that group's members (and the model's actions), like owned fields for everyone
      else;
    - **kept records** (``_property_keep``) are never deleted, not even by the
      superuser;
    - **archiving** (``_property_archive_group``) is for that group's members and for
      finished records only (``_property_finished``);
    - **to-dos**: a write of the fields a model declares
      (``_property_activity_fields``)
      runs its one to-do dispatcher, ``_activity_update()``, once the write is done;
    - **locks**: the records of ``_property_locked`` refuse every change but their
      actions', and so do their children (a model whose ``_property_lock_parent``
      names
      the many2one to its parent) and their attachments.
      A lock on some fields only (``_property_field_locks``) refuses a change of
      those fields and leaves the rest of the record free.

    The checks run before any override of the model's own
    ``create``/``write``/``unlink``:
    ``_register_hook`` puts a guard class first among the bases of the registry's
    class
    (the hooks of ``base_automation``, which set and delete these methods on the
    registry's class itself, leave it in place); it runs the
    suite's input guard (``property.input.mixin``, inherited) first, then these
    rules,
    then the model's code."""

    _name = "property.integrity.mixin"
    _description = "Integrity Rules of the Suite"
    # the suite's input guard: this layer's guard class runs its checks first, once
    _inherit = ["property.input.mixin"]
    _property_input_guarded_first = True
    # context key of the flag raised by the model's actions (tools.internal_call)
    _internal_flag = "property_internal"
    # never deleted
    _property_keep = False
    # the group whose members may archive finished records (None: no archive rule)
    _property_archive_group = None
    # on a child model: the many2one to the parent whose lock reaches the children
    _property_lock_parent = None
    # fields a client may write although read-only in the model (rare: force_save)
    _property_client_fields = frozenset()
    # owned fields a client may still give when it creates a record
    _property_create_fields = frozenset()

    # ------------------------------------------------------------------
    # What a model declares
    # ------------------------------------------------------------------
    def _property_owned(self):
        """``_property_owned_fields()``, computed once per model of the registry."""
        cls = type(self)
        owned = cls.__dict__.get("_property_owned_cache")
        if owned is None:
            owned = cls._property_owned_cache = frozenset(self._property_owned_fields())
        return owned

    def _property_owned_fields(self):
        """The fields only the model's actions write: its read-only and computed
        fields (not the ORM's own); a model adds its other action-only fields."""
        return {
            name
            for name, field in self._fields.items()
            if name not in MAGIC_FIELDS
            and name not in self._property_client_fields
            # read-only: declared so, or computed / related without an inverse (an
            # editable computed field, readonly=False, stays the client's)
            and field.readonly is True
            and not field.automatic
        }

    def _property_group_fields(self):
        """{field name: XML id of a group}: fields only that group's members write, and
        give when they create a record (unless in ``_property_create_fields``); for
        the others they are owned fields."""
        return {}

    def _property_group_refused(self, names):
        """The fields among ``names`` that the user's groups do not let them write."""
        groups = self._property_group_fields()
        return {
            name
            for name in names
            if name in groups and not self.env.user.has_group(groups[name])
        }

    def _property_group_message(self, names):
        """The message refusing a client's write of the group fields ``names``."""
        groups = {self._property_group_fields()[name] for name in names}
        return self.env._(
            "%(model)s: only %(groups)s may change: %(fields)s.",
            model=self._property_model_label(),
            groups=", ".join(
                sorted(self.env.ref(xmlid).sudo().full_name for xmlid in groups)
            ),
            fields=self._property_field_labels(names),
        )

    def _property_unlocked_fields(self):
        """Fields that may still change on a locked record (bookkeeping, archiving)."""
        return {"active", "color", "message_main_attachment_id"}

    def _property_locked(self):
        """The records of ``self`` that are locked (none by default)."""
        return self.browse()

    def _property_children_locked(self):
        """The records of ``self`` whose children are locked (the locked ones by
        default)."""
        return self._property_locked()

    def _property_field_locks(self):
        """Locks on some fields only: ``{frozenset of field names: the records of self
        (in sudo) on which they are frozen}`` (none by default). A client's write of
        such a field on such a record is refused with its ``_property_lock_message``;
        its other fields, its children and its files stay free."""
        return {}

    def _property_lock_message(self):
        """Why the (locked) record refuses a change, and what to do instead."""
        self.ensure_one()
        return self.env._(
            "%(record)s is locked: it can only be changed through its buttons.",
            record=self.display_name,
        )

    def _property_finished(self):
        """The records of ``self`` that may be archived (all by default)."""
        return self

    def _property_activity_fields(self):
        """Fields whose change by a write makes the model's ``_activity_update()`` (its
        one to-do dispatcher, anchor: hr_holidays' ``activity_update``) run once the
        write is done: the fields its to-dos follow that no action of the model
        writes (an action calls the dispatcher itself). A computed field counts
        through the fields it is computed from. None by default."""
        return set()

    def _property_activity_triggers(self):
        """``_property_activity_fields()`` with the fields its computed fields are
        computed from, once per model of the registry."""
        cls = type(self)
        triggers = cls.__dict__.get("_property_activity_cache")
        if triggers is None:
            triggers, todo = set(), list(self._property_activity_fields())
            while todo:
                name = todo.pop()
                if name in triggers or name not in self._fields:
                    continue
                triggers.add(name)
                field = self._fields[name]
                if field.compute:
                    todo.extend(
                        path.split(".")[0] for path in self.pool.field_depends[field]
                    )
            triggers = cls._property_activity_cache = frozenset(triggers)
        return triggers

    def _property_owned_message(self, names):
        """The message refusing a client's write of the owned fields ``names``."""
        return self.env._(
            "%(model)s: use the record's buttons to change: %(fields)s.",
            model=self._property_model_label(),
            fields=self._property_field_labels(names),
        )

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    def _property_is_internal(self, trust_sudo=True):
        """Server code: one of the model's (or its parent's) actions, or the superuser
        environment (with ``trust_sudo``; else only the superuser himself, since Odoo's
        own controllers add a user's files in sudo)."""
        if is_internal(self.env, self._internal_flag):
            return True
        if self.env.uid == SUPERUSER_ID or (trust_sudo and self.env.su):
            return True
        parent = self._property_lock_parent
        if parent:
            parent_model = self.env[self._fields[parent].comodel_name]
            return is_internal(self.env, getattr(parent_model, "_internal_flag", None))
        return False

    def _property_internal(self):
        """``self`` allowed to write what only the actions write."""
        return internal(self, self._internal_flag)

    @api.model
    def _property_check_values(self, vals):
        """A client's values are a mapping of field names (anything else would end in
        a server error in the model's own code)."""
        if not isinstance(vals, dict) or not all(isinstance(key, str) for key in vals):
            raise ValidationError(
                self.env._(
                    "%(model)s: %(values)s are not the values of a record.",
                    model=self._property_model_label(),
                    values=str(vals)[:60],
                )
            )

    @api.model
    def _property_model_label(self):
        """The model's name in the user's language."""
        return self.env["ir.model"]._get(self._name).name or self._description

    def _property_field_labels(self, names):
        return ", ".join(
            sorted(self._fields[name]._description_string(self.env) for name in names)
        )

    @api.model
    def _property_check_create(self, vals_list):
        names = (
            set().union(*(vals.keys() for vals in vals_list))
            - self._property_create_fields
        )
        refused = self._property_given(vals_list, names & self._property_owned())
        if refused:
            raise UserError(
                self.env._(
                    "%(model)s: these fields are set by the record's buttons, not "
                    "when it is created: %(fields)s.",
                    model=self._property_model_label(),
                    fields=self._property_field_labels(refused),
                )
            )
        refused = self._property_given(vals_list, self._property_group_refused(names))
        if refused:
            raise UserError(self._property_group_message(refused))
        parent = self._property_lock_parent
        if parent:
            parents = self.env[self._fields[parent].comodel_name].browse(
                {vals[parent] for vals in vals_list if vals.get(parent)}
            )
            parents._property_check_unlocked(children=True)

    @api.model
    def _property_given(self, vals_list, names):
        """The fields among ``names`` given a value other than their default."""
        if not names:
            return set()
        defaults = self.default_get(list(names))
        return {
            name
            for vals in vals_list
            for name in names & vals.keys()
            if vals[name] and vals[name] != defaults.get(name)
        }

    def _property_check_write(self, vals):
        refused = self._property_owned() & vals.keys()
        if refused:
            raise UserError(self._property_owned_message(refused))
        refused = self._property_group_refused(vals.keys())
        if refused:
            raise UserError(self._property_group_message(refused))
        if "active" in vals and self._property_archive_group:
            self._property_check_archive(vals["active"])
        if vals.keys() - self._property_unlocked_fields():
            self._property_check_unlocked()
        for names, locked in self.sudo()._property_field_locks().items():
            if locked and names & vals.keys():
                raise UserError(self.browse(locked[0].id)._property_lock_message())
        parent = self._property_lock_parent
        if parent:
            self[parent]._property_check_unlocked(children=True)
            if vals.get(parent):
                self[parent].browse(vals[parent])._property_check_unlocked(
                    children=True
                )

    def _property_check_unlink(self):
        if (
            self._property_keep
            and self
            and not self.env.context.get(MODULE_UNINSTALL_FLAG)
        ):
            raise UserError(
                self.env._(
                    "%(model)s records are kept permanently and cannot be deleted.",
                    model=self._property_model_label(),
                )
            )
        if self._property_is_internal():
            return
        self._property_check_unlocked()
        parent = self._property_lock_parent
        if parent:
            self[parent]._property_check_unlocked(children=True)

    def _property_check_unlocked(self, trust_sudo=True, children=False):
        """Refuse, with the record's own message, when one of ``self`` is locked (or,
        with ``children``, locks its children)."""
        if not self or self._property_is_internal(trust_sudo):
            return
        records = self.sudo()
        locked = (
            records._property_children_locked()
            if children
            else records._property_locked()
        )
        if locked:
            raise UserError(self.browse(locked[0].id)._property_lock_message())

    def _property_check_archive(self, active):
        group = self._property_archive_group
        if not self.env.user.has_group(group):
            raise AccessError(
                self.env._(
                    "Only the group %(group)s can archive or restore %(model)s "
                    "records.",
                    group=self.env.ref(group).sudo().full_name,
                    model=self._property_model_label(),
                )
            )
        if not active:
            unfinished = self - self._property_finished()
            if unfinished:
                raise UserError(
                    self.env._(
                        "%(record)s is still open: only finished records can be "
                        "archived.",
                        record=unfinished[0].display_name,
                    )
                )

    def _property_check_attachments(self, operation, attachments):
        """Files of a locked record are frozen; a kept record's files are removed only
        by whoever added them, with a note in its history."""
        if self._property_is_internal(trust_sudo=False):
            return
        self._property_check_unlocked(trust_sudo=False)
        if operation != "unlink" or not self._property_keep:
            return
        foreign = attachments.filtered(lambda a: a.create_uid.id != self.env.uid)
        if foreign:
            raise UserError(
                self.env._(
                    "%(file)s is evidence of %(record)s: only whoever added it may "
                    "remove it; add a note instead.",
                    file=foreign[0].name,
                    record=self[:1].display_name,
                )
            )
        if "message_ids" in self._fields:  # a mail.thread
            for record in self:
                names = ", ".join(attachments.mapped("name"))
                record.sudo().message_post(
                    body=self.env._("Files removed: %(files)s", files=names),
                    author_id=self.env.user.partner_id.id,
                )

    # ------------------------------------------------------------------
    # The wrapped methods (see the class docstring)
    # ------------------------------------------------------------------
    def _register_hook(self):
        super()._register_hook()
        if self._abstract:
            return
        cls = self.env.registry[self._name]
        if not any(
            getattr(base, "_property_integrity_guard", False) for base in cls.__bases__
        ):
            # a first base of the registry's class: before every class of the model in
            # the method order, and out of reach of the hooks that set and delete
            # create/write/unlink on the registry's class itself (base_automation)
            cls.__bases__ = (_guard_class(), *cls.__bases__)


def _client_context(records):
    """``records`` without the context defaults of owned fields (a client could set
    an action-only field through ``default_<field>``)."""
    owned = records._property_owned()
    context = records.env.context
    forged = [key for key in context if key.startswith("default_") and key[8:] in owned]
    if not forged:
        return records
    # the forged keys are removed, so the whole context is given again
    return records.with_context(  # pylint: disable=context-overridden
        {k: v for k, v in context.items() if k not in forged}
    )


def _guard_class():
    """A class whose create, write and unlink check the integrity rules, then call the
    model's own methods."""

    class PropertyIntegrityGuard:
        __slots__ = ()
        _property_integrity_guard = True

        @api.model_create_multi
        def create(self, vals_list, **kwargs):
            # the input guard on every call (the model's code reads the values next);
            # the rules on a client's
            for vals in vals_list:
                self._property_check_values(vals)
                self._property_check_input(vals)
            if not self._property_is_internal():
                self = _client_context(self)
                self._property_check_create(vals_list)
            return super().create(vals_list, **kwargs)

        def write(self, vals, **kwargs):
            self._property_check_values(vals)
            self._property_check_input(vals)
            if not self._property_is_internal():
                self._property_check_write(vals)
            res = super().write(vals, **kwargs)
            # the post-write hook: the to-dos follow the fields the model declared
            if self._property_activity_triggers().isdisjoint(vals):
                return res
            self._activity_update()
            return res

        def unlink(self, **kwargs):
            self._property_check_unlink()
            return super().unlink(**kwargs)

    return PropertyIntegrityGuard
