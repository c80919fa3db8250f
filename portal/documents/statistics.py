"""Yearly counts of issued documents, as the office reports them, and exports."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def statistics_tables(documents):
    return [
        (_("Document type"), documents.count_by_type()),
        (_("Issuing body"), documents.count_by_issuer()),
    ]


def export(tables, year, file_format):
    """The tables as one CSV or XLSX file, a header row before each table."""
    rows = []
    for heading, counts in tables:
        rows.append([heading, _("Documents")])
        rows += [[str(label), count] for label, count in counts]
        rows.append([_("Total"), sum(count for _label, count in counts)])
        rows.append([])
    filename = f"thong-ke-van-ban-{year}"
    if file_format == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = str(year)
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        return response
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    # A byte-order mark so that spreadsheet programs read the Vietnamese as UTF-8.
    response = HttpResponse(
        "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
