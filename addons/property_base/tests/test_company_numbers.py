from odoo.tests import tagged

from .common import PropertyCase


@tagged("post_install", "-at_install")
class TestCompanyNumbers(PropertyCase):
    """The numbers of the rules that each company keeps (its ``property_*`` fields):
    read once per process through ``res.company._property_numbers``, forgotten when a
    company changes one, and left out of Odoo's other reads of the company."""

    def test_numbers_are_read_once_and_follow_a_change(self):
        company = self.company
        numbers = company._property_numbers()
        self.assertEqual(numbers["property_signed_link_hours"], 168)
        self.assertTrue(all(name.startswith("property_") for name in numbers))
        # no text (the SMS provider's keys are texts): numbers, flags and choices
        self.assertTrue(
            all(
                company._fields[name].type
                in ("integer", "float", "boolean", "selection")
                for name in numbers
            )
        )
        # read again in a new transaction's cache: no query
        self.env.invalidate_all()
        with self.assertQueryCount(0):
            self.assertEqual(
                company._property_numbers()["property_signed_link_hours"], 168
            )
        company.property_signed_link_hours = 24
        self.assertEqual(company._property_numbers()["property_signed_link_hours"], 24)
        # another company keeps its own
        other = self.env["res.company"].create({"name": "Other Property Co."})
        self.assertEqual(other._property_numbers()["property_signed_link_hours"], 168)
        self.assertEqual(company._property_numbers()["property_signed_link_hours"], 24)

    def test_reading_the_company_leaves_the_suite_fields(self):
        """Odoo reads the company in most requests (a message's catchall, the
        currency): that read does not fetch the suite's fields."""
        company = self.company
        field = company._fields["property_signed_link_hours"]
        self.env.invalidate_all()
        self.assertTrue(company.currency_id)
        self.assertFalse(self.env.cache.contains(company, field))
        self.assertEqual(company.property_signed_link_hours, 168)
        self.assertTrue(self.env.cache.contains(company, field))
