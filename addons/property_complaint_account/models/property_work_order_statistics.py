from odoo import api, fields, models, tools

from .property_work_order import STATES


class PropertyWorkOrderStatistics(models.Model):
    """One row per repair work order with its money, for the monthly statistics of
    paid services (C20, the complaint side of Accounting): billed is the total of its
    posted invoice, collected what was paid of it, free the value of the work done free
    of charge; all in the company's currency, dated by the invoice (or the end of the
    work)."""

    _name = "property.work.order.statistics"
    _description = "Paid Services Statistics"
    _inherit = ["property.input.mixin"]
    _auto = False
    _order = "date desc"
    _rec_name = "work_order_id"

    work_order_id = fields.Many2one("property.work.order", readonly=True)
    complaint_id = fields.Many2one("property.complaint", string="Demand", readonly=True)
    site_id = fields.Many2one("property.site", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    technician_id = fields.Many2one("res.users", readonly=True)
    state = fields.Selection(STATES, string="Status", readonly=True)
    date = fields.Date(readonly=True)
    nbr = fields.Integer(string="Count", readonly=True, aggregator="sum")
    amount_billed = fields.Monetary(
        string="Paid Services Billed", readonly=True, aggregator="sum"
    )
    amount_collected = fields.Monetary(
        string="Collected", readonly=True, aggregator="sum"
    )
    amount_free = fields.Monetary(
        string="Free of Charge", readonly=True, aggregator="sum"
    )

    @api.model
    def _query(self):
        return """
            SELECT wo.id AS id,
                   wo.id AS work_order_id,
                   wo.complaint_id,
                   wo.site_id,
                   wo.company_id,
                   company.currency_id,
                   wo.technician_id,
                   wo.state,
                   COALESCE(
                       move.invoice_date,
                       (wo.date_done AT TIME ZONE 'UTC'
                        AT TIME ZONE COALESCE(calendar.tz, 'Asia/Shanghai'))::date,
                       (wo.create_date AT TIME ZONE 'UTC'
                        AT TIME ZONE COALESCE(calendar.tz, 'Asia/Shanghai'))::date
                   ) AS date,
                   1 AS nbr,
                   CASE WHEN move.state = 'posted'
                        THEN move.amount_total_signed ELSE 0 END AS amount_billed,
                   CASE WHEN move.state = 'posted'
                        THEN move.amount_total_signed - move.amount_residual_signed
                        ELSE 0 END AS amount_collected,
                   CASE WHEN wo.state = 'free'
                        THEN wo.amount_total ELSE 0 END AS amount_free
              FROM property_work_order wo
              JOIN res_company company ON company.id = wo.company_id
              JOIN property_site site ON site.id = wo.site_id
         LEFT JOIN resource_calendar calendar ON calendar.id = site.calendar_id
         LEFT JOIN account_move move ON move.id = wo.invoice_id
        """

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"CREATE OR REPLACE VIEW {self._table} AS ({self._query()})"
        )

    @api.model
    def _month_amounts(self, date_from, date_to):
        """{site: (billed, collected, free)} of the period, in one grouped query."""
        groups = self._read_group(
            [("date", ">=", date_from), ("date", "<=", date_to)],
            ["site_id"],
            ["amount_billed:sum", "amount_collected:sum", "amount_free:sum"],
        )
        return {site: tuple(amounts) for site, *amounts in groups}
