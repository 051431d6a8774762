"""One date style for Chinese users (ours, issue of the daily screens): the web client
receives 年月日 and 时:分 without seconds for zh_CN, the formats the screens and the
printed forms use."""

import json

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDateStyle(HttpCase):
    def test_date_style_zh_cn_without_seconds(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        response = self.url_open("/web/webclient/translations/1?lang=zh_CN")
        self.assertEqual(response.status_code, 200)
        params = json.loads(response.content)["lang_parameters"]
        self.assertEqual(params["date_format"], "%Y年%m月%d日")
        self.assertEqual(params["time_format"], "%H:%M")
        self.assertEqual(params["short_time_format"], "%H:%M")
