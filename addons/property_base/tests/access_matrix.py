"""Table-driven access tests: every role of the suite x every model x read, write,
create and unlink, acting as the user.

An addon's test class sets two tables as data (written by hand from the product's
rules, never computed from the ACLs):

- ``ROLES``: role name -> XML ids of the groups of a user of that role (a role is a
  user holding exactly these groups; add ``base.group_user`` for internal users);
- ``MATRIX``: row name -> (model, {role: allowed operations}), the operations written
  with the letters ``r`` (read), ``w`` (write), ``c`` (create) and ``u`` (unlink); a
  role missing from a row may do nothing. The row's record comes from
  ``_matrix_record(row)``: a record of the user's site (or of another site for the
  rows about other sites); without a record, only the model-level rights are checked.

Extension point: a later addon (the residents' portal) adds its roles and rows by
subclassing the addon's test class and extending the tables with
:func:`extend_matrix`::

    class TestComplaintAccessPortal(TestComplaintAccessMatrix):
        ROLES = dict(TestComplaintAccessMatrix.ROLES,
        portal_resident=("base.group_portal",))
        MATRIX = extend_matrix(
            TestComplaintAccessMatrix.MATRIX, "portal_resident",
            {"complaint": "r", "complaint (other site)": ""},
        )"""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.base.models.ir_qweb import QWebException

OPERATIONS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}

# The roles of the suite (issue 11), in the order of the tables. Every internal role
# is a user of their sites; each addon adds its own groups to the roles it knows.
SUITE_ROLES = (
    "agent",
    "supervisor",
    "cs_manager",
    "pmc",
    "quality",
    "handler",
    "frontdesk",
    "guard",
    "trainer",
    "employee",
)
USER = ("base.group_user", "property_base.group_property_user")
# the administrator of every site of the company, member of none
SITE_ADMIN = ("base.group_user", "property_base.group_property_manager")


def suite_roles(prefix, groups_by_role):
    """The ``ROLES`` table of an addon: each role of :data:`SUITE_ROLES` a user of
    their sites plus the groups ``prefix + name`` of ``groups_by_role`` {role: name},
    and ``site_admin``."""
    roles = {
        role: (*USER, *(prefix + name for name in _names(groups_by_role.get(role))))
        for role in SUITE_ROLES
    }
    roles["site_admin"] = SITE_ADMIN
    return roles


def _names(names):
    if not names:
        return ()
    return (names,) if isinstance(names, str) else tuple(names)


def same_for(operations, roles, **others):
    """A row's {role: allowed operations}: ``operations`` for each of ``roles`` (role
    names, or one string of them separated by spaces), then the ``others``
    (role=operations)."""
    roles = roles.split() if isinstance(roles, str) else roles
    return dict(dict.fromkeys(roles, operations), **others)


def extend_matrix(matrix, role, allowed_by_row, new_rows=None):
    """A copy of ``matrix`` where ``role`` may do ``allowed_by_row[row]`` on each row
    (rows not named: nothing), plus the ``new_rows`` {row: (model, {role: ops})}."""
    result = {}
    for row, (model, allowed) in matrix.items():
        result[row] = (model, dict(allowed, **{role: allowed_by_row.get(row, "")}))
    result.update(new_rows or {})
    return result


class AccessMatrixMixin:
    """Mix into a TransactionCase that has ``cls.site`` (PropertyCase)."""

    ROLES = {}
    MATRIX = {}
    # Odoo collects only the test methods of the class itself; this one is inherited
    # (and a subclass extending the tables runs it again with its own rows).
    allow_inherited_tests_method = True

    @classmethod
    def _matrix_setup(cls):
        """Create one user per role, member of ``cls.site``, and the rows' records."""
        cls.matrix_users = {}
        for role, xmlids in cls.ROLES.items():
            groups = [cls.env.ref(xmlid).id for xmlid in xmlids]
            user = (
                cls.env["res.users"]
                .with_context(no_reset_password=True)
                .create(
                    {
                        "name": f"Matrix {role}",
                        "login": f"matrix_{cls.__name__.lower()}_{role}",
                        "email": f"matrix_{role}@example.com",
                        "groups_id": [Command.set(groups)],
                    }
                )
            )
            if not user.share:
                cls.site.user_ids = [Command.link(user.id)]
            cls.matrix_users[role] = user
        cls.matrix_records = {row: cls._matrix_record(row) for row in cls.MATRIX}

    @classmethod
    def _matrix_other_site(cls):
        """Another site of the company, on the same calendar, whose members are none
        of the matrix users (the rows "... (other site)")."""
        return cls.env["property.site"].create(
            {"name": "Other Site", "code": "OB", "calendar_id": cls.calendar.id}
        )

    @classmethod
    def _matrix_other_company_site(cls):
        """A site of another company (the rows "... (other company)")."""
        company = cls.env["res.company"].create({"name": "Other Property Co."})
        return cls.env["property.site"].create(
            {
                "name": "Other Company's Site",
                "code": "OC",
                "company_id": company.id,
                "calendar_id": cls.calendar.id,
            }
        )

    @classmethod
    def _matrix_record(cls, row):
        """The record checked for ``row``; an empty recordset checks only the model."""
        model = cls.MATRIX[row][0]
        return cls.env[model]

    def _matrix_allowed(self, user, record, model, operation):
        """Whether ``user`` may do ``operation``: Odoo's own check (access rights and
        record rules of the operation), and for reading, a real ``read``."""
        records = (record or self.env[model]).with_user(user)
        allowed = records.has_access(operation)
        if operation == "read" and record:
            try:
                records.read(["display_name"])
            except AccessError:
                real = False
            else:
                real = True
            self.assertEqual(
                allowed, real, f"{model}: has_access and read disagree for {user.login}"
            )
        return allowed

    def test_access_matrix(self):
        """Every (role, row, operation) as the table says, allowed and refused."""
        self.assertTrue(self.MATRIX, "the access matrix is empty")
        mismatches = []
        for row, (model, allowed_by_role) in self.MATRIX.items():
            unknown = set(allowed_by_role) - set(self.ROLES)
            self.assertFalse(unknown, f"row {row!r} names unknown roles {unknown}")
            record = self.matrix_records[row]
            for role, user in self.matrix_users.items():
                expected_ops = allowed_by_role.get(role, "")
                for letter, operation in OPERATIONS.items():
                    expected = letter in expected_ops
                    got = self._matrix_allowed(user, record, model, operation)
                    if got != expected:
                        mismatches.append(
                            f"{row:40} {role:24} {operation:6} "
                            f"expected {'allowed' if expected else 'refused'}, "
                            f"got {'allowed' if got else 'refused'}"
                        )
        self.assertFalse(
            mismatches, "access matrix mismatches:\n" + "\n".join(mismatches)
        )


