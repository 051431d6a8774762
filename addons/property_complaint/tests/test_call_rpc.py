from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase

NUMBER = "+8613800138006"


@tagged("post_install", "-at_install")
class TestCallRpc(RpcMixin, HttpCase, ComplaintCase):
    """C23: the hotline's calls, answered by the third ring, the caller found by the
    number in any form with the household's history (一户一档)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        cls.caller = cls.env["res.partner"].create({"name": "Wang Fang"})
        cls.earlier = cls._new_complaint(
            cls, partner_id=cls.caller.id, partner_phone="138 0013 8006"
        )
        cls.Call = cls.env["property.complaint.call"]

    def _register(self, phone, rung, answered=False, rings=0):
        return self.Call.browse(
            self.rpc(
                "property.complaint.call", "register_call", phone, rung, answered, rings
            )
        )

    def test_c23_only_customer_service_sees_the_calls(self):
        call = self.Call.create({"phone": NUMBER, "date_rung": "2025-03-03 02:00:00"})
        count = self.Call.search_count([])
        self.rpc_as(self.handler)
        self.assertRpcRefused(
            "property.complaint.call", "read", call.ids, ["phone", "partner_id"]
        )
        self.assertRpcRefused(
            "property.complaint.call",
            "create",
            [{"phone": NUMBER, "date_rung": "2025-03-03 02:00:00"}],
        )
        self.assertRpcRefused(
            "property.complaint.call", "register_call", NUMBER, "2025-03-03 02:00:00"
        )
        self.assertEqual(self.Call.search_count([]), count)
        # nor through the complaint: the call is not among the handler's fields
        self.assertNotIn(
            "call_id",
            self.rpc("property.complaint", "fields_get", [], attributes=["type"]),
        )

    def test_c23_figures_of_a_call_are_not_the_clients(self):
        count = self.Call.search_count([])
        self.rpc_as(self.agent)
        self.assertRpcRefused(
            "property.complaint.call",
            "create",
            [
                {
                    "phone": NUMBER,
                    "date_rung": "2025-03-03 02:00:00",
                    "date_answered": "2025-03-03 02:01:00",
                    "answered_in_time": True,
                    "in_time_rate": 100.0,
                }
            ],
        )
        self.assertEqual(self.Call.search_count([]), count)
        call = self._register(NUMBER, "2025-03-03 02:00:00", "2025-03-03 02:01:00")
        self.assertRpcRefused(
            "property.complaint.call",
            "write",
            call.ids,
            {"answered_in_time": True, "seconds_to_answer": 3},
        )
        call.invalidate_recordset()
        self.assertFalse(call.answered_in_time)
        self.assertEqual(call.seconds_to_answer, 60)

    def test_c23_bad_number_refused_and_nothing_written(self):
        count = self.Call.search_count([])
        self.rpc_as(self.agent)
        self.assertRpcRefused(
            "property.complaint.call", "register_call", "not a phone", "2025-03-03"
        )
        self.assertEqual(self.Call.search_count([]), count)

    def test_c23_caller_found_in_any_form_of_the_number(self):
        self.rpc_as(self.agent)
        for typed in (
            "13800138006",
            "138 0013 8006",
            "+86 138 0013 8006",
            "0086-138-0013-8006",
            "+8613800138006",
        ):
            with self.subTest(typed=typed):
                call = self._register(typed, "2025-03-04 01:00:00")
                [values] = self.rpc(
                    "property.complaint.call",
                    "read",
                    call.ids,
                    ["phone", "partner_id", "history_count"],
                )
                self.assertEqual(values["phone"], NUMBER)
                self.assertEqual(values["partner_id"][0], self.caller.id)
                self.assertEqual(values["history_count"], 1)
                action = self.rpc(
                    "property.complaint.call", "action_view_history", call.ids
                )
                found = self.rpc("property.complaint", "search", action["domain"])
                self.assertEqual(found, self.earlier.ids)

    def test_c23_answered_by_the_third_ring(self):
        self.env.company.property_complaint_ring_seconds = 5
        self.rpc_as(self.agent)
        rung = "2025-03-04 01:00:00"
        calls = [
            self._register(NUMBER, rung, "2025-03-04 01:00:20", rings=3),  # counted
            self._register(NUMBER, rung, "2025-03-04 01:00:09", rings=4),
            self._register(NUMBER, rung, "2025-03-04 01:00:14"),  # 3 rings of 5 s
            self._register(NUMBER, rung, "2025-03-04 01:00:16"),  # a fourth ring
            self._register(NUMBER, rung),  # not answered
        ]
        self.assertEqual(
            [call.answered_in_time for call in calls], [True, False, True, False, False]
        )
        self.assertEqual(calls[2].seconds_to_answer, 14)
        # the month's rate, as the statistics read it: 2 of the 5 calls
        [group] = self.rpc(
            "property.complaint.call",
            "read_group",
            [("id", "in", [call.id for call in calls])],
            ["in_time_rate:avg"],
            ["date_rung:month"],
        )
        self.assertAlmostEqual(group["in_time_rate"], 40.0)

    def test_c23_the_call_leads_to_a_complaint(self):
        self.rpc_as(self.agent)
        call = self._register(
            "138 0013 8006", "2025-03-04 01:00:00", "2025-03-04 01:00:05"
        )
        action = self.rpc(
            "property.complaint.call", "action_register_complaint", call.ids
        )
        values = self._complaint_vals(summary="Lift stuck", partner_phone=False)
        defaults = {
            key[len("default_") :]: value
            for key, value in action["context"].items()
            if key.startswith("default_")
        }
        complaint_id = self.rpc(
            "property.complaint", "create", [{**values, **defaults}]
        )[0]
        complaint = self.env["property.complaint"].browse(complaint_id)
        self.assertEqual(complaint.call_id, call)
        self.assertEqual(complaint.partner_id, self.caller)
        self.assertEqual(complaint.partner_phone, NUMBER)
        self.assertEqual(call.complaint_ids, complaint)
