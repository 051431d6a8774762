from odoo import models
from odoo.exceptions import AccessError

from ..tools.date_style import report_helpers


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _property_check_report_groups(self, report_ref):
        """A report of the suite restricted to some groups is printed only by them,
        whichever way it is asked for (print menu, /report URL, RPC), not only hidden
        from the others' print menu."""
        if self.env.su:
            return
        report = self._get_report(report_ref)
        if not (report.report_name or "").startswith("property_"):
            return
        if report.groups_id and not (report.groups_id & self.env.user.groups_id):
            raise AccessError(
                self.env._(
                    "You may not print the report %(report)s: it is kept for other "
                    "roles.",
                    report=report.name,
                )
            )

    def _render_qweb_html(self, report_ref, docids, data=None):
        self._property_check_report_groups(report_ref)
        return super()._render_qweb_html(report_ref, docids, data=data)

    def _render_qweb_text(self, report_ref, docids, data=None):
        self._property_check_report_groups(report_ref)
        return super()._render_qweb_text(report_ref, docids, data=data)

    def _get_rendering_context(self, report, docids, data):
        """The suite's date style on paper (zh_date, zh_datetime, zh_month, zh_quarter:
        property_base/tools/date_style.py) for every printed form."""
        values = super()._get_rendering_context(report, docids, data)
        values.update(report_helpers())
        return values
