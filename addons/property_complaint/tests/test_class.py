from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase


class TestClass(ComplaintCase):
    def test_c05_group_complaint_is_class1(self):
        # the complainant counts: 1 + 4 co-complainants are the five customers of C05
        five = self._new_complaint(co_complainant_count=4)
        four = self._new_complaint(co_complainant_count=3)
        self.assertEqual(five.complaint_class, "1")
        self.assertEqual(four.complaint_class, "3")

    def test_c05_group_threshold_is_a_setting(self):
        self._set_setting("group_threshold", 10)
        self.assertEqual(
            self._new_complaint(co_complainant_count=8).complaint_class, "3"
        )
        self.assertEqual(
            self._new_complaint(co_complainant_count=9).complaint_class, "1"
        )

    def test_c05_c06_facts_give_the_class(self):
        self.assertEqual(self._new_complaint(fact_lawsuit=True).complaint_class, "1")
        self.assertEqual(self._new_complaint(fact_media=True).complaint_class, "1")
        self.assertEqual(self._new_complaint(is_written=True).complaint_class, "2")
        self.assertEqual(self._new_complaint(fact_government=True).complaint_class, "2")
        # class 1 facts win over class 2 facts
        both = self._new_complaint(fact_staff_conduct=True, fact_legal_claim=True)
        self.assertEqual(both.complaint_class, "1")
        self.assertFalse(
            self._new_complaint(kind="demand", fact_lawsuit=True).complaint_class
        )

    def test_c07_override_survives_fact_change(self):
        complaint = self._new_complaint(co_complainant_count=6)
        complaint.with_user(self.cs_manager).write(
            {
                "class_override": "2",
                "class_override_reason": "Six neighbours, one dripping pipe.",
            }
        )
        self.assertEqual(complaint.complaint_class, "2")
        complaint.with_user(self.agent).write(
            {"co_complainant_count": 8, "fact_media": True}
        )
        self.assertEqual(complaint.computed_class, "1")
        self.assertEqual(complaint.complaint_class, "2")
        self.assertTrue(complaint._fields["class_override"].tracking)
        self.assertTrue(complaint._fields["complaint_class"].tracking)

    def test_c07_override_refused_without_reason(self):
        complaint = self._new_complaint()
        with self.assertRaises(ValidationError):
            complaint.with_user(self.cs_manager).write({"class_override": "1"})
        with self.assertRaises(AccessError):
            complaint.with_user(self.agent).write(
                {"class_override": "1", "class_override_reason": "Looks serious."}
            )
        self.assertEqual(complaint.complaint_class, "3")

    def test_c05_unresolved_one_month_becomes_class1(self):
        complaint = self._new_complaint(validity_reason="Leak not fixed")
        with freeze_time("2025-03-03 03:00:00"):
            complaint.action_confirm_valid()
        demand = self._new_complaint(kind="demand")
        Complaint = self.env["property.complaint"]
        with freeze_time("2025-04-02 12:00:00"):
            Complaint._cron_raise_unresolved_class()
        self.assertEqual(complaint.complaint_class, "3")
        with freeze_time("2025-04-03 12:00:00"):
            Complaint._cron_raise_unresolved_class()
        self.assertTrue(complaint.fact_unresolved_month)
        self.assertEqual(complaint.complaint_class, "1")
        self.assertFalse(demand.fact_unresolved_month)

    def test_c13_class1_notifies_manager_and_quality_at_once(self):
        complaint = self._new_complaint(fact_injury_loss=True)
        users = complaint.activity_ids.user_id
        self.assertIn(self.cs_manager, users)
        self.assertIn(self.quality, users)
        self.assertTrue(complaint.date_class1_notified)
        ordinary = self._new_complaint()
        self.assertFalse(ordinary.activity_ids)

    def test_c13_class1_notification_is_a_setting(self):
        # D1: a company setting, on by default, that the settings page switches off
        settings = self.env["property.settings"].create(
            {"company_id": self.site.company_id.id}
        )
        self.assertTrue(settings.property_complaint_class1_notify)
        settings.property_complaint_class1_notify = False
        self.assertFalse(self.site.company_id.property_complaint_class1_notify)
        complaint = self._new_complaint(fact_injury_loss=True)
        self.assertFalse(complaint.activity_ids)


@tagged("post_install", "-at_install")
class TestClassRpc(RpcMixin, HttpCase, ComplaintCase):
    """C05 as customer service registers it: the complainant and the co-complainants
    are the customers of a group complaint (seed 001: 五人或以上)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")

    def _registered(self, co_complainants):
        complaint_id = self.rpc(
            "property.complaint",
            "create",
            {
                "site_id": self.site.id,
                "summary": "Noise from the works",
                "channel_id": self.channel_phone.id,
                "complainant_name": "Mr Zhang",
                "date_received": "2025-03-03 02:00:00",
                "co_complainant_count": co_complainants,
            },
        )
        return self.env["property.complaint"].browse(complaint_id)

    def test_c05_five_customers_make_class1(self):
        self.rpc_as(self.agent)
        # refused first: four customers in all stay below the threshold
        four = self._registered(3)
        self.assertEqual(four.complaint_class, "3")
        five = self._registered(4)
        self.assertEqual(five.complaint_class, "1")
        self.assertTrue(five.date_class1_notified)
        # a fifth customer joining later makes the complaint class 1
        self.rpc("property.complaint", "write", four.ids, {"co_complainant_count": 4})
        self.assertEqual(four.complaint_class, "1")

    def test_c05_four_customers_stay_below_class1(self):
        self.rpc_as(self.agent)
        self.assertEqual(self._registered(0).complaint_class, "3")
        self.assertEqual(self._registered(3).complaint_class, "3")
        # the threshold is a setting: ten customers in all
        self._set_setting("group_threshold", 10)
        self.assertEqual(self._registered(8).complaint_class, "3")
        self.assertEqual(self._registered(9).complaint_class, "1")
