from odoo.tests import HttpCase, tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestPortalChinese(HttpCase, PortalCase):
    """The portal pages speak Chinese to a resident whose language is zh_CN."""

    def test_portal_pages_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_portal", "property_complaint"], ["zh_CN"], overwrite=True
        )
        self.resident_a.lang = "zh_CN"
        complaint = self._to_callback(self._portal_complaint())
        self.authenticate("t_resident_a", "t_resident_a")
        page = self.url_open("/my/complaints/new").text
        self.assertIn("我要报事", page)
        self.assertIn("房号", page)
        page = self.url_open(f"/my/complaints/{complaint.id}").text
        self.assertIn("处理人", page)
        self.assertIn("您对处理结果满意吗", page)
        self.assertIn("不满意", page, "the satisfaction levels of property_complaint")
        page = self.url_open("/my/visits/new").text
        self.assertIn("访客姓名", page)
        self.assertIn("邀请访客", page)
        self.assertNotIn("Invite a Visitor", page)
