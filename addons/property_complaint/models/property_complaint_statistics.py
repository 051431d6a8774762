from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools

from .property_complaint import CLASS_SELECTION


class PropertyComplaintStatistics(models.Model):
    """One row per complaint or demand with its measures, for the monthly statistics
    (客户投诉/需求信息月报表, 顾客投诉分类统计表, C20). The rates are averages of 0/100
    values, NULL where the measure does not apply, so that every figure is computed by
    PostgreSQL."""

    _name = "property.complaint.statistics"
    _description = "Complaint Statistics"
    _inherit = ["property.input.mixin"]
    _auto = False
    _order = "date_received desc"
    _rec_name = "complaint_id"

    complaint_id = fields.Many2one("property.complaint", readonly=True)
    date_received = fields.Datetime(string="Received On", readonly=True)
    site_id = fields.Many2one("property.site", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    kind = fields.Selection(
        [("complaint", "Complaint"), ("demand", "Demand")], readonly=True
    )
    complaint_class = fields.Selection(CLASS_SELECTION, string="Class", readonly=True)
    category_id = fields.Many2one("property.complaint.category", readonly=True)
    channel_id = fields.Many2one("property.complaint.channel", readonly=True)
    department_id = fields.Many2one(
        "hr.department", string="Handling Department", readonly=True
    )
    responsible_department_id = fields.Many2one("hr.department", readonly=True)
    is_closed = fields.Boolean(readonly=True)
    is_second_complaint = fields.Boolean(string="Second Complaint", readonly=True)
    is_typical_case = fields.Boolean(string="Typical Case", readonly=True)
    nbr = fields.Integer(string="Count", readonly=True, aggregator="sum")
    on_time_response_rate = fields.Float(
        string="On-time Response Rate (%)", readonly=True, aggregator="avg"
    )
    on_time_resolution_rate = fields.Float(
        string="On-time Resolution Rate (%)", readonly=True, aggregator="avg"
    )
    callback_rate = fields.Float(
        string="Callback Rate (%)", readonly=True, aggregator="avg"
    )
    satisfaction_rate = fields.Float(
        string="Satisfaction Rate (%)", readonly=True, aggregator="avg"
    )
    second_complaint_rate = fields.Float(
        string="Second-Complaint Rate (%)", readonly=True, aggregator="avg"
    )
    sla_id = fields.Many2one(
        "property.complaint.sla", string="Service Level", readonly=True
    )
    sla_response_rate = fields.Float(
        string="Response Target Met (%)", readonly=True, aggregator="avg"
    )
    sla_resolution_rate = fields.Float(
        string="Resolution Target Met (%)", readonly=True, aggregator="avg"
    )

    @api.model
    def _on_time_sql(self):
        """SQL expressions of the on-time response (C08: the customer contacted within
        the response deadline) and resolution (C09: resolved within the working-day
        deadline): 100 or 0, NULL while not applicable yet."""
        response = (
            "CASE WHEN c.date_deadline_response IS NULL OR c.date_customer_contacted "
            "IS NULL THEN NULL WHEN c.date_customer_contacted <= "
            "c.date_deadline_response THEN 100.0 ELSE 0.0 END"
        )
        resolution = (
            "CASE WHEN c.date_deadline_resolution IS NULL OR c.date_resolved IS NULL "
            "THEN NULL WHEN c.date_resolved <= c.date_deadline_resolution THEN 100.0 "
            "ELSE 0.0 END"
        )
        return response, resolution

    @property
    def _table_query(self):
        # A projection of the complaints: the satisfaction of the latest callback is
        # kept on the complaint, and the complaints that caused a second complaint come
        # from one pre-aggregated join (a few rows, through the parent index), so that a
        # filter on the site and the month reaches the index of the complaints and the
        # query reads only the rows of that month. Per-row sub-queries made PostgreSQL
        # loop and JIT-compile on large periods.
        response, resolution = self._on_time_sql()
        return f"""
            SELECT c.id AS id,
                   c.id AS complaint_id,
                   c.date_received,
                   c.site_id,
                   c.company_id,
                   c.kind,
                   c.complaint_class,
                   c.category_id,
                   c.channel_id,
                   c.department_id,
                   c.responsible_department_id,
                   c.is_closed,
                   COALESCE(c.is_second_complaint, FALSE) AS is_second_complaint,
                   COALESCE(c.is_typical_case, FALSE) AS is_typical_case,
                   1 AS nbr,
                   {response} AS on_time_response_rate,
                   {resolution} AS on_time_resolution_rate,
                   CASE c.callback_state WHEN 'done' THEN 100.0 WHEN 'todo' THEN 0.0
                        ELSE NULL END AS callback_rate,
                   CASE WHEN c.callback_state IS DISTINCT FROM 'done' THEN NULL
                        WHEN c.is_callback_satisfied THEN 100.0 ELSE 0.0
                   END AS satisfaction_rate,
                   CASE WHEN parent.id IS NULL THEN 0.0 ELSE 100.0
                   END AS second_complaint_rate,
                   c.sla_id,
                   CASE c.sla_response_status WHEN 'met' THEN 100.0
                        WHEN 'failed' THEN 0.0 ELSE NULL END AS sla_response_rate,
                   CASE c.sla_resolution_status WHEN 'met' THEN 100.0
                        WHEN 'failed' THEN 0.0 ELSE NULL END AS sla_resolution_rate
              FROM property_complaint c
              LEFT JOIN (
                    SELECT DISTINCT s.parent_complaint_id AS id
                      FROM property_complaint s
                     WHERE s.parent_complaint_id IS NOT NULL
              ) parent ON parent.id = c.id
             WHERE c.active
        """

    # ------------------------------------------------------------------
    _MEASURES = (
        "nbr:sum",
        "on_time_response_rate:avg",
        "on_time_resolution_rate:avg",
        "callback_rate:avg",
        "satisfaction_rate:avg",
        "second_complaint_rate:avg",
    )

    @api.model
    def _period_figures(self, date_from, date_to, domain=None, groupby=()):
        """Figures of the complaints received from ``date_from`` (included) to
        ``date_to`` (excluded), naive UTC datetimes (see ``_figures``)."""
        domain = [
            ("date_received", ">=", date_from),
            ("date_received", "<", date_to),
            *(domain or []),
        ]
        return self._figures(domain, groupby)

    @api.model
    def _figures(self, domain, groupby=()):
        """Figures of the rows of ``domain``: a dict from the group key (a tuple of the
        ``groupby`` values, ``()`` for the total) to the measures; a rate is None when
        it applies to no record."""
        names = [m.split(":")[0] for m in self._MEASURES]
        result = {}
        for row in self._read_group(domain, list(groupby), list(self._MEASURES)):
            key = tuple(row[: len(groupby)])
            values = (
                None if value is False else value for value in row[len(groupby) :]
            )
            result[key] = dict(zip(names, values, strict=True))
        return result

    @api.model
    def _figures_by(self, domain, dimensions):
        """Figures of the rows of ``domain`` in total (key ``()``) and by each field of
        ``dimensions`` (key ``(fname, value)``), from one grouped query over all the
        dimensions whose sums and counts are added up by dimension: a long period is
        read once instead of once per dimension."""
        rates = [m.split(":")[0] for m in self._MEASURES if m.endswith(":avg")]
        aggregates = [
            "nbr:sum",
            *(f"{r}:sum" for r in rates),
            *(f"{r}:count" for r in rates),
        ]
        sums = {}
        for row in self._read_group(domain, list(dimensions), aggregates):
            values = [value or 0 for value in row[len(dimensions) :]]
            keys = [(), *((fname, row[i]) for i, fname in enumerate(dimensions))]
            for key in keys:
                total = sums.setdefault(key, [0] * len(values))
                for i, value in enumerate(values):
                    total[i] += value
        result = {}
        for key, total in sums.items():
            figures = {"nbr": total[0]}
            for i, rate in enumerate(rates):
                count = total[1 + len(rates) + i]
                figures[rate] = total[1 + i] / count if count else None
            result[key] = figures
        return result

    @api.model
    def _monthly_figures(self, site, month_start, groupby=()):
        """The figures of the month starting at ``month_start`` (a date) of ``site``,
        beside those of the previous month: ``{"current": ..., "previous": ...}``."""
        tz_start = site._month_bounds(month_start)
        prev_start = site._month_bounds(month_start - relativedelta(months=1))
        domain = [("site_id", "=", site.id)]
        return {
            "current": self._period_figures(*tz_start, domain=domain, groupby=groupby),
            "previous": self._period_figures(
                *prev_start, domain=domain, groupby=groupby
            ),
        }

    def init(self):
        # the monthly figures filter the complaints of a site by their date of receipt
        tools.create_index(
            self.env.cr,
            "property_complaint_site_date_received_index",
            "property_complaint",
            ["site_id", "date_received"],
        )
