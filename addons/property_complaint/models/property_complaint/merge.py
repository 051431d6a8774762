from odoo import Command, fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty

AGENT = "property_complaint.group_complaint_agent"


class PropertyComplaintMergeMixin(models.AbstractModel):
    """Merge a duplicate complaint into the main record (issue #21, as OCA's
    ``helpdesk_mgmt_merge``): the duplicate's messages and files are copied to the
    main record, its complainant (and its named co-complainants) become named
    co-complainants of the main record, and the duplicate is closed with a reference
    to the main record (``merged_into_id``, written by this action only). Its own
    history stays on it: a complaint is never deleted (C18)."""

    _name = "property.complaint.merge.mixin"
    _description = "Complaint: Merge a Duplicate"

    merged_into_id = fields.Many2one(
        "property.complaint",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        help="The main record this duplicate was merged into; the duplicate is closed.",
    )
    merged_complaint_ids = fields.One2many(
        "property.complaint",
        "merged_into_id",
        string="Merged Duplicates",
        readonly=True,
    )

    def action_open_merge(self):
        """The wizard choosing the main record this duplicate is merged into."""
        self.ensure_one()
        self._check_group(AGENT)
        self._check_merge_open(self)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Merge into..."),
            "res_model": "property.complaint.merge",
            "view_mode": "form",
            "target": "new",
            "context": {"default_complaint_id": self.id},
        }

    def _check_merge_open(self, complaints):
        for complaint in complaints:
            if complaint.is_closed or complaint.sudo()._property_locked():
                raise UserError(
                    self.env._(
                        "Complaint %(number)s is closed or locked: it cannot be "
                        "merged.",
                        number=complaint.name,
                    )
                )

    def _check_merge(self, main):
        """Refuse, before anything is written: a user without the right, the record
        itself, a main record of another site (or one the user cannot see), a closed
        or locked record."""
        self.ensure_one()
        self._check_group(AGENT)
        if main.id == self.id:
            raise UserError(
                self.env._(
                    "Complaint %(number)s cannot be merged into itself.",
                    number=self.name,
                )
            )
        # the user's own search: a record they cannot see is not revealed
        visible = self.search([("id", "=", main.id)]) if main.id else self.browse()
        if not visible or visible.site_id != self.site_id:
            raise UserError(
                self.env._(
                    "Complaint %(number)s can only be merged into a complaint of its "
                    "own site that you can see.",
                    number=self.name,
                )
            )
        self._check_merge_open(self | visible)
        return visible

    def _merge_into(self, main):
        """Merge this duplicate into ``main`` (see the class)."""
        main = self._check_merge(main)
        duplicate = self
        files = self._merge_copy_files(main)
        self._merge_copy_messages(main, files)
        self._merge_complainants(main)
        evidence = duplicate.sudo().evidence_attachment_ids
        if evidence:
            main._write_action(
                {
                    "evidence_attachment_ids": [
                        Command.link(files.get(a.id, a.id)) for a in evidence
                    ]
                }
            )
        group = duplicate.group_id
        if group and not main.group_id:
            main._write_action({"group_id": group.id})
        duplicate._write_action(
            {
                "state": "closed",
                "date_closed": fields.Datetime.now(),
                "merged_into_id": main.id,
                "group_id": False,
            }
        )
        if group:
            group.sudo()._set_main_complaint()
        (duplicate | main)._activity_update()
        duplicate.message_post(
            body=self.env._(
                "Merged into %(main)s as a duplicate and closed.", main=main.name
            ),
            subtype_xmlid="mail.mt_note",
        )
        main.message_post(
            body=self.env._(
                "Duplicate %(duplicate)s merged into this complaint: its messages, "
                "files and complainant are kept here.",
                duplicate=duplicate.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _merge_copy_files(self, main):
        """The duplicate's files copied to ``main``: {old id: new id}."""
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("res_field", "=", False),
                ],
                order="id",
            )
        )
        if not attachments:
            return {}
        copies = attachments.copy({"res_id": main.id})
        return dict(zip(attachments.ids, copies.ids, strict=True))

    def _merge_copy_messages(self, main, files):
        """The duplicate's messages (and notes) copied to ``main``, with the copies of
        their files; not the notices to a user (``user_notification``) nor the lines
        that only track a change of the duplicate's fields."""
        Message = self.env["mail.message"].sudo()
        messages = Message.search(
            [
                ("model", "=", self._name),
                ("res_id", "=", self.id),
                ("message_type", "!=", "user_notification"),
            ],
            order="id",
        )
        # a change of the duplicate's own fields (tracking only) stays on it alone
        messages = messages.filtered(
            lambda m: m.attachment_ids or not is_html_empty(m.body)
        )
        vals_list = messages.copy_data()
        for message, vals in zip(messages, vals_list, strict=True):
            vals.update(
                {
                    "res_id": main.id,
                    "parent_id": False,
                    "attachment_ids": [
                        Command.set(
                            [files.get(a.id, a.id) for a in message.attachment_ids]
                        )
                    ],
                }
            )
        Message.create(vals_list)

    def _merge_complainants(self, main):
        """The duplicate's complainant and named co-complainants: named
        co-complainants of ``main``, counted for C05."""
        duplicate = self.sudo()
        people = [
            {
                "name": duplicate.complainant_name or duplicate.partner_id.name,
                "partner_id": duplicate.partner_id.id,
                "phone": duplicate.partner_phone,
            }
        ]
        people += [
            {"name": line.name, "partner_id": line.partner_id.id, "phone": line.phone}
            for line in duplicate.co_complainant_ids
        ]
        self.env["property.complaint.complainant"].sudo().create(
            [
                dict(person, complaint_id=main.id, merged_from_id=duplicate.id)
                for person in people
            ]
        )
