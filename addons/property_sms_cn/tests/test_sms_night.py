"""Issue #20, China SMS: the night hours of a company in its time zone (the window the
queue holds non-urgent SMS in), and the provider template's parameters as rendered."""

from datetime import datetime

from odoo.tests import BaseCase, tagged

from ..tools.night import night_end
from .common import SmsCnCase


@tagged("post_install", "-at_install")
class TestSmsNight(BaseCase):
    def test_n20_night_window_across_midnight(self):
        """21:00–08:00 Shanghai (UTC+8): held until 08:00 the next morning in the
        evening, the same morning after midnight; not at 08:00 or by day."""
        tz = "Asia/Shanghai"
        self.assertEqual(
            night_end(datetime(2026, 3, 2, 13, 0), 21.0, 8.0, tz),  # 21:00
            datetime(2026, 3, 3, 0, 0),
        )
        self.assertEqual(
            night_end(datetime(2026, 3, 2, 18, 30), 21.0, 8.0, tz),  # 02:30
            datetime(2026, 3, 3, 0, 0),
        )
        self.assertIsNone(night_end(datetime(2026, 3, 2, 12, 59), 21.0, 8.0, tz))
        self.assertIsNone(night_end(datetime(2026, 3, 3, 0, 0), 21.0, 8.0, tz))
        self.assertIsNone(night_end(datetime(2026, 3, 3, 4, 0), 21.0, 8.0, tz))

    def test_n20_night_window_same_day_and_off(self):
        """A window within one day (00:30–06:15), and none when start equals end."""
        tz = "Asia/Shanghai"
        self.assertEqual(
            night_end(datetime(2026, 3, 2, 17, 0), 0.5, 6.25, tz),  # 01:00
            datetime(2026, 3, 2, 22, 15),
        )
        self.assertIsNone(night_end(datetime(2026, 3, 2, 16, 0), 0.5, 6.25, tz))
        self.assertIsNone(night_end(datetime(2026, 3, 2, 14, 0), 8.0, 8.0, tz))


@tagged("post_install", "-at_install")
class TestSmsParams(SmsCnCase):
    def test_n20_params_read_as_people_do(self):
        """A field path gives a record's name, a selection's label and a time in the
        company's time zone, not the stored value; an expression is rendered like the
        template."""
        resident = self.env["res.partner"].create(
            {
                "name": "王小明",
                "ref": "TS-0001",
                "type": "contact",
                "parent_id": self.owner.id,
            }
        )
        note = self.env["mail.message"].create(
            {"body": "Test", "message_type": "comment", "date": "2026-03-02 02:00:00"}
        )
        Param = self.env["property.sms.provider.template.param"].with_context(
            lang="en_US"
        )
        values = {}
        for key, kind, expression in (
            ("parent", "field", "parent_id"),
            ("parent_name", "field", "parent_id.name"),
            ("type", "field", "type"),
            ("missing", "field", "no_such_field"),
            ("expression", "expression", "{{ object.ref }}-{{ object.name }}"),
        ):
            param = Param.new(
                {
                    "provider_template_id": self.mapping.id,
                    "value_type": kind,
                    "expression": expression,
                }
            )
            values[key] = param._property_render(resident)[resident.id]
        self.assertEqual(values["parent"], self.owner.display_name)
        self.assertEqual(values["parent_name"], "Test Owner")
        self.assertEqual(values["type"], "Contact")
        # a time: 02:00 UTC is 10:00 in Shanghai
        starts = Param.new(
            {
                "provider_template_id": self.mapping.id,
                "value_type": "field",
                "expression": "date",
            }
        )._property_render(note)[note.id]
        self.assertIn("10:00", starts)
        self.assertIn("3/2/26", starts)
        self.assertEqual(values["missing"], "")
        self.assertEqual(values["expression"], "TS-0001-王小明")
