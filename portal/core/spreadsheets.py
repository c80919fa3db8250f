"""Tables as CSV or XLSX downloads, the two formats offices report in.

Every export goes through here, so that each one is safe to open: a text cell
that a spreadsheet program would run as a formula stays text, and CSV files
start with a byte-order mark so that Excel reads Vietnamese as UTF-8.
"""

import csv
import io

from django.http import HttpResponse
from wagtail.admin.views.mixins import SpreadsheetExportMixin as WagtailExportMixin

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
FORMATS = ("csv", "xlsx")
BOM = "\ufeff"
# What makes a spreadsheet program read a cell as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value):
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value):
    """A cell for a CSV file: formula-like text behind a quote, as Excel's own
    "'" keeps what follows as text."""
    return "'" + value if is_formula_like(value) else value


def xlsx_cell(sheet, value):
    """A cell for an XLSX sheet: text is stored as text, never as a formula, and
    formula-like text carries Excel's quote prefix so that editing keeps it text."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str):
        cell.data_type = "s"
        cell.quotePrefix = is_formula_like(value)
    return cell


def spreadsheet_response(rows, filename, file_format, sheet_title):
    """``rows`` (lists of cells) as a download named ``filename``.csv or .xlsx."""
    extension = "xlsx" if file_format == "xlsx" else "csv"
    if extension == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(str(sheet_title)[:31])
        for row in rows:
            sheet.append([xlsx_cell(sheet, value) for value in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    else:
        buffer = io.StringIO()
        csv.writer(buffer).writerows([csv_cell(value) for value in row] for row in rows)
        response = HttpResponse(BOM + buffer.getvalue(), content_type=CSV)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response


class SpreadsheetExportMixin(WagtailExportMixin):
    """Wagtail's listing export (``list_export``), written through the cells above."""

    def stream_csv(self, queryset):
        yield BOM.encode()
        yield from super().stream_csv(queryset)

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: csv_cell(self.preprocess_field_value(field, value, "csv"))
                for field, value in row_dict.items()
            }
        )

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format):
            if cell.data_type == "s":
                cell.quotePrefix = is_formula_like(cell.value)
            yield cell

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = CSV
        return response
