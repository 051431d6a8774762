import datetime

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class ReportComplaintMonthly(models.AbstractModel):
    """客户投诉/需求信息月报表 and 顾客投诉分类统计表 of a site (C20, C21, C26)."""

    _name = "report.property_complaint.report_complaint_monthly"
    _description = "Monthly Complaint Report"

    _DIMENSIONS = (
        ("kind", "类别（投诉/需求）"),
        ("category_id", "专业类别"),
        ("channel_id", "接收渠道"),
        ("department_id", "处理部门"),
    )

    @api.model
    def _month(self, data):
        """The first day of the month of the report: the option ``month`` (a date of
        that month, ``YYYY-MM-DD``), the previous month when not given; a month that is
        not a date of 2000–2199 is refused with a message."""
        month = (data or {}).get("month") if isinstance(data, dict) else None
        if month:
            try:
                day = fields.Date.to_date(month) if isinstance(month, str) else None
            except ValueError:
                day = None
            if not day or not 2000 <= day.year <= 2199:
                raise UserError(
                    self.env._(
                        "The month of the report must be a date such as 2025-03-01, "
                        "not %(month)s.",
                        month=str(month)[:40],
                    )
                )
            return day.replace(day=1)
        today = fields.Date.context_today(self)
        return today.replace(day=1) - relativedelta(months=1)

    @api.model
    def _label(self, value):
        if isinstance(value, models.BaseModel):
            return value.display_name or "未填写"
        return {"complaint": "投诉", "demand": "需求"}.get(value, value or "未填写")

    @api.model
    def _site_figures(self, site, month):
        Statistics = self.env["property.complaint.statistics"]
        total = Statistics._monthly_figures(site, month)
        tables = []
        for fname, title in self._DIMENSIONS:
            figures = Statistics._monthly_figures(site, month, groupby=(fname,))
            keys = list(dict.fromkeys([*figures["current"], *figures["previous"]]))
            rows = [
                {
                    "label": self._label(key[0]),
                    "current": figures["current"].get(key, {}),
                    "previous": figures["previous"].get(key, {}),
                }
                for key in keys
            ]
            tables.append({"title": title, "rows": rows})
        return {
            "site": site,
            "total": {
                "current": total["current"].get((), {}),
                "previous": total["previous"].get((), {}),
            },
            "tables": tables,
        }

    @api.model
    def _get_report_values(self, docids, data=None):
        month = self._month(data)
        sites = self.env["property.site"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "property.site",
            "docs": sites,
            "month": month,
            "previous_month": month - relativedelta(months=1),
            "pages": [self._site_figures(site, month) for site in sites],
            "rate": self._rate,
            "printed_on": datetime.date.today(),
        }

    @staticmethod
    def _rate(value):
        return "—" if value is None or value is False else f"{value:.1f}%"
