from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestSlaRpc(RpcMixin, HttpCase, ComplaintCase):
    """Service levels (issue #21): response and resolution targets in minutes, hours or
    working days, on the site's calendar or around the clock; the strictest matching
    policy wins, its targets feed the next deadline (and so the escalation, C13),
    whether they were met is recorded and reported."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        cls.calendar._property_import_cn_holidays(2025)
        Category = cls.env["property.complaint.category"]
        cls.cat_pipe = Category.create({"name": "Test burst pipe"})
        cls.cat_lift = Category.create({"name": "Test lift"})
        Sla = cls.env["property.complaint.sla"]
        # the same category, three policies: the strictest matching one wins
        cls.sla_pipe = Sla.create(
            {
                "name": "Test pipe",
                "category_ids": [Command.link(cls.cat_pipe.id)],
                "response_target": 30,
                "response_unit": "minutes",
                "resolution_target": 8,
                "resolution_unit": "hours",
                "calendar": "always",
            }
        )
        cls.sla_pipe_phone = Sla.create(
            {
                "name": "Test pipe by phone",
                "category_ids": [Command.link(cls.cat_pipe.id)],
                "channel_ids": [Command.link(cls.channel_phone.id)],
                "response_target": 15,
                "response_unit": "minutes",
                "resolution_target": 2,
                "resolution_unit": "hours",
                "calendar": "always",
            }
        )
        cls.other_site = cls.env["property.site"].create(
            {"name": "Test Site B", "code": "TB", "calendar_id": cls.calendar.id}
        )
        cls.sla_pipe_other_site = Sla.create(
            {
                "name": "Test pipe elsewhere",
                "category_ids": [Command.link(cls.cat_pipe.id)],
                "site_ids": [Command.link(cls.other_site.id)],
                "response_target": 1,
                "response_unit": "minutes",
                "resolution_target": 10,
                "resolution_unit": "minutes",
                "calendar": "always",
            }
        )
        cls.sla_pipe_written = Sla.create(
            {
                "name": "Test pipe in writing",
                "category_ids": [Command.link(cls.cat_pipe.id)],
                "domain": "[('is_written', '=', True)]",
                "resolution_target": 1,
                "resolution_unit": "hours",
                "calendar": "always",
            }
        )
        # another company's policy applies to its own complaints only
        cls.other_company = cls.env["res.company"].create({"name": "Test Other Co"})
        cls.sla_pipe_other_company = Sla.create(
            {
                "name": "Test pipe other company",
                "company_id": cls.other_company.id,
                "category_ids": [Command.link(cls.cat_pipe.id)],
                "resolution_target": 5,
                "resolution_unit": "minutes",
                "calendar": "always",
            }
        )
        # on the site's working calendar: nights, weekends and holidays do not count
        cls.sla_lift = Sla.create(
            {
                "name": "Test lift",
                "category_ids": [Command.link(cls.cat_lift.id)],
                "response_target": 2,
                "response_unit": "hours",
                "resolution_target": 4,
                "resolution_unit": "hours",
                "calendar": "site",
            }
        )

    def _register(self, received, **vals):
        """A complaint registered over JSON-RPC by the agent when received."""
        self.rpc_as(self.agent)
        with freeze_time(received):
            complaint_id = self.rpc(
                "property.complaint",
                "create",
                self._complaint_vals(date_received=received, **vals),
            )
        return self.env["property.complaint"].browse(complaint_id)

    def _sla_values(self, complaint):
        complaint.invalidate_recordset()
        return (
            complaint.sla_id,
            complaint.date_sla_response,
            complaint.date_sla_resolution,
            complaint.sla_response_status,
            complaint.sla_resolution_status,
        )

    # ------------------------------------------------------------------
    # Refused first
    # ------------------------------------------------------------------
    def test_c09_agent_cannot_edit_policies(self):
        Sla = self.env["property.complaint.sla"].with_context(active_test=False)
        before = Sla.search_count([])
        self.rpc_as(self.agent)
        self.assertRpcRefused(
            "property.complaint.sla",
            "create",
            {
                "name": "Everything in one minute",
                "resolution_target": 1,
                "resolution_unit": "minutes",
            },
        )
        self.assertRpcRefused(
            "property.complaint.sla",
            "write",
            self.sla_pipe.ids,
            {"resolution_target": 1000},
        )
        self.assertRpcRefused("property.complaint.sla", "unlink", self.sla_pipe.ids)
        self.env.invalidate_all()
        self.assertEqual(Sla.search_count([]), before, "nothing created or removed")
        self.assertEqual(self.sla_pipe.resolution_target, 8, "nothing written")
        # the customer-service manager sets the service levels
        self.rpc_as(self.cs_manager)
        self.rpc(
            "property.complaint.sla",
            "write",
            self.sla_pipe.ids,
            {"resolution_target": 6},
        )
        self.env.invalidate_all()
        self.assertEqual(self.sla_pipe.resolution_target, 6)
        # nor another company's policies are shown to them
        visible = self.rpc(
            "property.complaint.sla",
            "search",
            [("id", "in", (self.sla_pipe | self.sla_pipe_other_company).ids)],
        )
        self.assertEqual(visible, self.sla_pipe.ids)

    def test_c09_handler_cannot_change_sla_fields(self):
        complaint = self._register(
            "2025-03-03 02:00:00",
            category_id=self.cat_pipe.id,
            department_id=self.dep_engineering.id,
            handler_id=self.handler.id,
        )
        given = self._sla_values(complaint)
        self.assertEqual(given[0], self.sla_pipe_phone)
        self.rpc_as(self.handler)
        for vals in (
            {"sla_id": self.sla_pipe.id},
            {"sla_id": False},
            {"date_sla_resolution": "2030-01-01 00:00:00"},
            {"date_sla_response": False},
            {"sla_response_status": "met"},
            {"sla_resolution_status": "met"},
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    "property.complaint", "write", complaint.ids, vals
                )
                self.assertEqual(self._sla_values(complaint), given, "nothing written")
        # nor through the registration
        before = self.env["property.complaint"].sudo().search_count([])
        self.rpc_as(self.agent)
        with freeze_time("2025-03-03 02:00:00"):
            self.assertRpcRefused(
                "property.complaint",
                "create",
                self._complaint_vals(
                    category_id=self.cat_pipe.id,
                    date_sla_resolution="2030-01-01 00:00:00",
                ),
            )
        self.assertEqual(self.env["property.complaint"].sudo().search_count([]), before)

    # ------------------------------------------------------------------
    # Matching
    # ------------------------------------------------------------------
    def test_c09_policy_matching_strictest_wins(self):
        by_phone = self._register("2025-03-03 02:00:00", category_id=self.cat_pipe.id)
        # pipe (8 h) and pipe by phone (2 h) match, the other site's does not: 2 h
        self.assertEqual(
            self._sla_values(by_phone)[:3],
            (
                self.sla_pipe_phone,
                self._dt("2025-03-03 02:15:00"),
                self._dt("2025-03-03 04:00:00"),
            ),
        )
        visit = self._register(
            "2025-03-03 02:00:00",
            category_id=self.cat_pipe.id,
            channel_id=self.channel_visit.id,
        )
        self.assertEqual(visit.sla_id, self.sla_pipe)
        self.assertEqual(str(visit.date_sla_resolution), "2025-03-03 10:00:00")
        # the other conditions (a domain): a written complaint, 1 hour
        written = self._register(
            "2025-03-03 02:00:00", category_id=self.cat_pipe.id, is_written=True
        )
        self.assertEqual(written.sla_id, self.sla_pipe_written)
        self.assertEqual(str(written.date_sla_resolution), "2025-03-03 03:00:00")
        self.assertFalse(written.date_sla_response)
        # no policy for the category: no service level, the C08/C09 deadlines only
        plain = self._register("2025-03-03 02:00:00")
        self.assertEqual(
            self._sla_values(plain),
            (self.env["property.complaint.sla"],) + (False,) * 4,
        )
        # the policies are cached; a change applies to the next registrations
        self.sla_pipe_phone.sudo().active = False
        later = self._register("2025-03-03 02:00:00", category_id=self.cat_pipe.id)
        self.assertEqual(later.sla_id, self.sla_pipe)
        self.assertEqual(by_phone.sla_id, self.sla_pipe_phone, "given targets kept")

    # ------------------------------------------------------------------
    # Targets across a night and a holiday
    # ------------------------------------------------------------------
    def test_c09_targets_across_night_and_holiday(self):
        # Tuesday 30 September 2025, 16:30 in Shanghai; 1-8 October are holidays.
        # 2 and 4 working hours: 16:30-17:30, then 8:30-9:30 or -11:30 on Thursday
        # 9 October.
        lift = self._register("2025-09-30 08:30:00", category_id=self.cat_lift.id)
        self.assertEqual(lift.sla_id, self.sla_lift)
        self.assertEqual(str(lift.date_sla_response), "2025-10-09 01:30:00")
        self.assertEqual(str(lift.date_sla_resolution), "2025-10-09 03:30:00")
        # around the clock: 23:00 on the eve of the holiday, 2 hours later
        pipe = self._register("2025-09-30 15:00:00", category_id=self.cat_pipe.id)
        self.assertEqual(str(pipe.date_sla_response), "2025-09-30 15:15:00")
        self.assertEqual(str(pipe.date_sla_resolution), "2025-09-30 17:00:00")
        # working days on the site's calendar: the day itself not counted
        self.sla_lift.sudo().write(
            {"resolution_target": 1, "resolution_unit": "working_days"}
        )
        days = self._register("2025-09-30 08:30:00", category_id=self.cat_lift.id)
        self.assertEqual(str(days.date_sla_resolution), "2025-10-09 15:59:59")

    # ------------------------------------------------------------------
    # The next deadline, the escalation, time left and colour, met or failed
    # ------------------------------------------------------------------
    def test_c09_targets_feed_deadline_and_escalation(self):
        complaint = self._register("2025-03-03 02:00:00", category_id=self.cat_pipe.id)
        # 15 minutes, before the 1-hour response of C08
        self.assertEqual(str(complaint.date_deadline_next), "2025-03-03 02:15:00")
        Complaint = self.env["property.complaint"]
        with freeze_time("2025-03-03 02:05:00"):
            complaint.invalidate_recordset(["sla_time_left", "sla_color"])
            self.assertEqual(complaint.sla_color, "success")
            self.assertTrue(complaint.sla_time_left)
            Complaint._cron_escalate()
            self.assertFalse(complaint.escalation_ids)
        with freeze_time("2025-03-03 02:20:00"):
            complaint.invalidate_recordset(["sla_time_left", "sla_color"])
            self.assertEqual(complaint.sla_color, "danger")
            Complaint._cron_escalate()
            self.assertTrue(complaint.escalation_ids, "escalated on the SLA target")

    def test_c09_met_and_failed_recorded_and_reported(self):
        met = self._register(
            "2025-03-03 02:00:00",
            category_id=self.cat_pipe.id,
            department_id=self.dep_engineering.id,
            handler_id=self.handler.id,
        )
        failed = self._register(
            "2025-03-03 02:00:00",
            category_id=self.cat_pipe.id,
            department_id=self.dep_engineering.id,
            handler_id=self.handler.id,
        )
        self.assertEqual(self._sla_values(met)[3:], ("ongoing", "ongoing"))
        self.rpc_as(self.handler)
        with freeze_time("2025-03-03 02:10:00"):
            self.rpc("property.complaint", "action_record_contact", met.ids)
        with freeze_time("2025-03-03 02:40:00"):
            self.rpc("property.complaint", "action_record_contact", failed.ids)
        self.assertEqual(self._sla_values(met)[3:], ("met", "ongoing"))
        self.assertEqual(self._sla_values(failed)[3:], ("failed", "ongoing"))
        for complaint, when in (
            (met, "2025-03-03 03:30:00"),
            (failed, "2025-03-03 05:00:00"),
        ):
            self.rpc(
                "property.complaint",
                "write",
                complaint.ids,
                {"resolution": "<p>Pipe replaced.</p>"},
            )
            with freeze_time(when):
                self.rpc(
                    "property.complaint", "action_submit_resolution", complaint.ids
                )
        self.assertEqual(self._sla_values(met)[3:], ("met", "met"))
        self.assertEqual(self._sla_values(failed)[3:], ("failed", "failed"))
        # reported in the statistics
        self.rpc_as(self.supervisor)
        rows = self.rpc(
            "property.complaint.statistics",
            "read",
            (met | failed).ids,
            ["sla_id", "sla_response_rate", "sla_resolution_rate"],
        )
        rates = {
            row["id"]: (row["sla_response_rate"], row["sla_resolution_rate"])
            for row in rows
        }
        self.assertEqual(rates, {met.id: (100.0, 100.0), failed.id: (0.0, 0.0)})

    def test_c09_a_target_missed_is_failed_when_it_passes(self):
        """Not only once the step is done: the shipped automation rule records the
        failure as the target passes, so the late open complaints are counted."""
        late = self._register("2025-03-03 02:00:00", category_id=self.cat_pipe.id)
        rule = self.env.ref("property_complaint.automation_sla_response_missed")
        self.assertEqual(rule.trg_date_id.name, "date_sla_response")
        Automation = self.env["base.automation"]
        with freeze_time("2025-03-03 02:10:00"):
            Automation._check()
        self.assertEqual(self._sla_values(late)[3:], ("ongoing", "ongoing"))
        with freeze_time("2025-03-03 02:20:00"):  # the 15-minute target passed
            Automation._check()
        self.assertEqual(self._sla_values(late)[3:], ("failed", "ongoing"))
        self.rpc_as(self.supervisor)
        found = self.rpc(
            "property.complaint",
            "search",
            [("id", "=", late.id), ("sla_response_status", "=", "failed")],
        )
        self.assertEqual(found, late.ids)
        # a complaint registered after its target (received long before) is failed
        # at once
        self.rpc_as(self.agent)
        with freeze_time("2025-03-03 06:00:00"):
            old_id = self.rpc(
                "property.complaint",
                "create",
                self._complaint_vals(
                    date_received="2025-03-03 02:00:00", category_id=self.cat_pipe.id
                ),
            )
        old = self.env["property.complaint"].browse(old_id)
        self.assertEqual(self._sla_values(old)[3:], ("failed", "failed"))

    def _dt(self, value):
        return fields.Datetime.to_datetime(value)
