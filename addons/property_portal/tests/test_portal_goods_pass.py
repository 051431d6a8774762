from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestPortalGoodsPass(PortalCase):
    def test_v05_signatory_approves_carry_out_in_portal(self):
        goods = self._goods_pass()
        self.assertTrue(goods.with_user(self.portal_signatory)._portal_can_answer())
        goods.with_user(self.portal_signatory).action_portal_approve()
        self.assertEqual(goods.portal_approval_state, "approved")
        self.assertEqual(goods.auth_method, "signature")
        self.assertEqual(goods.signatory_id, self.signatory)
        self.assertEqual(goods.portal_approver_id, self.signatory)
        # customer service still stamps it (V05: both directions)
        self.assertEqual(goods.state, "draft")
        goods.with_user(self.frontdesk).action_confirm()
        self.assertEqual(goods.state, "confirmed")
        with self.assertRaisesRegex(UserError, "waits for no answer"):
            goods.with_user(self.portal_signatory).action_portal_approve()

    def test_v05_signatory_refusal_blocks_the_stamp(self):
        goods = self._goods_pass()
        with self.assertRaisesRegex(UserError, "why"):
            goods.with_user(self.portal_signatory).action_portal_refuse("")
        goods.with_user(self.portal_signatory).action_portal_refuse("Not our laptops")
        self.assertEqual(goods.portal_approval_state, "refused")
        self.assertEqual(goods.portal_refusal_reason, "Not our laptops")
        self.assertTrue(
            goods.activity_ids.filtered(lambda a: a.user_id == self.frontdesk)
        )
        goods.write({"auth_method": "signature", "signatory_id": self.signatory.id})
        with self.assertRaisesRegex(UserError, "refused"):
            goods.with_user(self.frontdesk).action_confirm()

    def test_v05_only_the_company_signatory_answers(self):
        goods = self._goods_pass()
        for user in (
            self.portal_clerk,
            self.portal_signatory2,
            self.portal_a,
            self.frontdesk,
        ):
            with self.assertRaises(AccessError, msg=user.login):
                goods.with_user(user).action_portal_approve()
        # the authorisation must cover the carrying day
        self.signatory.date_to = "2025-02-28"
        with self.assertRaises(AccessError):
            goods.with_user(self.portal_signatory).action_portal_approve()
        self.assertFalse(goods.portal_approval_state)

    def test_v05_carry_in_needs_no_signatory(self):
        goods = self._goods_pass(direction="in")
        self.assertFalse(goods.with_user(self.portal_signatory)._portal_can_answer())
        with self.assertRaisesRegex(UserError, "waits for no answer"):
            goods.with_user(self.portal_signatory).action_portal_approve()

    def test_v05_answer_fields_only_through_the_portal(self):
        goods = self._goods_pass()
        with self.assertRaisesRegex(UserError, "signatory answers"):
            goods.with_user(self.frontdesk).write({"portal_approval_state": "approved"})
