from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import KpiCase


class TestScheme(KpiCase):
    def test_k01_base_score_80_by_default(self):
        assessment = self.assess(self.emp_agent)
        self.assertEqual(assessment.scheme_id, self.scheme)
        self.assertEqual(assessment.total_capped, 80)

    def test_k01_total_capped_at_110(self):
        assessment = self.assess(self.emp_agent)
        for xmlid in (
            "k02_top_team",
            "k02_cover",
            "k02_extra_work",
            "k02_zero_complaint",
            "k02_proposal",
        ):
            self.add(assessment, xmlid)
        self.add(assessment, "k02_cover", when=self.month.replace(day=12))
        self.add(assessment, "k02_cover", when=self.month.replace(day=20))
        self.assertEqual(assessment.bonus_points, 35)
        self.assertEqual(assessment.total_computed, 115)
        self.assertEqual(assessment.total_capped, 110)
        # refused case: a total under the cap is not changed
        self.add(assessment, "k04_meeting")
        self.assertEqual(assessment.total_computed, 105)
        self.assertEqual(assessment.total_capped, 105)

    def test_k01_hundred_point_scheme_per_site(self):
        self.scheme.site_ids = [(3, self.site.id)]
        self.scheme_hundred.site_ids = [(4, self.site.id)]
        assessment = self.assess(self.emp_agent)
        self.assertEqual(assessment.scheme_id, self.scheme_hundred)
        for day in (3, 10, 17, 24):
            self.add(assessment, "k02_cover", when=self.month.replace(day=day))
        self.add(assessment, "k03_noise")
        self.assertEqual(assessment.total_capped, 100 - 2 + 20)

    def test_k01_scheme_cap_below_base_refused(self):
        with self.assertRaises(ValidationError):
            self.scheme.cap_score = 70

    def test_k02_k07_catalogue_seeded(self):
        Item = self.env["property.kpi.item"]
        counts = {
            kind: Item.search_count(
                [("kind", "=", kind), ("id", "in", self._seeded_items().ids)]
            )
            for kind in ("bonus", "light", "medium", "severe", "dismissal")
        }
        self.assertEqual(
            counts, {"bonus": 6, "light": 14, "medium": 8, "severe": 6, "dismissal": 4}
        )
        late = self.item("k03_late")
        self.assertEqual((late.points_min, late.points_max), (2, 5))
        self.assertEqual(self.item("k05_absenteeism").points_min, 20)

    def _seeded_items(self):
        data = self.env["ir.model.data"].search(
            [("module", "=", "property_staff_kpi"), ("model", "=", "property.kpi.item")]
        )
        return self.env["property.kpi.item"].browse(data.mapped("res_id"))

    def test_k02_catalogue_edited_by_managers_only(self):
        item = self.item("k03_noise")
        item.with_user(self.user_manager).points_max = 3
        self.assertEqual(item.points_max, 3)
        with self.assertRaises(AccessError):
            item.with_user(self.user_trainer).points_max = 4

    def test_k02_used_item_archived_not_deleted(self):
        assessment = self.assess(self.emp_agent)
        self.add(assessment, "k03_noise")
        item = self.item("k03_noise")
        with self.assertRaises(UserError):
            item.with_user(self.user_manager).unlink()
        item.with_user(self.user_manager).action_archive()
        self.assertFalse(item.active)
        unused = self.env["property.kpi.item"].create(
            {"name": "Unused", "kind": "light", "points_min": 1, "points_max": 1}
        )
        unused.with_user(self.user_manager).unlink()
        self.assertFalse(unused.exists())

    def test_k03_points_outside_item_range_refused(self):
        assessment = self.assess(self.emp_agent)
        line = self.add(assessment, "k03_late", points=4, approve=False)
        self.assertEqual(line.signed_points, -4)
        with self.assertRaises(ValidationError):
            self.add(assessment, "k03_late", points=6, approve=False)
        with self.assertRaises(ValidationError):
            self.add(assessment, "k03_late", points=1, approve=False)

    @mute_logger("odoo.sql_db")
    def test_k01_one_assessment_per_employee_per_month(self):
        self.assess(self.emp_agent)
        with self.assertRaises(IntegrityError):
            self.assess(self.emp_agent)
