from unittest.mock import patch

from odoo.tests.common import ChromeBrowser


class PhoneTourMixin:
    """Mix into an HttpCase before it: its tours run at a phone's viewport (390 × 844,
    touch). Headless Chromium keeps windows at least 500 px wide, so the screen is
    emulated through the DevTools protocol before each page is opened."""

    browser_size = "390x844"
    touch_enabled = True

    def start_tour(self, url_path, tour_name, **kwargs):
        navigate_to = ChromeBrowser.navigate_to
        width, height = (int(v) for v in self.browser_size.replace(",", "x").split("x"))

        def navigate_on_phone(browser, url, wait_stop=False):
            browser._websocket_request(
                "Emulation.setDeviceMetricsOverride",
                params={
                    "width": width,
                    "height": height,
                    "deviceScaleFactor": 1,
                    "mobile": True,
                },
            )
            return navigate_to(browser, url, wait_stop=wait_stop)

        with patch.object(ChromeBrowser, "navigate_to", navigate_on_phone):
            return super().start_tour(url_path, tour_name, **kwargs)
