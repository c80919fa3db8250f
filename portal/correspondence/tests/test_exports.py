"""Register exports open safely in a spreadsheet: UTF-8 with its byte-order
mark, and no cell runs as a formula."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from portal.correspondence.factories import (
    IncomingDocumentFactory,
    OutgoingDocumentFactory,
)
from portal.documents.factories import IssuingBodyFactory

TITLE = '=HYPERLINK("http://ke-gian.example/","Bấm vào đây")'
SENDER = "@Ban Tuyên giáo"


@pytest.fixture
def hostile_entries(db):
    IncomingDocumentFactory(
        title=TITLE,
        sender=IssuingBodyFactory(name=SENDER, abbreviation="BTG"),
        recipient="-Phòng Tổng hợp",
    )
    OutgoingDocumentFactory(title=TITLE, signer="+Lê Quang Minh").release(
        on=date(2026, 4, 1)
    )


def csv_rows(response):
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(content.decode("utf-8")[1:])))


def xlsx_cells(response):
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    return {cell.value: cell for row in sheet.iter_rows() for cell in row}


def test_the_incoming_register_csv_carries_the_bom_and_quotes_formula_like_cells(
    client, clerk, hostile_entries
):
    response = client.get("/admin/correspondence/incoming/", {"export": "csv"})

    heading, entry = csv_rows(response)
    assert "Trích yếu" in heading
    assert f"'{TITLE}" in entry
    assert f"'{SENDER}" in entry
    assert "'-Phòng Tổng hợp" in entry
    assert "Hướng dẫn" in entry


def test_the_outgoing_register_csv_quotes_formula_like_cells(
    client, clerk, hostile_entries
):
    response = client.get("/admin/correspondence/outgoing/", {"export": "csv"})

    _heading, entry = csv_rows(response)
    assert f"'{TITLE}" in entry
    assert "'+Lê Quang Minh" in entry
    assert "01-CV/VPTU" in entry


@pytest.mark.parametrize("register", ["incoming", "outgoing"])
def test_the_register_xlsx_keeps_formula_like_text_as_text(
    client, clerk, hostile_entries, register
):
    response = client.get(f"/admin/correspondence/{register}/", {"export": "xlsx"})

    cell = xlsx_cells(response)[TITLE]
    assert (cell.data_type, cell.quotePrefix) == ("s", True)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_statistics_export_keeps_a_formula_like_body_name_as_text(
    client, clerk, hostile_entries, file_format
):
    response = client.get(
        "/admin/correspondence/statistics/", {"year": 2026, "format": file_format}
    )

    if file_format == "csv":
        assert response.content.startswith("\ufeff".encode())
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert [f"'{SENDER}", "1"] in rows
    else:
        cells = {
            cell.value: cell
            for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()
            for cell in row
        }
        assert (cells[SENDER].data_type, cells[SENDER].quotePrefix) == ("s", True)
