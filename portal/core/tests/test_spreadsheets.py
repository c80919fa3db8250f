import csv
import io

import pytest
from openpyxl import load_workbook

from portal.core.spreadsheets import spreadsheet_response

FORMULAS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1"]
HARMLESS = ["Ban Tổ chức", "15-NQ/TW", "1=1", ""]


def csv_rows(response):
    content = response.content
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8")[1:])))


def xlsx_cells(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [cell for row in sheet.iter_rows() for cell in row]


def test_csv_puts_a_quote_before_text_that_would_run_as_a_formula():
    response = spreadsheet_response(
        [[text, 3] for text in FORMULAS + HARMLESS], "bang", "csv", "Bảng"
    )

    assert [row[0] for row in csv_rows(response)] == [
        "'=1+1",
        "'+1+1",
        "'-1+1",
        "'@SUM(A1)",
        "'\t=1+1",
        "'\r=1+1",
        *HARMLESS,
    ]
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_csv_keeps_numbers_as_they_are():
    response = spreadsheet_response([[-5, 2.5]], "bang", "csv", "Bảng")

    assert csv_rows(response) == [["-5", "2.5"]]


@pytest.mark.parametrize("text", FORMULAS)
def test_xlsx_stores_formula_like_text_as_quoted_text(text):
    response = spreadsheet_response([[text, -5]], "bang", "xlsx", "Bảng")

    cell, number = xlsx_cells(response)
    assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
    assert (number.value, number.data_type) == (-5, "n")


def test_xlsx_stores_other_text_without_a_quote_prefix():
    response = spreadsheet_response([["Ban Tổ chức"]], "bang", "xlsx", "Bảng")

    (cell,) = xlsx_cells(response)
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("Ban Tổ chức", "s", False)
