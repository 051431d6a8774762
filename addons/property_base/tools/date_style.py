"""One date style on paper (issue #19): the printed forms write dates as on the
zh_CN screens, 年月日 and 时:分 without seconds, in the site's (or the user's) time
zone. The report rendering context offers these helpers as ``zh_date``,
``zh_datetime``, ``zh_month`` and ``zh_quarter``."""

import datetime

import pytz

from odoo import fields

DATE_FORMAT = "%Y年%m月%d日"
TIME_FORMAT = "%H:%M"


def _timezone(tz):
    if isinstance(tz, datetime.tzinfo):
        return tz
    try:
        return pytz.timezone(tz or "Asia/Shanghai")
    except pytz.UnknownTimeZoneError:
        return pytz.timezone("Asia/Shanghai")


def zh_date(value):
    """2026年11月26日 for a date (or its ISO string); '' for nothing."""
    if not value:
        return ""
    if isinstance(value, str):
        value = fields.Date.to_date(value[:10])
    return value.strftime(DATE_FORMAT)


def zh_datetime(value, tz=None):
    """2026年11月26日 14:05 for a naive UTC datetime (as the ORM stores them), in the
    time zone ``tz`` (a name or a tzinfo; Shanghai when none); a date prints as one."""
    if not value:
        return ""
    if isinstance(value, str):
        value = fields.Datetime.to_datetime(value)
    if not isinstance(value, datetime.datetime):
        return zh_date(value)
    local = pytz.utc.localize(value).astimezone(_timezone(tz))
    return local.strftime(f"{DATE_FORMAT} {TIME_FORMAT}")


def zh_month(value):
    """2026年11月 for a date."""
    return value.strftime("%Y年%m月") if value else ""


def zh_quarter(value):
    """2026年第4季度 for a date."""
    return f"{value.year}年第{(value.month - 1) // 3 + 1}季度" if value else ""


def report_helpers():
    return {
        "zh_date": zh_date,
        "zh_datetime": zh_datetime,
        "zh_month": zh_month,
        "zh_quarter": zh_quarter,
    }