class NothingLostMixin:
    """Helpers for the "nothing lost" tests: a record that no role may delete."""

    def _assert_never_deleted(self, record, users, acl=True):
        """ACL refuses ``unlink`` to every user (unless ``acl`` is False: a model
        whose drafts may be deleted), and the ``@api.ondelete`` guard refuses it even
        to the superuser; the record is still there."""
        for user in users:
            with self.subTest(user=user.login):
                if acl:
                    self.assertFalse(record.with_user(user).has_access("unlink"))
                with self.assertRaises(UserError):  # AccessError is a UserError
                    record.with_user(user).unlink()
        with self.assertRaises(UserError) as caught:
            record.sudo().unlink()
        self.assertNotIsInstance(caught.exception, (AccessError, ValidationError))
        self.assertTrue(record.exists())


class PrintAccessMixin:
    """Helpers for the tests of the printed forms: render a QWeb report as a user, and
    check that a user who may not read the records cannot print them."""

    def _print_html(self, user, xmlid, records, data=None):
        self.env.invalidate_all()
        report = self.env["ir.actions.report"].with_user(user)
        return report._render_qweb_html(xmlid, records.ids, data=data)[0].decode()

    def _assert_print_refused(self, user, xmlid, records, data=None):
        """Printing fails on an AccessError (QWeb wraps the one raised in a
        template)."""
        # Odoo's assertRaises takes one class: the AccessError or QWeb's wrapper
        with self.assertRaises(
            Exception, msg=f"{user.login} printed {xmlid}"
        ) as caught:
            self._print_html(user, xmlid, records, data)
        error = caught.exception
        if isinstance(error, QWebException):
            error = error.__cause__
        self.assertIsInstance(error, AccessError)


class IntegrityPathsMixin:
    """Table-driven integrity paths (property_base/models/property_integrity_mixin.py):
    every role of ``ROLES`` (the users of :class:`AccessMatrixMixin`) is refused on
    every row of ``PATHS``, acting as the user, and nothing changes.

    ``PATHS``: row name -> (path, payload); the row's record comes from
    ``_paths_record(row)``. The paths a client can take around a rule:

    - ``create``: ``payload`` (values giving an owned field) created on the record's
      model;
    - ``write``: ``payload`` written on the record (an owned field, or any field of a
      locked record or of a child of one);
    - ``unlink``: the record deleted; ``archive``: the record archived;
    - ``attach``: a file added to the record; ``detach``: the record (an attachment of
      a locked or kept record) deleted.
    """

    PATHS = {}
    allow_inherited_tests_method = True

    @classmethod
    def _paths_record(cls, row):
        raise NotImplementedError

    def _paths_state(self, record, path, payload):
        """What the path would change, read as the superuser."""
        record = record.sudo().with_context(active_test=False)
        if path == "create":
            return record.search_count([])
        if path == "write":
            record.invalidate_recordset()
            return record.read(list(payload))
        if path == "attach":
            return (
                self.env["ir.attachment"]
                .sudo()
                .search_count(
                    [("res_model", "=", record._name), ("res_id", "=", record.id)]
                )
            )
        if path == "archive":
            record.invalidate_recordset()
            return record.active
        return bool(record.exists())

    def _paths_run(self, record, path, payload):
        if path == "create":
            record.create(payload)
        elif path == "write":
            record.write(payload)
        elif path == "attach":
            record.env["ir.attachment"].create(
                {
                    "name": "evidence.txt",
                    "raw": b"evidence",
                    "res_model": record._name,
                    "res_id": record.id,
                }
            )
        elif path == "archive":
            record.action_archive()
        else:
            record.unlink()
        record.env.flush_all()

    def test_integrity_paths(self):
        """Every role refused on every path of the table; nothing written or removed."""
        self.assertTrue(self.PATHS, "the integrity paths table is empty")
        accepted = []
        for row, (path, payload) in self.PATHS.items():
            record = self._paths_record(row)
            self.assertTrue(record or path == "create", f"row {row!r} has no record")
            for role, user in self.matrix_users.items():
                before = self._paths_state(record, path, payload)
                refused = False
                try:
                    with self.env.cr.savepoint():
                        self._paths_run(record.with_user(user), path, payload)
                except UserError:  # AccessError and ValidationError too
                    refused = True
                if not refused:
                    accepted.append(f"{row:45} {role}")
                self.env.invalidate_all()
                self.assertEqual(self._paths_state(record, path, payload), before, row)
        self.assertFalse(accepted, "integrity paths accepted:\n" + "\n".join(accepted))
