from odoo import fields, models


class PropertyTodoMixin(models.AbstractModel):
    """One automated to-do (Odoo's To-Do activity type) per record for the user in
    charge of it, kept in line by the model's ``_activity_update()`` (anchor:
    hr_holidays' ``activity_update``): the reconciliation every such dispatcher does,
    written once."""

    _name = "property.todo.mixin"
    _description = "Automated To-Do of the Suite"

    def _property_sync_todos(self, wanted, finished):
        """Bring the automated to-dos of these records (sudo) in line, in batch.

        ``wanted``: {record id: (user, values)}, the one to-do each record should
        have (``values``: its summary, and its ``date_deadline`` if it has one,
        today otherwise). An existing to-do of that user is kept, its deadline moved
        to the one given; any other is marked done for the records of ``finished``
        and removed for the others. Idempotent: called twice, it creates nothing
        twice."""
        todo_type = self.env.ref("mail.mail_activity_data_todo")
        wanted = dict(wanted)
        existing = self.activity_ids.filtered(
            lambda a: a.activity_type_id == todo_type and a.automated
        )
        to_done = to_unlink = self.env["mail.activity"].sudo()
        finished_ids = set(finished.ids)
        for activity in existing:
            want = wanted.get(activity.res_id)
            if want and want[0] == activity.user_id:
                del wanted[activity.res_id]
                deadline = want[1].get("date_deadline")
                if deadline and activity.date_deadline != deadline:
                    activity.date_deadline = deadline
            elif activity.res_id in finished_ids:
                to_done |= activity
            else:
                to_unlink |= activity
        if to_done:
            to_done.action_feedback()
        if to_unlink:
            to_unlink.unlink()
        if not wanted:
            return
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": record_id,
                    "activity_type_id": todo_type.id,
                    "user_id": user.id,
                    "automated": True,
                    "date_deadline": today,
                    **values,
                }
                for record_id, (user, values) in wanted.items()
            ]
        )
