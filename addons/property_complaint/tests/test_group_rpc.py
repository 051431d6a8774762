import base64
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged
from odoo.tools import is_html_empty

from odoo.addons.property_base.tests.rpc import RpcMixin

from .common import ComplaintCase

MODEL = "property.complaint"


@tagged("post_install", "-at_install")
class TestGroupRpc(RpcMixin, HttpCase, ComplaintCase):
    """Group complaints (C05, issue #21) as customer service works them: the related
    complaints proposed at registration, five customers linked as one group make every
    complaint of the group class 1, and a duplicate merged into the main record keeps
    its messages, files and customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_load_lang("property_base", "property_complaint")
        Category = cls.env["property.complaint.category"]
        cls.cat_leak = Category.create({"name": "Group test: leak", "code": "t_g_leak"})
        cls.cat_noise = Category.create(
            {"name": "Group test: noise", "code": "t_g_noise"}
        )
        cls.cat_common = Category.create(
            {
                "name": "Group test: lift",
                "code": "t_g_lift",
                "is_building_wide": True,
            }
        )
        Unit = cls.env["property.unit"]
        cls.unit2 = Unit.create(
            {"building_id": cls.building.id, "floor": 2, "number": "G201"}
        )
        cls.building2 = cls.env["property.building"].create(
            {"name": "Group Building 2", "code": "G2", "site_id": cls.site.id}
        )
        cls.unit3 = Unit.create(
            {"building_id": cls.building2.id, "floor": 3, "number": "G301"}
        )
        cls.residents = cls.env["res.partner"].create(
            [
                {"name": f"Resident {n}", "phone": f"+86 138 0013 81{n:02d}"}
                for n in range(1, 7)
            ]
        )

    def _register(self, when, **vals):
        """A complaint registered over RPC by the logged-in user when it is received."""
        values = self._complaint_vals(date_received=when, **vals)
        with freeze_time(when):
            return self.env[MODEL].browse(self.rpc(MODEL, "create", values))

    def _related(self, complaint):
        return self.rpc(MODEL, "read", complaint.ids, ["related_complaint_ids"])[0][
            "related_complaint_ids"
        ]

    def _close(self, complaint, when):
        """Closed as its button leaves it (the set-up of a fixture, not the path
        tested)."""
        complaint._write_action({"state": "closed", "date_closed": when})

    # ------------------------------------------------------------------
    # Proposal
    # ------------------------------------------------------------------
    def test_c05_related_complaints_proposed_within_the_window(self):
        self.rpc_as(self.agent)
        leak = {"category_id": self.cat_leak.id}
        first = self._register("2025-03-03 02:00:00", **leak)
        second = self._register("2025-03-04 02:00:00", **leak)
        # outside the window (72 hours) of both
        late = self._register("2025-03-07 03:00:00", **leak)
        other_category = self._register(
            "2025-03-03 05:00:00", category_id=self.cat_noise.id
        )
        other_unit = self._register(
            "2025-03-03 06:00:00", unit_id=self.unit2.id, **leak
        )
        # closed the day before the first: still proposed; closed long before: not
        closed_recently = self._register("2025-03-01 02:00:00", **leak)
        self._close(closed_recently, "2025-03-02 02:00:00")
        closed_long_ago = self._register("2025-02-20 02:00:00", **leak)
        self._close(closed_long_ago, "2025-02-21 02:00:00")
        # refused first: a handler reads the proposals of the complaint dispatched to
        # them, but none of the complaints they may not see is revealed
        self._dispatch(first, self.dep_engineering, self.handler)
        self.rpc_as(self.handler)
        self.assertEqual(self._related(first), [])
        self.rpc_as(self.agent)
        self.assertCountEqual(self._related(first), (second | closed_recently).ids)
        self.assertCountEqual(self._related(second), (first | closed_recently).ids)
        self.assertEqual(self._related(late), [])
        self.assertEqual(self._related(other_category), [])
        self.assertEqual(self._related(other_unit), [])
        # the count, read for a batch of complaints at once
        counts = {
            row["id"]: row["related_complaint_count"]
            for row in self.rpc(
                MODEL,
                "read",
                (first | second | late).ids,
                ["related_complaint_count"],
            )
        }
        self.assertEqual(counts, {first.id: 2, second.id: 2, late.id: 0})
        # one search for a batch of complaints, not one per complaint
        batch = (first | second | late | other_category | other_unit).with_user(
            self.agent
        )
        batch.invalidate_recordset(["related_complaint_ids"])
        searches = []
        Complaint = type(self.env[MODEL])
        search = Complaint.search

        def counted(records, domain, *args, **kwargs):
            searches.append(domain)
            return search(records, domain, *args, **kwargs)

        with patch.object(Complaint, "search", counted):
            self.assertEqual(batch.mapped("related_complaint_count"), [2, 2, 0, 0, 0])
        self.assertEqual(len(searches), 1)
        # the window is a setting of the company
        self._set_setting("group_window_hours", 12)
        self.assertEqual(self._related(first), [])

    def test_c05_building_wide_category_proposes_the_building(self):
        self.rpc_as(self.agent)
        lift = {"category_id": self.cat_common.id}
        first = self._register("2025-03-03 02:00:00", **lift)
        same_building = self._register(
            "2025-03-03 08:00:00", unit_id=self.unit2.id, **lift
        )
        other_building = self._register(
            "2025-03-03 09:00:00", unit_id=self.unit3.id, **lift
        )
        self.assertEqual(self._related(first), same_building.ids)
        self.assertEqual(self._related(other_building), [])

    # ------------------------------------------------------------------
    # Link as a group (C05)
    # ------------------------------------------------------------------
    def test_c05_five_customers_linked_make_every_member_class1(self):
        self.rpc_as(self.agent)
        complaints = self.env[MODEL]
        for n, resident in enumerate(self.residents[:5]):
            complaints |= self._register(
                f"2025-03-03 0{n + 1}:00:00",
                partner_id=resident.id,
                partner_phone=resident.phone,
                category_id=self.cat_leak.id,
                summary="No water since this morning",
            )
        self.assertEqual(set(complaints.mapped("complaint_class")), {"3"})
        # refused first: a handler of engineering may not link; nothing written
        self._dispatch(complaints[0], self.dep_engineering, self.handler)
        self.rpc_as(self.handler)
        self.assertRpcRefused(MODEL, "action_link_group", complaints.ids)
        self.assertFalse(complaints.group_id)
        self.assertEqual(set(complaints.mapped("complaint_class")), {"3"})
        self.rpc_as(self.agent)
        # four customers, and a second call of one of them: still four customers
        self.rpc(MODEL, "action_link_group", complaints[:4].ids)
        again = self._register(
            "2025-03-03 06:30:00",
            partner_phone=self.residents[0].phone,
            complainant_name="Resident 1",
            category_id=self.cat_leak.id,
        )
        self.rpc(MODEL, "action_link_group", (complaints[:1] | again).ids)
        group = complaints[0].group_id
        self.assertTrue(group)
        self.assertEqual(group.customer_count, 4)
        self.assertEqual(group.complaint_count, 5)
        self.assertEqual(set((complaints[:4] | again).mapped("complaint_class")), {"3"})
        # the fifth customer, linked from the proposals of their complaint
        self.assertIn(complaints[0].id, self._related(complaints[4]))
        self.rpc(MODEL, "action_link_related", complaints[4].ids)
        members = complaints | again
        self.assertEqual(members.group_id, group)
        self.assertEqual(group.name, complaints[0].name)
        self.assertEqual(group.customer_count, 5)
        self.assertEqual(set(members.mapped("customer_count")), {5})
        self.assertEqual(set(members.mapped("complaint_class")), {"1"})
        # the class-1 notice and the class-1 deadline follow, on every member
        self.assertTrue(all(members.mapped("date_class1_notified")))
        # the group and the link are the action's: no client writes them
        self.assertRpcRefused(MODEL, "write", again.ids, {"group_id": False})
        self.assertEqual(again.group_id, group)

    # ------------------------------------------------------------------
    # Merge a duplicate
    # ------------------------------------------------------------------
    def _merge(self, duplicate, main):
        wizard = self.rpc(
            "property.complaint.merge",
            "create",
            {"complaint_id": duplicate.id, "main_complaint_id": main.id},
        )
        return self.rpc("property.complaint.merge", "action_confirm", [wizard])

    def _assert_merge_refused(self, duplicate, main):
        wizard = self.rpc(
            "property.complaint.merge",
            "create",
            {"complaint_id": duplicate.id, "main_complaint_id": main.id},
        )
        return self.assertRpcRefused(
            "property.complaint.merge", "action_confirm", [wizard]
        )

    def test_c05_merge_keeps_messages_files_and_customer(self):
        resident, other = self.residents[4], self.residents[5]
        self.rpc_as(self.agent)
        main = self._register(
            "2025-03-03 02:00:00",
            partner_id=resident.id,
            partner_phone=resident.phone,
            category_id=self.cat_leak.id,
        )
        duplicate = self._register(
            "2025-03-03 03:00:00",
            partner_id=other.id,
            partner_phone=other.phone,
            category_id=self.cat_leak.id,
        )
        attachment = self.rpc(
            "ir.attachment",
            "create",
            {
                "name": "photo-of-the-leak.jpg",
                "datas": base64.b64encode(b"a photo").decode(),
                "res_model": MODEL,
                "res_id": duplicate.id,
            },
        )
        self.rpc(
            MODEL,
            "message_post",
            duplicate.ids,
            body="The ceiling of the kitchen drips.",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            attachment_ids=[attachment],
        )
        closed = self._register("2025-03-03 04:00:00", category_id=self.cat_leak.id)
        self._close(closed, "2025-03-03 05:00:00")
        other_company = self.env["res.company"].create({"name": "Group Test Co."})
        other_site = self.env["property.site"].create(
            {
                "name": "Group Test Other Site",
                "code": "GO",
                "company_id": other_company.id,
                "calendar_id": self.calendar.id,
            }
        )
        with freeze_time("2025-03-03 02:00:00"):
            foreign = self.env[MODEL].create(
                self._complaint_vals(site_id=other_site.id, unit_id=False)
            )
        Message = self.env["mail.message"]
        before = Message.search_count([("model", "=", MODEL), ("res_id", "=", main.id)])
        # refused first, nothing written: a handler of engineering, the complaint
        # itself, a complaint of another company (not revealed), a closed one either
        # way
        self._dispatch(duplicate, self.dep_engineering, self.handler)
        self.rpc_as(self.handler)
        self._assert_merge_refused(duplicate, main)
        self.rpc_as(self.agent)
        self._assert_merge_refused(duplicate, duplicate)
        error = self._assert_merge_refused(duplicate, foreign)
        self.assertNotIn(foreign.name, error.message)
        self._assert_merge_refused(duplicate, closed)
        self._assert_merge_refused(closed, main)
        # the reference is the merge's: no client writes it
        self.assertRpcRefused(
            MODEL, "write", duplicate.ids, {"merged_into_id": main.id}
        )
        count = self.env[MODEL].search_count([])
        with freeze_time("2025-03-03 05:00:00"):
            self.assertRpcRefused(
                MODEL, "create", self._complaint_vals(merged_into_id=main.id)
            )
        self.assertEqual(self.env[MODEL].search_count([]), count)
        self.assertFalse(duplicate.is_closed or duplicate.merged_into_id)
        self.assertFalse(main.co_complainant_ids)
        self.assertEqual(
            Message.search_count([("model", "=", MODEL), ("res_id", "=", main.id)]),
            before,
        )
        self.assertEqual(main.customer_count, 1)
        # the merge
        history = Message.search([("model", "=", MODEL), ("res_id", "=", duplicate.id)])
        # every message, note and file of the duplicate (not the notices to a user,
        # nor the lines that only track a change of its fields)
        kept = history.filtered(
            lambda m: (
                m.message_type != "user_notification"
                and (m.attachment_ids or not is_html_empty(m.body))
            )
        )
        self.assertTrue(kept.filtered(lambda m: m.attachment_ids))
        files = self.env["ir.attachment"].search(
            [("res_model", "=", MODEL), ("res_id", "=", duplicate.id)]
        )
        self._merge(duplicate, main)
        self.assertTrue(duplicate.is_closed)
        self.assertEqual(duplicate.state, "closed")
        self.assertEqual(duplicate.merged_into_id, main)
        self.assertEqual(main.merged_complaint_ids, duplicate)
        # every message and file of the duplicate is on the main record, and still on
        # the duplicate
        copied = Message.search([("model", "=", MODEL), ("res_id", "=", main.id)])
        for message in kept:
            self.assertIn(
                (message.body, message.author_id, message.message_type),
                {(m.body, m.author_id, m.message_type) for m in copied},
            )
        self.assertLessEqual(
            set(history.ids),
            set(
                Message.search(
                    [("model", "=", MODEL), ("res_id", "=", duplicate.id)]
                ).ids
            ),
        )
        on_main = self.env["ir.attachment"].search(
            [("res_model", "=", MODEL), ("res_id", "=", main.id)]
        )
        self.assertEqual(
            sorted(files.mapped("checksum")), sorted(on_main.mapped("checksum"))
        )
        note = copied.filtered(lambda m: "kitchen drips" in (m.body or ""))
        self.assertEqual(note.attachment_ids.mapped("name"), ["photo-of-the-leak.jpg"])
        self.assertEqual(note.attachment_ids.res_id, main.id)
        # the duplicate's customer is a co-complainant of the main record, counted
        line = main.co_complainant_ids
        self.assertEqual(line.partner_id, other)
        self.assertEqual(line.phone, duplicate.partner_phone)
        self.assertEqual(line.merged_from_id, duplicate)
        self.assertEqual(main.customer_count, 2)
        # a note on both
        self.assertTrue(
            copied.filtered(lambda m: duplicate.name in (m.body or "")),
        )
        self.assertTrue(
            Message.search_count(
                [
                    ("model", "=", MODEL),
                    ("res_id", "=", duplicate.id),
                    ("body", "ilike", main.name),
                ]
            )
        )
        # merged: a closed record, merged no more
        self._assert_merge_refused(duplicate, main)
        # the complainant's page (the link of the messages) names the main record
        url = duplicate.sudo()._signed_link_url("complaint")
        self.url_open("/web/session/logout")
        page = self.url_open(url.replace(duplicate.get_base_url(), ""))
        self.assertEqual(page.status_code, 200)
        self.assertIn(main.name, page.text)

    # ------------------------------------------------------------------
    # Who sees a group
    # ------------------------------------------------------------------
    def test_c05_group_seen_by_whoever_sees_its_complaints(self):
        complaints = self.env[MODEL]
        for n, resident in enumerate(self.residents[:2]):
            complaints |= self._new_complaint(
                date_received=f"2025-03-03 0{n + 2}:00:00",
                partner_id=resident.id,
                partner_phone=resident.phone,
                category_id=self.cat_leak.id,
            )
        complaints.with_user(self.agent).action_link_group()
        group = complaints.group_id
        self.assertEqual(len(group), 1)
        self._dispatch(complaints[1], self.dep_engineering, self.handler)
        merged = self._new_complaint(
            date_received="2025-03-03 04:00:00",
            partner_id=self.residents[2].id,
            partner_phone=self.residents[2].phone,
        )
        with freeze_time("2025-03-03 05:00:00"):
            merged.with_user(self.agent)._merge_into(complaints[0])
        line = complaints[0].co_complainant_ids
        self.assertEqual(line.partner_id, self.residents[2])
        other_company = self.env["res.company"].create({"name": "Group Test Co. 2"})
        outsider = self._create_user(
            "t_group_outsider", self.group_agent, company=other_company
        )
        Group = "property.complaint.group"
        # refused first: nothing of the group for those who see none of its
        # complaints, nor the co-complainants' contacts for a handler
        for user in (self.handler2, outsider):
            self.rpc_as(user)
            self.assertEqual(self.rpc(Group, "search", [("id", "=", group.id)]), [])
            self.assertRpcRefused(Group, "read", group.ids, ["name"])
        self.rpc_as(self.handler)
        self.assertRpcRefused(
            "property.complaint.complainant", "read", line.ids, ["name", "phone"]
        )
        self.assertRpcRefused(MODEL, "read", complaints[1].ids, ["co_complainant_ids"])
        # the handler of one of its complaints, and customer service
        rows = self.rpc(Group, "read", group.ids, ["name", "customer_count"])
        self.assertEqual(rows[0]["name"], complaints[0].name)
        self.assertEqual(rows[0]["customer_count"], 3)
        self.rpc_as(self.agent)
        self.assertEqual(self.rpc(Group, "search", [("id", "=", group.id)]), group.ids)
        rows = self.rpc(
            "property.complaint.complainant", "read", line.ids, ["name", "phone"]
        )
        self.assertEqual(rows[0]["phone"], merged.partner_phone)
        # nobody writes, creates or deletes a group but the actions
        self.assertRpcRefused(Group, "write", group.ids, {"main_complaint_id": False})
        self.assertRpcRefused(Group, "create", {"main_complaint_id": merged.id})
        self.assertRpcRefused(Group, "unlink", group.ids)
        self.assertEqual(group.main_complaint_id, complaints[0])


@tagged("post_install", "-at_install")
class TestGroupTour(HttpCase, ComplaintCase):
    def test_c05_tour_agent_links_a_related_complaint(self):
        self.agent.password = "t_agent"
        category = self.env["property.complaint.category"].create(
            {"name": "Group tour: leak", "code": "t_g_tour"}
        )
        neighbours = self.env["res.partner"].create(
            [
                {"name": "Tour Resident 1", "phone": "+86 138 0013 8201"},
                {"name": "Tour Resident 2", "phone": "+86 138 0013 8202"},
            ]
        )
        first, second = (
            self._new_complaint(
                date_received=f"2025-03-03 0{n + 2}:00:00",
                partner_id=neighbour.id,
                partner_phone=neighbour.phone,
                category_id=category.id,
            )
            for n, neighbour in enumerate(neighbours)
        )
        self.start_tour(
            f"/odoo/action-property_complaint.property_complaint_action/{second.id}",
            "property_complaint_group_tour",
            login="t_agent",
        )
        self.assertTrue(first.group_id)
        self.assertEqual(first.group_id, second.group_id)
        self.assertEqual(first.group_id.customer_count, 2)
