"""The night hours of a company: from ``start`` to ``end`` (hours as floats, 21.0 to
8.0) in the company's time zone, across midnight when ``start`` > ``end``; none when
they are equal."""

from datetime import datetime, time, timedelta

import pytz

DEFAULT_TZ = "Asia/Shanghai"


def _time(hours):
    minutes = round((hours or 0.0) * 60) % (24 * 60)
    return time(minutes // 60, minutes % 60)


def night_end(now_utc, start, end, tz_name):
    """The end of the night (naive UTC) when ``now_utc`` (naive UTC) falls in it,
    else None."""
    start, end = _time(start), _time(end)
    if start == end:
        return None
    tz = pytz.timezone(tz_name or DEFAULT_TZ)
    local = pytz.utc.localize(now_utc).astimezone(tz)
    clock = local.time().replace(tzinfo=None)
    if start < end:
        in_night = start <= clock < end
        end_day = local.date()
    else:
        in_night = clock >= start or clock < end
        end_day = local.date() + timedelta(days=1) if clock >= start else local.date()
    if not in_night:
        return None
    end_local = tz.localize(datetime.combine(end_day, end))
    return end_local.astimezone(pytz.utc).replace(tzinfo=None)
