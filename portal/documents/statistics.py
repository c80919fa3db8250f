"""Yearly counts of issued documents, as the office reports them, and exports."""

from django.utils.translation import gettext as _

from portal.core.spreadsheets import spreadsheet_response


def statistics_tables(documents):
    return [
        (_("Document type"), documents.count_by_type()),
        (_("Issuing body"), documents.count_by_issuer()),
    ]


def export(tables, year, file_format, filename="thong-ke-van-ban"):
    """The tables as one CSV or XLSX file, a header row before each table."""
    rows = []
    for heading, counts in tables:
        rows.append([heading, _("Documents")])
        rows += [[str(label), count] for label, count in counts]
        rows.append([_("Total"), sum(count for _label, count in counts)])
        rows.append([])
    return spreadsheet_response(rows, f"{filename}-{year}", file_format, year)
