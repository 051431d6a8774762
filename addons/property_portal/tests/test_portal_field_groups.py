"""C22, V09, V05: the staff's fields of a record shown in the portal are declared with
``groups=`` (property_portal/models), so the ORM itself refuses them to residents and
tenant contacts on every path a client takes: read, search_read, web_read, a search or
a group by on them, fields_get. As the resident (and the tenant's signatory) over
JSON-RPC, the refused case first; the staff still read them. The records are
``portal.mixin`` records: their ``access_url`` is their portal page, where a portal
user's e-mail link leads."""

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.property_base.tests.rpc import RpcMixin
from odoo.addons.property_base.tools import INTERNAL

from .common import PortalCase

# what a resident or tenant contact reads of each model (its portal page shows these);
# "message_has_sms_error" is added by sms when installed, a flag of the chatter
PORTAL_MIXIN = {"access_url", "access_token", "access_warning"}
THREAD = {"message_has_sms_error"}
READABLE = {
    "property.complaint": {
        "id",
        "display_name",
        "name",
        "summary",
        "description",
        "kind",
        "site_id",
        "company_id",
        "unit_id",
        "tenant_company_id",
        "channel_id",
        "category_id",
        "stage_id",
        "stage_role",
        "state",
        "is_closed",
        "active",
        "date_received",
        "date_accepted",
        "handler_id",
        "date_deadline_resolution",
        "date_resolved",
        "result_summary",
        "result_solution",
        "result_prevention",
        "date_result_communicated",
        "date_closed",
        "callback_state",
        "is_second_complaint",
        "parent_complaint_id",
        "evidence_attachment_ids",
        "portal_result_state",
        "portal_result_date",
        "portal_dispute_reason",
        "create_date",
        "write_date",
    }
    | PORTAL_MIXIN
    | THREAD,
    "property.complaint.callback": {
        "id",
        "display_name",
        "complaint_id",
        "site_id",
        "company_id",
        "state",
        "date_due",
        "date_done",
        "method",
        "satisfaction_id",
        "is_satisfied",
        "is_dissatisfied",
        "comments",
        "second_complaint_id",
    }
    | THREAD,
    "property.visit": {
        "id",
        "display_name",
        "name",
        "state",
        "site_id",
        "company_id",
        "visitor_name",
        "vehicle_plate",
        "purpose",
        "appointment",
        "planned_time",
        "planned_end",
        "host_unit_id",
        "host_partner_id",
        "invited_by_id",
        "arrival_time",
        "departure_time",
        "create_date",
        "write_date",
    }
    | PORTAL_MIXIN
    | THREAD,
    "property.goods.pass": {
        "id",
        "display_name",
        "name",
        "state",
        "direction",
        "site_id",
        "company_id",
        "tenant_partner_id",
        "unit_id",
        "carrier_name",
        "planned_date",
        "valid_until",
        "line_ids",
        "auth_method",
        "signatory_id",
        "portal_approval_state",
        "portal_approval_date",
        "portal_approver_id",
        "portal_refusal_reason",
        "create_date",
        "write_date",
    }
    | PORTAL_MIXIN
    | THREAD,
    "property.goods.pass.line": {
        "id",
        "display_name",
        "goods_pass_id",
        "sequence",
        "name",
        "quantity",
        "uom_name",
    },
}
SECRET = "plumber was late"


