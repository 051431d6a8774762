from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.property_base.tests.access_matrix import NothingLostMixin

from .common import KpiCase


@tagged("post_install", "-at_install")
class TestNothingLost(NothingLostMixin, KpiCase):
    """Assessments and their approved lines are kept. Decision: a draft assessment
    (nothing submitted or approved yet, e.g. made by mistake) may still be deleted by
    a manager, as the addon always allowed; once submitted or confirmed, nobody deletes
    it, not even the superuser. An approved line is never deleted by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = (
            cls.user_manager
            | cls.user_supervisor
            | cls.user_trainer
            | cls.user_agent
            | cls.env.ref("base.user_admin")
        )

    def test_k10_confirmed_assessment_never_deleted(self):
        assessment = self.assess(self.emp_agent)
        assessment.with_user(self.user_trainer).action_submit()
        self._assert_never_deleted(assessment, self.users, acl=False)
        assessment.with_user(self.user_agent).action_sign()
        assessment.with_user(self.user_supervisor).action_confirm()
        self._assert_never_deleted(assessment, self.users, acl=False)

    def test_k10_draft_assessment_deleted_by_a_manager_only(self):
        assessment = self.assess(self.emp_agent)
        for user in (self.user_trainer, self.user_supervisor, self.user_agent):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                assessment.with_user(user).unlink()
        assessment.with_user(self.user_manager).unlink()
        self.assertFalse(assessment.exists())

    def test_k10_approved_line_never_deleted(self):
        assessment = self.assess(self.emp_agent)
        approved = self.add(assessment, "k03_noise")
        self.assertEqual(approved.state, "approved")
        self._assert_never_deleted(approved, self.users, acl=False)
        # refused: a proposed line of a draft assessment is still withdrawn by its
        # assessor
        proposed = self.add(assessment, "k03_noise", approve=False)
        proposed.with_user(self.user_trainer).unlink()
        self.assertFalse(proposed.exists())
        with self.assertRaises(UserError):
            approved.with_user(self.user_trainer).unlink()
