"""Helpers for the tests of printed forms: render a QWeb report to PDF (even in test
mode, where Odoo returns HTML) and read its text back with ``pdftotext``."""

import subprocess
import tempfile


def pdf_text(pdf):
    """The text of the PDF document ``pdf`` (bytes), laid out as printed."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        return subprocess.run(
            ["pdftotext", "-layout", handle.name, "-"],
            capture_output=True,
            check=True,
            text=True,
        ).stdout


class ReportMixin:
    """Mix into a TransactionCase/HttpCase: ``_pdf(xmlid, records)`` prints the
    records with the report ``xmlid`` and returns the text of the PDF."""

    def _render_pdf(self, xmlid, records, data=None):
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, kind = report._render_qweb_pdf(xmlid, records.ids, data=data)
        self.assertEqual(kind, "pdf")
        return pdf

    def _pdf(self, xmlid, records, data=None):
        return pdf_text(self._render_pdf(xmlid, records, data=data))
