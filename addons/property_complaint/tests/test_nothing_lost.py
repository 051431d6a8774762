from odoo.tests import tagged

from odoo.addons.property_base.tests.access_matrix import NothingLostMixin

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestNothingLost(NothingLostMixin, ComplaintCase):
    """C18: complaints and their callbacks are kept permanently: no role may delete
    them (no access right grants it) and even the superuser is refused."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = (
            cls.agent
            | cls.supervisor
            | cls.cs_manager
            | cls.quality
            | cls.pmc
            | cls.handler
            | cls.env.ref("base.user_admin")
        )

    def test_c18_complaint_never_deleted(self):
        complaint = self._new_complaint(handler_id=self.handler.id)
        self._assert_never_deleted(complaint, self.users)

    def test_c18_callback_never_deleted(self):
        complaint = self._new_complaint()
        self._dispatch(complaint, self.dep_engineering, self.handler)
        complaint.with_user(self.agent).write(
            {
                "validity_reason": "Late repair.",
                "responsible_department_id": self.dep_engineering.id,
            }
        )
        complaint.with_user(self.agent).action_confirm_valid()
        self._resolve_and_communicate(complaint)
        callback = complaint.callback_ids
        self.assertEqual(len(callback), 1)
        self._assert_never_deleted(callback, self.users)
        # nor with its complaint
        self._assert_never_deleted(complaint, self.users)
