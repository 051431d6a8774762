from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestDatesRpc(RpcMixin, HttpCase, ComplaintCase):
    """The dates of a complaint start its deadlines and its class: the complaint cannot
    be received in the future (10 minutes of tolerance for clocks), and the matter
    cannot have arisen after it was received nor more than 10 years before."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")

    def setUp(self):
        super().setUp()
        self.rpc_as(self.agent)
        self.now = fields.Datetime.now()

    def _vals(self, **vals):
        return self._complaint_vals(**vals)

    def _count(self):
        return (
            self.env["property.complaint"]
            .sudo()
            .with_context(active_test=False)
            .search_count([])
        )

    def test_c08_received_in_the_future_refused(self):
        before = self._count()
        for received in (
            self.now + timedelta(days=1),
            self.now + timedelta(minutes=30),
        ):
            with self.subTest(received=received):
                self.assertRpcRefused(
                    "property.complaint",
                    "create",
                    self._vals(date_received=fields.Datetime.to_string(received)),
                )
        self.assertEqual(self._count(), before, "nothing registered")
        complaint = self._new_complaint()
        deadline = complaint.date_deadline_resolution
        self.assertRpcRefused(
            "property.complaint",
            "write",
            complaint.ids,
            {
                "date_received": fields.Datetime.to_string(
                    self.now + timedelta(days=365)
                )
            },
        )
        complaint.invalidate_recordset()
        self.assertEqual(
            fields.Datetime.to_string(complaint.date_received), "2025-03-03 02:00:00"
        )
        self.assertEqual(complaint.date_deadline_resolution, deadline)
        # a clock a few minutes ahead is taken
        new_id = self.rpc(
            "property.complaint",
            "create",
            self._vals(
                date_received=fields.Datetime.to_string(self.now + timedelta(minutes=5))
            ),
        )
        self.assertTrue(self.env["property.complaint"].browse(new_id).exists())

    def test_c05_matter_arisen_after_receipt_or_absurdly_before_refused(self):
        before = self._count()
        for arose in ("2199-12-31", "2025-03-04", "2015-03-02", "1900-01-01"):
            with self.subTest(arose=arose):
                self.assertRpcRefused(
                    "property.complaint",
                    "create",
                    self._vals(
                        date_received="2025-03-03 02:00:00", date_matter_arose=arose
                    ),
                )
        self.assertEqual(self._count(), before, "nothing registered")
        complaint = self._new_complaint()
        self.assertRpcRefused(
            "property.complaint",
            "write",
            complaint.ids,
            {"date_matter_arose": "2199-12-31"},
        )
        # moving the receipt before the matter is refused too
        self.assertRpcRefused(
            "property.complaint",
            "write",
            complaint.ids,
            {"date_received": "2025-03-01 02:00:00", "date_matter_arose": "2025-03-02"},
        )
        complaint.invalidate_recordset()
        self.assertEqual(
            fields.Date.to_string(complaint.date_matter_arose), "2025-03-03"
        )
        # the day of receipt (in the site's time zone) and 10 years before are taken
        self.rpc(
            "property.complaint",
            "write",
            complaint.ids,
            {"date_matter_arose": "2015-03-03"},
        )
        new_id = self.rpc(
            "property.complaint",
            "create",
            # 20:00 UTC is already the 4th in Shanghai
            self._vals(
                date_received="2025-03-03 20:00:00", date_matter_arose="2025-03-04"
            ),
        )
        self.assertEqual(
            fields.Date.to_string(
                self.env["property.complaint"].browse(new_id).date_matter_arose
            ),
            "2025-03-04",
        )