@tagged("post_install", "-at_install")
class TestPortalFieldGroupsRpc(RpcMixin, HttpCase, PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # base: the ORM's own refusal of a field, in Chinese
        cls._rpc_load_lang(
            "base", "property_base", "property_visitor", "property_portal"
        )
        cls.complaint = cls._portal_complaint(cls, cls.portal_a).sudo()
        internal = cls.complaint.with_context(property_complaint_action=INTERNAL)
        internal.write(
            {
                "resolution": f"<p>Internal: the {SECRET}.</p>",
                "validity_reason": f"The {SECRET}.",
                "priority": "1",
            }
        )

    def _assert_not_revealed(self, answer):
        self.assertNotIn(SECRET, str(answer))

    def _assert_fields_refused(self, model, record_id, names):
        for name in names:
            with self.subTest(model=model, field=name):
                error = self.assertRpcRefused(model, "read", [record_id], [name])
                self.assertEqual(error.name, "odoo.exceptions.AccessError")
                self._assert_not_revealed(error.message)

    def _assert_readable_fields(self, model, record_id):
        """fields_get and a read of every field: the portal's fields, nothing else."""
        self.assertEqual(
            set(self.rpc(model, "fields_get", attributes=["type"])), READABLE[model]
        )
        values = self.rpc(model, "read", [record_id])[0]
        self.assertEqual(set(values), READABLE[model])
        return values

    # ------------------------------------------------------------------
    # C22: complaints and callbacks
    # ------------------------------------------------------------------
    def test_c22_resident_cannot_read_the_staffs_fields_of_own_complaint(self):
        self.rpc_as(self.portal_a)
        staff_fields = (
            "resolution",
            "validity_reason",
            "priority",
            "complaint_class",
            "partner_phone",
            "complainant_name",
            "user_id",
            "create_uid",
            "message_ids",
            "message_follower_ids",
            "activity_ids",
        )
        self._assert_fields_refused(
            "property.complaint", self.complaint.id, staff_fields
        )
        # nor through the other ways of reading: the web client's read, a search or a
        # group by on a staff field
        self.assertRpcRefused(
            "property.complaint",
            "web_read",
            [self.complaint.id],
            specification={"summary": {}, "resolution": {}},
        )
        self.assertRpcRefused(
            "property.complaint",
            "search_read",
            [("resolution", "ilike", "plumber")],
            ["summary"],
        )
        self.assertRpcRefused(
            "property.complaint",
            "web_read_group",
            [],
            ["__count"],
            ["priority"],
        )
        # every field the resident may read, nothing more, and no secret among them
        values = self._assert_readable_fields("property.complaint", self.complaint.id)
        self._assert_not_revealed(values)
        self.assertEqual(values["summary"], "Water leak in the kitchen")
        self.assertEqual(values["access_url"], f"/my/complaints/{self.complaint.id}")

    def test_c22_resident_cannot_read_the_staffs_fields_of_own_callback(self):
        complaint = self._to_callback(self.complaint)
        callback = complaint.callback_ids
        self.rpc_as(self.portal_a)
        self._assert_fields_refused(
            "property.complaint.callback",
            callback.id,
            (
                "caller_name",
                "complainant_name",
                "exemption_note",
                "signature",
                "user_id",
            ),
        )
        values = self._assert_readable_fields(
            "property.complaint.callback", callback.id
        )
        self.assertEqual(values["state"], "todo")

    def test_c22_staff_still_read_the_fields(self):
        self.rpc_as(self.agent)
        values = self.rpc(
            "property.complaint",
            "read",
            [self.complaint.id],
            ["resolution", "validity_reason", "priority", "message_ids"],
        )[0]
        self.assertIn(SECRET, values["validity_reason"])
        self.assertEqual(values["priority"], "1")
        self.assertTrue(values["message_ids"])

    def test_c22_the_complaint_page_shows_no_staff_field(self):
        self.authenticate("t_resident_a", "t_resident_a")
        page = self.url_open(self.complaint.access_url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Water leak in the kitchen", page.text)
        self.assertNotIn(SECRET, page.text)
        # a link to the record in an e-mail leads the resident to that page
        response = self.url_open(
            f"/mail/view?model=property.complaint&res_id={self.complaint.id}",
            allow_redirects=False,
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertIn(
            f"/my/complaints/{self.complaint.id}", response.headers["Location"]
        )

    # ------------------------------------------------------------------
    # V09: visits
    # ------------------------------------------------------------------
    def test_v09_host_cannot_read_the_staffs_fields_of_own_invitation(self):
        with freeze_time("2025-03-03 02:00:00"):
            visit = (
                self.env["property.visit"]
                .with_user(self.portal_a)
                ._portal_invite(
                    {
                        "unit_id": self.unit_a.id,
                        "visitor_name": "Wang Wei",
                        "phone": "13812345678",
                        "planned_time": "2025-03-03 06:00:00",
                        "planned_end": "2025-03-03 08:00:00",
                        "email": "wang@example.com",
                    }
                )
                .sudo()
            )
        visit.message_post(
            body=f"Internal: the {SECRET}.", subtype_xmlid="mail.mt_note"
        )
        visit.note = f"Internal: the {SECRET}."
        self.rpc_as(self.portal_a)
        self._assert_fields_refused(
            "property.visit",
            visit.id,
            (
                "phone",
                "phone_masked",
                "id_number_masked",
                "invite_email",
                "contact_person",
                "note",
                "registrar_id",
                "gate_token",
                "message_ids",
            ),
        )
        self.assertRpcRefused(
            "property.visit",
            "search_read",
            [("phone_masked", "=", "13812345678")],
            ["name"],
        )
        values = self._assert_readable_fields("property.visit", visit.id)
        self.assertEqual(values["visitor_name"], "Wang Wei")
        self.assertEqual(values["access_url"], f"/my/visits/{visit.id}")
        self._assert_not_revealed(values)
        # the visit's page: who comes and when, nothing of the staff's
        self.authenticate("t_resident_a", "t_resident_a")
        page = self.url_open(visit.access_url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Wang Wei", page.text)
        self.assertNotIn(SECRET, page.text)
        self.assertNotIn("13812345678", page.text)

    # ------------------------------------------------------------------
    # V05: goods passes and their items
    # ------------------------------------------------------------------
    def test_v05_signatory_cannot_read_the_staffs_fields_of_a_goods_pass(self):
        goods = self._goods_pass(gate_note=f"Internal: the {SECRET}.")
        line = goods.line_ids[0]
        self.rpc_as(self.portal_signatory)
        with freeze_time("2025-03-03 02:00:00"):
            self._assert_fields_refused(
                "property.goods.pass",
                goods.id,
                (
                    "gate_note",
                    "cs_confirmed_by_id",
                    "seal_checked",
                    "phone_masked",
                    "token_key",
                ),
            )
            self._assert_fields_refused(
                "property.goods.pass.line",
                line.id,
                ("hazard", "quantity_seen", "line_state"),
            )
            values = self._assert_readable_fields("property.goods.pass", goods.id)
            self._assert_not_revealed(values)
            self.assertEqual(values["access_url"], f"/my/goods_passes/{goods.id}")
            items = self._assert_readable_fields("property.goods.pass.line", line.id)
            self.assertEqual(items["name"], "Laptop")
        # the pass's page: what is carried out, nothing of the staff's
        self.authenticate("t_signatory", "t_signatory")
        page = self.url_open(goods.access_url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Laptop", page.text)
        self.assertNotIn(SECRET, page.text)
