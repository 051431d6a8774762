from odoo import fields, models

# the states in which a complaint is being handled (before its resolution is submitted)
HANDLING_STATES = ("new", "progress")


class PropertyComplaintActivityMixin(models.AbstractModel):
    """The to-dos of a complaint, known in one place (anchor: hr_holidays'
    ``activity_update``): ``_activity_update()`` schedules, from each complaint's state
    and situation, the to-dos it needs, and marks done (or removes) those it no longer
    needs. The actions and ``create`` call it; a write of the registration fields the
    to-dos follow calls it through the suite's integrity layer
    (``_property_activity_fields``)."""

    _name = "property.complaint.activity.mixin"
    _description = "Complaint: To-dos"

    def _activity_kinds(self):
        """{kind: (XML id of its activity type, whether its assignee is notified)}:
        the to-dos the dispatcher owns (their types are its own, so that the to-dos a
        user or another mechanism schedules are left alone); other addons add theirs."""
        return {
            # the handler, while the complaint is handled (C11)
            "handle": ("property_complaint.mail_activity_type_complaint_handle", True),
            # the head of the department complained about, until it answers (C27)
            "answer": ("property_complaint.mail_activity_type_complaint_answer", True),
            # the manager and the quality centre, once the complaint is class 1 (C13)
            "class1": ("property_complaint.mail_activity_type_complaint_class1", False),
            # the owner of the complaint's last escalation level (C13)
            "escalation": (
                "property_complaint.mail_activity_type_complaint_escalation",
                False,
            ),
            # the supervisors, until a second complaint is accepted (C17)
            "second": ("property_complaint.mail_activity_type_complaint_second", True),
            # the head of the responsible department, until the measures are given (C28)
            "survey": ("property_complaint.mail_activity_type_complaint_survey", True),
        }

    def _activity_fields(self):
        """The registration fields the to-dos follow (see ``_activity_update``)."""
        return {"channel_id", "complained_department_id", "kind", "class_override"}

    def _property_activity_fields(self):
        # the class counts through the facts it is computed from
        return (
            super()._property_activity_fields()
            | self._activity_fields()
            | {"complaint_class"}
        )

    # ------------------------------------------------------------------
    # The dispatcher
    # ------------------------------------------------------------------
    def _activity_update(self):
        """Bring the to-dos of these complaints in line with their state, in batch:
        create the missing ones (one create), mark done the ones whose step is over,
        remove the ones that lost their reason (a transfer, a department changed).
        Idempotent: called twice, it creates nothing twice."""
        complaints = self.sudo()
        if not complaints:
            return
        kinds = complaints._activity_kinds()
        type_ids = {}
        for kind, (xmlid, _notify) in kinds.items():
            type_id = self.env["ir.model.data"]._xmlid_to_res_id(
                xmlid, raise_if_not_found=False
            )
            if type_id:
                type_ids[kind] = type_id
        kind_of_type = {type_id: kind for kind, type_id in type_ids.items()}
        # {(complaint id, kind, user id): values of the to-do}
        wanted = {
            (complaint.id, kind, user.id): values
            for complaint, kind, user, values in complaints._activity_wanted()
            if user and kind in type_ids
        }
        complaints._activity_stamp()
        existing = (
            complaints.activity_ids.filtered(
                lambda a: a.activity_type_id.id in kind_of_type
            )
            if wanted or complaints._activity_may_have_todos()
            else self.env["mail.activity"]
        )
        # the to-dos of others too (the handler's, done as the agent closes)
        to_done = to_unlink = self.env["mail.activity"].sudo()
        for activity in existing:
            kind = kind_of_type[activity.activity_type_id.id]
            key = (activity.res_id, kind, activity.user_id.id)
            if key in wanted:
                # already scheduled: nothing twice
                wanted.pop(key)
                continue
            verdict = complaints.browse(activity.res_id)._activity_obsolete(
                kind, activity
            )
            if verdict == "done":
                to_done |= activity
            elif verdict == "unlink":
                to_unlink |= activity
        if to_done:
            to_done.action_feedback()
        if to_unlink:
            to_unlink.unlink()
        if not wanted:
            return
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        notified, quiet = [], []
        for (complaint_id, kind, user_id), values in wanted.items():
            vals = {
                "res_model_id": model_id,
                "res_id": complaint_id,
                "activity_type_id": type_ids[kind],
                "user_id": user_id,
                "automated": True,
                "date_deadline": today,
                **values,
            }
            (notified if kinds[kind][1] else quiet).append(vals)
        Activity = self.env["mail.activity"].sudo()
        if notified:
            Activity.create(notified)
        if quiet:
            Activity.with_context(mail_activity_quick_update=True).create(quiet)

    def _activity_may_have_todos(self):
        """Whether some of these complaints may carry to-dos of the dispatcher (a new
        complaint registered without any carries none: no read of its activities)."""
        return any(
            complaint.state != "new"
            or complaint.handler_id
            or complaint.date_department_notified
            or complaint.date_class1_notified
            or complaint.is_second_complaint
            or complaint.is_survey_comment
            or complaint.escalation_ids
            for complaint in self
        )

    def _activity_stamp(self):
        """The notices given once, stamped on the complaint (C27, C13): the date the
        department head and the class-1 recipients were notified, with a note in the
        history."""
        now = fields.Datetime.now()
        online = self.filtered(
            lambda c: (
                c.is_online
                and c.complained_department_id
                and not c.date_department_notified
                and not c.is_closed
            )
        )
        for complaint in online.filtered(
            lambda c: not c.complained_department_id.manager_id.user_id
        ):
            complaint.message_post(
                body=self.env._(
                    "The department %(department)s has no head with a user account to "
                    "notify of this online complaint.",
                    department=complaint.complained_department_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        if online:
            online._write_action({"date_department_notified": now})
        class1 = self._activity_class1_pending()
        if class1:
            bodies = {
                complaint.id: self.env._(
                    "Class 1 complaint: notified %(users)s.",
                    users=", ".join(complaint._activity_class1_users().mapped("name"))
                    or self.env._("nobody (no manager set)"),
                )
                for complaint in class1
            }
            class1._message_log_batch(bodies=bodies)
            class1._write_action({"date_class1_notified": now})

    def _activity_class1_pending(self):
        """The class-1 complaints whose manager and quality centre are not notified
        yet (C13, a setting of the company)."""
        return self.filtered(
            lambda c: (
                c.complaint_class == "1"
                and not c.date_class1_notified
                and not c.is_closed
                and c.company_id._property_numbers()["property_complaint_class1_notify"]
            )
        )

    def _activity_class1_users(self):
        """Who is notified of a class-1 complaint: the service-centre manager and the
        site's quality-centre contacts (the company's quality centre without them)."""
        self.ensure_one()
        site = self.site_id
        # the group without env.ref's query at each call
        quality = site.quality_user_ids or self._default_record(
            "property_complaint.group_complaint_quality"
        ).users.filtered(lambda u: self.company_id in u.company_ids)
        return site.manager_id | quality

    def _activity_wanted(self):
        """[(complaint, kind, user, values of the to-do)]: the to-dos the complaints
        need now; other addons add theirs."""
        wanted = []
        notice = set(self._activity_class1_pending().ids)
        escalated = []  # [(complaint, its last escalation)]
        for complaint in self:
            handling = complaint.state in HANDLING_STATES
            number = complaint.name
            if handling and complaint.handler_id:
                last = complaint.transfer_ids.sorted("id")[-1:]
                wanted.append(
                    (
                        complaint,
                        "handle",
                        complaint.handler_id,
                        {
                            "summary": self.env._(
                                "Handle complaint %(number)s", number=number
                            ),
                            "note": last.reason or complaint.summary,
                        },
                    )
                )
            head = complaint._activity_answer_head()
            if head:
                wanted.append(
                    (
                        complaint,
                        "answer",
                        head,
                        {
                            "summary": self.env._(
                                "Online complaint %(number)s: answer in writing",
                                number=number,
                            ),
                            "note": self.env._(
                                "Your department is the subject of an online "
                                "complaint. Record the facts and the planned measures "
                                "on the complaint."
                            ),
                        },
                    )
                )
            if complaint.id in notice:
                summary = self.env._("Class 1 complaint %(number)s", number=number)
                for user in complaint._activity_class1_users():
                    wanted.append(
                        (
                            complaint,
                            "class1",
                            user,
                            {"summary": summary, "note": complaint.summary},
                        )
                    )
            if handling and complaint.escalation_ids:
                last = complaint.escalation_ids.sorted(
                    lambda e: (e.level_id.sequence, e.id)
                )[-1]
                escalated.append((complaint, last))
            if complaint.is_second_complaint and complaint.state == "new":
                summary = self.env._(
                    "Second complaint after a dissatisfied callback of %(number)s",
                    number=complaint.parent_complaint_id.name,
                )
                for supervisor in complaint.site_id.supervisor_ids:
                    wanted.append(
                        (complaint, "second", supervisor, {"summary": summary})
                    )
            if complaint.is_survey_comment and handling:
                head = complaint.department_id.manager_id.user_id
                deadline = complaint.survey_answer_deadline
                wanted.append(
                    (
                        complaint,
                        "survey",
                        head,
                        {
                            "summary": self.env._(
                                "Survey comment %(number)s: answer with written "
                                "measures",
                                number=number,
                            ),
                            "note": complaint.customer_request,
                            **(
                                {
                                    "date_deadline": complaint.site_id._local_date(
                                        deadline
                                    )
                                }
                                if deadline
                                else {}
                            ),
                        },
                    )
                )
        if escalated:
            lines = self.env["property.complaint.escalation"].union(
                *(line for _complaint, line in escalated)
            )
            notes = lines._escalation_notes()
            for complaint, line in escalated:
                wanted.append(
                    (
                        complaint,
                        "escalation",
                        line.user_id,
                        {
                            "summary": self.env._(
                                "Escalated complaint %(number)s: %(level)s",
                                number=complaint.name,
                                level=line.level_id.name,
                            ),
                            # why it reached its owner; the chatter keeps it once done
                            "note": notes[line],
                        },
                    )
                )
        return wanted

    def _activity_answer_head(self):
        """The head of the department complained about of an online complaint, while
        its written answer is missing (C27)."""
        self.ensure_one()
        if (
            not self.is_online
            or not self.complained_department_id
            or self.date_department_answer
            or self.is_closed
        ):
            return self.env["res.users"]
        return self.complained_department_id.manager_id.user_id

    def _activity_obsolete(self, kind, activity):
        """What becomes of a to-do of the dispatcher the complaint no longer needs:
        ``"done"`` when its step is over, ``"unlink"`` when it lost its reason,
        ``False`` to keep it (a notice stays until the complaint is closed)."""
        self.ensure_one()
        handling = self.state in HANDLING_STATES
        if kind in ("handle", "survey"):
            return "unlink" if handling else "done"
        if kind == "answer":
            return "done" if self.date_department_answer or self.is_closed else "unlink"
        if kind == "class1":
            return "done" if self.is_closed else False
        if kind == "escalation":
            # a later level took over, or the complaint left handling: moving on
            superseded = activity.user_id in self.escalation_ids.user_id
            return "done" if not handling or superseded else False
        if kind == "second":
            return "done"
        return "unlink"
