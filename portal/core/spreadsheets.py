"""Tables as CSV or XLSX downloads, the two formats offices report in."""

import csv
import io

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


def spreadsheet_response(rows, filename, file_format, sheet_title):
    """``rows`` (lists of cells) as a download named ``filename``.csv or .xlsx."""
    extension = "xlsx" if file_format == "xlsx" else "csv"
    if extension == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = str(sheet_title)[:31]
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    else:
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        # A byte-order mark so that spreadsheet programs read Vietnamese as UTF-8.
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response
