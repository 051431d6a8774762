from odoo.tests import tagged

from .common import ID_OK, VisitorCase


@tagged("post_install", "-at_install")
class TestMaskedSearch(VisitorCase):
    """V09: whoever reads ID numbers and phones masked finds a person only by the whole
    number — a part of it finds nothing, so a number cannot be guessed piece by piece;
    the front-desk supervisor and the security manager, who read them in clear, may
    search on a part."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.visit = cls.env["property.visit"].create(cls._visit_vals(cls))

    def _found(self, user, domain):
        return self.visit in self.env["property.visit"].with_user(user).search(domain)

    def test_v09_masked_users_find_a_visitor_only_by_the_whole_number(self):
        for user in (self.frontdesk, self.night_officer):
            with self.subTest(user=user.login):
                for domain in (
                    [("phone_masked", "ilike", "138")],
                    [("phone_masked", "ilike", "5678")],
                    [("phone_masked", "=", "1381234567")],
                    [("id_number_masked", "ilike", ID_OK[:6])],
                    [("id_number_masked", "ilike", ID_OK[-4:])],
                    [("id_number_masked", "=", ID_OK[:17])],
                ):
                    self.assertFalse(self._found(user, domain), domain)
                for domain in (
                    [("phone_masked", "ilike", "138 1234 5678")],
                    [("phone_masked", "=", "+8613812345678")],
                    [("id_number_masked", "ilike", ID_OK.lower())],
                    [("id_number_masked", "=", ID_OK)],
                ):
                    self.assertTrue(self._found(user, domain), domain)

    def test_v09_clear_readers_may_search_on_a_part(self):
        for user in (self.supervisor, self.security):
            with self.subTest(user=user.login):
                self.assertTrue(self._found(user, [("phone_masked", "ilike", "1234")]))
                self.assertTrue(
                    self._found(user, [("id_number_masked", "ilike", ID_OK[:6])])
                )
                self.assertFalse(self._found(user, [("phone_masked", "ilike", "9999")]))
