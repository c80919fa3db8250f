"""Yearly counts of issued documents, as the office reports them, and exports."""

from django.utils.translation import gettext as _

from portal.core.spreadsheets import spreadsheet_response
from portal.core.statistics import CountTable


def statistics_tables(documents):
    return [
        CountTable(_("Document type"), documents.count_by_type()),
        CountTable(_("Issuing body"), documents.count_by_issuer()),
    ]


def export(tables, year, file_format, filename="thong-ke-van-ban", count_label=None):
    """The tables as one CSV or XLSX file, a header row before each table."""
    rows = []
    for table in tables:
        rows.append([table.heading, count_label or _("Documents")])
        rows += [[str(label), count] for label, count in table.counts]
        rows.append([_("Total"), table.total])
        rows.append([])
    return spreadsheet_response(rows, f"{filename}-{year}", file_format, year)
