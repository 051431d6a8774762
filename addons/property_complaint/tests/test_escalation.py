from unittest.mock import patch

import pytz
from freezegun import freeze_time

from .common import ComplaintCase


class TestEscalation(ComplaintCase):
    def _levels(self, complaint):
        return complaint.escalation_ids.level_id.mapped("target")

    def test_c13_cron_twice_escalates_once_per_level(self):
        complaint = self._new_complaint()  # response due 2025-03-03 03:00 UTC
        Complaint = self.env["property.complaint"]
        with freeze_time("2025-03-03 02:59:00"):
            Complaint._cron_escalate()
        self.assertFalse(complaint.escalation_ids)
        with freeze_time("2025-03-03 04:00:00"):
            Complaint._cron_escalate()
            Complaint._cron_escalate()
        self.assertEqual(self._levels(complaint), ["supervisor"])
        self.assertEqual(complaint.escalation_ids.user_id, self.supervisor)
        self.assertIn(self.supervisor, complaint.activity_ids.user_id)
        self.assertIn(self.supervisor.partner_id, complaint.message_partner_ids)
        with freeze_time("2025-03-04 04:00:00"):
            Complaint._cron_escalate()
            Complaint._cron_escalate()
        self.assertEqual(
            sorted(self._levels(complaint)), ["site_manager", "supervisor"]
        )
        with freeze_time("2025-03-06 04:00:00"):
            Complaint._cron_escalate()
            Complaint._cron_escalate()
        self.assertEqual(len(complaint.escalation_ids), 3)
        self.assertTrue(complaint.is_escalated)
        self.assertEqual(complaint.responsible_user_id, self.pmc)
        with freeze_time("2025-03-10 04:00:00"):
            Complaint._cron_escalate()
            Complaint._cron_escalate()
        self.assertEqual(len(complaint.escalation_ids), 4)
        self.assertEqual(len(complaint.escalation_ids.level_id), 4)
        # each level's note: on its owner's to-do, in the chatter once done
        open_todo = self._escalation_todo(complaint)
        self.assertEqual(len(open_todo), 1)
        self.assertIn(
            self.env.ref("property_complaint.escalation_level_quality").name,
            open_todo.note,
        )
        logged = complaint.message_ids.filtered(
            lambda m: "Escalated to" in (m.body or "")
        )
        self.assertEqual(len(logged), 3)

    def test_c13_escalation_note_shows_the_deadline_in_the_sites_time(self):
        complaint = self._new_complaint()
        deadline = complaint.date_deadline_next
        with freeze_time("2025-03-10 04:00:00"):
            self.env["property.complaint"]._cron_escalate()
        # the first level's note, in the chatter since the next level took over
        note = complaint.message_ids.filtered(
            lambda m: "Escalated to" in (m.body or "")
        ).sorted("id")[:1]
        self.assertTrue(note)
        local = pytz.utc.localize(deadline).astimezone(pytz.timezone("Asia/Shanghai"))
        for text in (note.body, self._escalation_todo(complaint).note):
            self.assertNotIn(str(deadline), text)
            self.assertIn(local.strftime("%H:%M"), text)
        self.assertEqual(complaint.escalation_ids.sorted("id")[:1].deadline, deadline)

    def test_c13_escalation_without_a_todo_is_noted_in_the_history(self):
        """No owner found for a level: no to-do to carry the note, so the chatter
        has it at once."""
        self.site.supervisor_ids = False
        complaint = self._new_complaint()
        with freeze_time("2025-03-03 04:00:00"):
            self.env["property.complaint"]._cron_escalate()
        self.assertEqual(self._levels(complaint), ["supervisor"])
        self.assertFalse(complaint.escalation_ids.user_id)
        self.assertFalse(self._escalation_todo(complaint))
        [note] = complaint.message_ids.filtered(
            lambda m: "Escalated to" in (m.body or "")
        )
        self.assertIn("nobody found", note.body)

    def _escalation_todo(self, complaint):
        return complaint.activity_ids.filtered(
            lambda a: "Escalated to" in (a.note or "")
        )

    def test_c13_escalated_complaint_has_its_own_deadline(self):
        self.env.ref("property_complaint.escalation_level_pmc").delay_hours = 0
        complaint = self._new_complaint()
        with freeze_time("2025-03-03 04:00:00"):
            self.env["property.complaint"]._cron_escalate()
        self.assertTrue(complaint.is_escalated)
        # 15 working days after Monday 3 March 2025: Monday 24 March
        self.assertEqual(str(complaint.date_deadline_resolution), "2025-03-24 15:59:59")

    def test_c13_closed_and_suspended_complaints_are_not_escalated(self):
        complaint = self._new_complaint()
        complaint.with_user(self.agent).write(
            {"suspension_cause": "engineering", "suspension_reason": "Roof works"}
        )
        with freeze_time("2025-03-03 02:30:00"):
            complaint.with_user(self.agent).action_suspend()
        with freeze_time("2025-03-10 04:00:00"):
            self.env["property.complaint"]._cron_escalate()
        self.assertFalse(complaint.escalation_ids)

    def test_c13_escalation_runs_once_per_batch_not_per_complaint(self):
        """The ladder's rule is run on a batch of complaints at once (one escalation
        step per chunk of ``batch_size``), not once per complaint as Odoo runs a
        time-based rule's actions."""
        complaints = (
            self._new_complaint() | self._new_complaint() | self._new_complaint()
        )
        Complaint = self.env["property.complaint"]
        calls = []
        original = type(Complaint)._escalate

        def counted(records, level, now=None):
            calls.append((len(records), level.target))
            return original(records, level, now)

        with (
            freeze_time("2025-03-03 04:00:00"),  # the supervisor's level only
            patch.object(type(Complaint), "_escalate", counted),
        ):
            first = Complaint._cron_escalate(batch_size=2)
            self.assertEqual(first, complaints)
            self.assertEqual(calls, [(2, "supervisor"), (1, "supervisor")])
            self.assertFalse(Complaint._cron_escalate(batch_size=2))
        self.assertEqual(
            len(complaints.escalation_ids), 3, "one log line per complaint"
        )
        for complaint in complaints:
            self.assertEqual(self._levels(complaint), ["supervisor"])
            self.assertEqual(complaint.escalation_ids.user_id, self.supervisor)
            # the site of the log line (its record rules) comes with the batch's values
            self.assertEqual(complaint.escalation_ids.site_id, complaint.site_id)
            self.assertEqual(
                complaint.activity_ids.filtered(
                    lambda a: "Escalated" in a.summary
                ).user_id,
                self.supervisor,
            )
