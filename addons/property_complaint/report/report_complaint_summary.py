import datetime

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

# months of each period type of the summaries (C26)
PERIOD_MONTHS = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}


class ReportComplaintSummary(models.AbstractModel):
    """客户投诉/需求统计汇总表: the monthly, quarterly, half-year or annual summary of
    one or more sites from the figures of the statistics (C20, C26), beside the
    previous period of the same length."""

    _name = "report.property_complaint.report_complaint_summary"
    _description = "Complaint Summary Report"

    _DIMENSIONS = (
        ("complaint_class", "按投诉等级"),
        ("kind", "按类别（投诉/需求）"),
        ("category_id", "按专业类别"),
        ("department_id", "按处理部门"),
        ("site_id", "按管理处"),
    )
    _CLASS_LABELS = {
        "1": "一类投诉（重大）",
        "2": "二类投诉（重要）",
        "3": "三类投诉（一般）",
    }
    _KIND_LABELS = {"complaint": "投诉", "demand": "需求"}
    # printed after the period's label: 2025年3月统计, 2025年上半年总结, 2025年度总结
    _TYPE_TITLES = {
        "month": "统计",
        "quarter": "统计",
        "half_year": "总结",
        "year": "总结",
    }

    @api.model
    def _period(self, period_type, date_from):
        """``(start, end, previous_start)`` of the period of ``period_type`` that
        starts at ``date_from`` (dates, ``end`` excluded)."""
        months = PERIOD_MONTHS[period_type]
        return (
            date_from,
            date_from + relativedelta(months=months),
            date_from - relativedelta(months=months),
        )

    @api.model
    def _period_label(self, period_type, start):
        if period_type == "month":
            return f"{start.year}年{start.month}月"
        if period_type == "quarter":
            return f"{start.year}年第{(start.month - 1) // 3 + 1}季度"
        if period_type == "half_year":
            return f"{start.year}年{'上' if start.month <= 6 else '下'}半年"
        return f"{start.year}年度"

    @api.model
    def _period_option(self, data):
        """``(period_type, date_from)`` of the options of the report, or a UserError."""
        period_type, date_from = data.get("period_type"), data.get("date_from")
        if not isinstance(period_type, str) or period_type not in PERIOD_MONTHS:
            raise UserError(
                self.env._(
                    "The period of the summary must be a month, a quarter, a "
                    "half-year or a year, not %(period)s.",
                    period=str(period_type)[:40],
                )
            )
        try:
            start = (
                fields.Date.to_date(date_from) if isinstance(date_from, str) else None
            )
        except ValueError:
            start = None
        if not start or not 2000 <= start.year <= 2199:
            raise UserError(
                self.env._(
                    "The start of the period must be a date such as 2025-01-01, not "
                    "%(date)s.",
                    date=str(date_from)[:40],
                )
            )
        return period_type, start

    @api.model
    def _default_period(self):
        """The last complete half-year."""
        today = fields.Date.context_today(self)
        start = datetime.date(today.year, 1 if today.month <= 6 else 7, 1)
        return "half_year", start - relativedelta(months=6)

    @staticmethod
    def _sort_key(key):
        """Rows in the order of the values (class 1 first, records by id), the empty
        value last."""
        value = key[1]
        if isinstance(value, models.BaseModel):
            return (not value, f"{value.id:012d}" if value else "")
        return (not value, str(value or ""))

    @api.model
    def _label(self, fname, value):
        if fname == "complaint_class":
            return self._CLASS_LABELS.get(value, "未分级")
        if fname == "kind":
            return self._KIND_LABELS.get(value, "未填写")
        return value.display_name if value else "未填写"

    @api.model
    def _summary(self, sites, period_type, date_from):
        """The figures of the summary: totals and one table per dimension, each row
        with the current and previous figures and the change of the count."""
        Statistics = self.env["property.complaint.statistics"]
        start, end, previous_start = self._period(period_type, date_from)
        dimensions = [fname for fname, _title in self._DIMENSIONS]
        current = Statistics._figures_by(sites._period_domain(start, end), dimensions)
        previous = Statistics._figures_by(
            sites._period_domain(previous_start, start), dimensions
        )

        def row(key):
            cur, prev = current.get(key, {}), previous.get(key, {})
            return {
                "label": self._label(key[0], key[1]) if key else "合计",
                "current": cur,
                "previous": prev,
                "change": (cur.get("nbr") or 0) - (prev.get("nbr") or 0),
            }

        def rows(fname):
            keys = {key for key in [*current, *previous] if key and key[0] == fname}
            return [row(key) for key in sorted(keys, key=self._sort_key)]

        return {
            "period_type": period_type,
            "title": self._TYPE_TITLES[period_type],
            "label": self._period_label(period_type, start),
            "previous_label": self._period_label(period_type, previous_start),
            "date_from": start,
            "date_to": end - datetime.timedelta(days=1),
            "previous_from": previous_start,
            "previous_to": start - datetime.timedelta(days=1),
            "total": row(()),
            "tables": [
                {"title": title, "rows": rows(fname)}
                for fname, title in self._DIMENSIONS
            ],
        }

    @api.model
    def _get_report_values(self, docids, data=None):
        sites = self.env["property.site"].browse(docids)
        data = data if isinstance(data, dict) else {}
        if data.get("period_type") or data.get("date_from"):
            period_type, date_from = self._period_option(data)
        else:
            period_type, date_from = self._default_period()
        return {
            "doc_ids": docids,
            "doc_model": "property.site",
            "docs": sites,
            "summary": self._summary(sites, period_type, date_from),
            "rate": self._rate,
            "printed_on": fields.Date.context_today(self),
        }

    @staticmethod
    def _rate(value):
        return "—" if value is None or value is False else f"{value:.1f}%"
